/**
 * `npm run server -- backup --data DIR --to FILE`: a consistent copy of a SQLite backend database
 * through SQLite's online backup API, while the server keeps running (writers are not blocked;
 * the copy is one point in time). PostgreSQL is backed up with pg_dump instead (see README).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../backend';

export async function backupSqlite(dataDir: string, to: string): Promise<{ pages: number }> {
  const source = join(dataDir, DATABASE_FILE);
  if (!existsSync(source)) throw new Error(`no backend database in ${dataDir} (${DATABASE_FILE})`);
  if (existsSync(to)) throw new Error(`${to} exists already; choose a new file name`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const result = await db.backup(to);
    return { pages: result.totalPages };
  } finally {
    db.close();
  }
}
