import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StoreError } from './errors';
import { sqliteNativeBinding } from './native-binding';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenedStore {
  db: Db;
  path: string;
  /** True when the previous session did not close the database cleanly. */
  uncleanShutdown: boolean;
  /** The backup taken before migrating, if a migration ran on an existing file. */
  backupPath: string | null;
  schemaVersion: number;
  close(): void;
}

const RECOVERY_ADVICE =
  'Copydesk has not changed the file. Quit Copydesk, move the file aside (keep it: it may still ' +
  'hold recoverable text), then either restore the newest copy from the "backups" folder next to ' +
  'it or start again and let sync download your articles from the server.';

function markerPath(dbPath: string): string {
  return `${dbPath}.open`;
}

function backupBeforeMigration(db: Db, path: string, fromVersion: number): string {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const dir = join(dirname(path), 'backups');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = join(dir, `${basename(path)}.v${fromVersion}.${stamp}.bak`);
  copyFileSync(path, target);
  return target;
}

function migrate(
  db: Db,
  path: string,
  current: number,
  existed: boolean,
  migrations: readonly Migration[],
): string | null {
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return null;
  const backup = existed ? backupBeforeMigration(db, path, current) : null;
  for (const m of pending) {
    const apply = db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    });
    try {
      apply.immediate();
    } catch (e) {
      throw new StoreError(
        'migration_failed',
        `Updating the local database to schema ${m.version} (${m.name}) failed: ${(e as Error).message}. ` +
          `Nothing of that step was applied${backup ? `; a copy from before is at ${backup}` : ''}.`,
      );
    }
  }
  return backup;
}

/**
 * Opens (creating if needed) the profile database: refuses a newer schema untouched, backs up
 * and migrates an older one, and sets the durability pragmas that the outbox relies on.
 */
export function openStore(
  path: string,
  migrations: readonly Migration[] = MIGRATIONS,
): OpenedStore {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  mkdirSync(dirname(path), { recursive: true });
  const exists = existsSync(path) && statSync(path).size > 0;

  // Read the version before anything that writes (the WAL switch changes the file header), so a
  // database from a newer version or a damaged file is left exactly as it was.
  let db: Db;
  let onDiskVersion: number;
  try {
    const nativeBinding = sqliteNativeBinding();
    db = new Database(path, nativeBinding ? { nativeBinding } : {});
    onDiskVersion = db.pragma('user_version', { simple: true }) as number;
  } catch (e) {
    throw new StoreError(
      'corrupt',
      `The local database ${path} cannot be read: ${(e as Error).message}. ${RECOVERY_ADVICE}`,
    );
  }
  if (onDiskVersion > latest) {
    db.close();
    throw new StoreError(
      'newer_schema',
      `This profile's database (${path}) was written by a newer Copydesk (schema ${onDiskVersion}; this ` +
        `version knows up to ${latest}). Update Copydesk to open it. The file was left untouched.`,
    );
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  } catch (e) {
    db.close();
    throw new StoreError(
      'corrupt',
      `The local database ${path} cannot be opened: ${(e as Error).message}. ${RECOVERY_ADVICE}`,
    );
  }

  let backupPath: string | null;
  try {
    backupPath = migrate(db, path, onDiskVersion, exists, migrations);
  } catch (e) {
    db.close();
    throw e;
  }

  const marker = markerPath(path);
  const uncleanShutdown = existsSync(marker);
  writeFileSync(marker, String(process.pid));

  return {
    db,
    path,
    uncleanShutdown,
    backupPath,
    schemaVersion: latest,
    close() {
      if (!db.open) return;
      db.pragma('wal_checkpoint(PASSIVE)');
      db.close();
      rmSync(marker, { force: true });
    },
  };
}

export { RECOVERY_ADVICE };
