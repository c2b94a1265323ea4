import Database from 'better-sqlite3';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StoreError } from './errors';
import { sqliteNativeBinding } from './native-binding';
import { MIGRATIONS, type Migration } from './migrations';
import { ensurePrivateDir, tightenDatabaseFiles } from '../../../src-server/storage/privateFiles';

export type Db = Database.Database;

export interface OpenedStore {
  db: Db;
  path: string;
  /** True when the previous session did not close the database cleanly. */
  uncleanShutdown: boolean;
  /** The backup taken before migrating, if a migration ran on an existing file. */
  backupPath: string | null;
  schemaVersion: number;
  /** Set when the file was empty or damaged: it was kept aside and a new database made. */
  recovered: StoreRecovery | null;
  close(): void;
}

export interface StoreRecovery {
  reason: 'empty' | 'damaged';
  /** Where the old file now is (its -wal and -shm beside it, if there were any). */
  keptAt: string;
  /** For the user: what happened, where the old file is, what happens next. */
  message: string;
}

/**
 * What to do about a database found damaged while Copydesk runs. Names only folders that exist:
 * the backups folder is there once a migration has copied the file into it.
 */
export function recoveryAdvice(dbPath: string): string {
  const backups = join(dirname(dbPath), 'backups');
  const restore = existsSync(backups)
    ? `, or restore the newest copy from ${backups} in its place`
    : '';
  return (
    `Quit Copydesk and start it again: it keeps the damaged file aside (renamed, with the date) ` +
    `and makes a new database, and sync downloads your articles from the server${restore}. ` +
    `Changes that were not synced yet stay only in the kept file.`
  );
}

/** Renames the database (and its -wal/-shm) to `<file>.<reason>-<time stamp>`; returns the new name. */
function keepAside(path: string, reason: StoreRecovery['reason']): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${path}.${reason}-${stamp}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  }
  return target;
}

function recovery(path: string, reason: StoreRecovery['reason'], detail: string): StoreRecovery {
  const keptAt = keepAside(path, reason);
  const what =
    reason === 'empty'
      ? `The local database ${path} was empty (0 bytes)`
      : `The local database ${path} was damaged (${detail})`;
  return {
    reason,
    keptAt,
    message:
      `${what}. Copydesk kept it as ${keptAt} and started a new one: sign in to the server again ` +
      `and sync restores your articles from it. Changes that were not synced yet are only in the ` +
      `kept file.`,
  };
}

/** Opens the file and reads its schema version; throws what SQLite throws for a damaged file. */
function openAndReadVersion(path: string): { db: Db; version: number } {
  const nativeBinding = sqliteNativeBinding();
  const db = new Database(path, nativeBinding ? { nativeBinding } : {});
  try {
    return { db, version: db.pragma('user_version', { simple: true }) as number };
  } catch (e) {
    db.close();
    throw e;
  }
}

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
  ensurePrivateDir(dirname(path));
  let recovered: StoreRecovery | null = null;
  if (existsSync(path) && statSync(path).size === 0) recovered = recovery(path, 'empty', '');
  const exists = existsSync(path);
  tightenDatabaseFiles(path);

  // Read the version before anything that writes (the WAL switch changes the file header), so a
  // database from a newer version is left exactly as it was. A file SQLite cannot read at all
  // is kept aside and replaced by a new database.
  let db: Db;
  let onDiskVersion: number;
  try {
    ({ db, version: onDiskVersion } = openAndReadVersion(path));
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (!exists || (code !== 'SQLITE_NOTADB' && code !== 'SQLITE_CORRUPT')) {
      throw new StoreError(
        'corrupt',
        `The local database ${path} cannot be read: ${(e as Error).message}. ${recoveryAdvice(path)}`,
      );
    }
    recovered = recovery(path, 'damaged', (e as Error).message);
    ({ db, version: onDiskVersion } = openAndReadVersion(path));
  }
  // Before anything is written (SQLite gives the -wal and -shm it makes the same mode).
  tightenDatabaseFiles(path);
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
      `The local database ${path} cannot be opened: ${(e as Error).message}. ${recoveryAdvice(path)}`,
    );
  }

  let backupPath: string | null;
  try {
    backupPath = migrate(db, path, onDiskVersion, exists && recovered === null, migrations);
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
    recovered,
    close() {
      if (!db.open) return;
      db.pragma('wal_checkpoint(PASSIVE)');
      db.close();
      rmSync(marker, { force: true });
    },
  };
}
