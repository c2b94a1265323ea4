/**
 * Files only their owner may read: drafts on the desk, password and session hashes on the server.
 * Folders are made 0700 and SQLite databases 0600 (SQLite gives its -wal and -shm files the mode
 * of the database file). Existing ones are tightened, so an older install is fixed on its next
 * start. On Windows modes mean little; the calls are harmless there.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder (and parents) if needed, and makes it 0700. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Creates an empty database file 0600 if there is none; makes it and its -wal/-shm 0600. */
export function preparePrivateDatabase(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  tightenDatabaseFiles(path);
}

/** Makes the database file and its -wal/-shm 0600, those that exist. */
export function tightenDatabaseFiles(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
  }
}
