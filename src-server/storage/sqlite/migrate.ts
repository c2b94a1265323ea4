/**
 * Brings a SQLite backend database to the schema this server knows, the way the desktop store
 * does: a database from a newer server is refused and left untouched; before migrating an
 * existing database, a consistent copy is written to backups/ beside it (VACUUM INTO, which reads
 * one snapshot). Each migration runs in its own transaction with the version bump.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { NewerSchemaError } from '../errors';
import { SQLITE_MIGRATIONS } from './migrations';

export interface MigrationResult {
  from: number;
  to: number;
  /** The copy taken before migrating (none for a new database or one already current). */
  backup?: string;
}

export function schemaVersion(db: Database.Database): number {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
    .get();
  if (!table) return 0;
  const row = db.prepare('SELECT version FROM schema_version').get() as
    { version: number } | undefined;
  return row ? Number(row.version) : 0;
}

export function migrateSqlite(
  db: Database.Database,
  file: string,
  migrations: readonly string[] = SQLITE_MIGRATIONS,
): MigrationResult {
  const from = schemaVersion(db);
  const to = migrations.length;
  if (from > to) throw new NewerSchemaError(from, to);
  if (from === to) return { from, to };
  let backup: string | undefined;
  if (from > 0) {
    const dir = join(dirname(file), 'backups');
    mkdirSync(dir, { recursive: true });
    backup = join(
      dir,
      `copydesk-server-v${from}-${new Date().toISOString().replace(/:/g, '-')}.db`,
    );
    db.prepare('VACUUM INTO ?').run(backup);
  }
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  for (let v = from; v < to; v++) {
    db.transaction(() => {
      db.exec(migrations[v] as string);
      db.prepare('DELETE FROM schema_version').run();
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(v + 1);
    })();
  }
  return backup ? { from, to, backup } : { from, to };
}
