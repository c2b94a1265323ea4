/**
 * Reads a test server's own database, SQLite or PostgreSQL alike (the SQL with `?` placeholders
 * runs on both; BIGINT and COUNT come back as numbers on both).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { toPgSql } from '../../src-server/storage/postgres/runner';

export interface ServerDbTarget {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** The SQLite file in dataDir (default copydesk-server.db). */
  file?: string;
}

type Row = Record<string, unknown>;

const INT8 = 20;
const int8AsNumber = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8
      ? (v: string) => Number(v)
      : (pg.types.getTypeParser(oid, format) as (
          v: string,
        ) => unknown)) as typeof pg.types.getTypeParser,
};

export async function serverRows(
  target: ServerDbTarget,
  sql: string,
  ...params: unknown[]
): Promise<Row[]> {
  if (target.databaseUrl) {
    const client = new pg.Client({ connectionString: target.databaseUrl, types: int8AsNumber });
    await client.connect();
    try {
      return (await client.query<Row>(toPgSql(sql), params)).rows;
    } finally {
      await client.end();
    }
  }
  const db = new Database(join(target.dataDir, target.file ?? 'copydesk-server.db'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    return db.prepare(sql).all(...params) as Row[];
  } finally {
    db.close();
  }
}

export async function serverRow<T = Row>(
  target: ServerDbTarget,
  sql: string,
  ...params: unknown[]
): Promise<T> {
  return (await serverRows(target, sql, ...params))[0] as T;
}

/** `SELECT COUNT(*) AS n …` as a number. */
export async function serverCount(
  target: ServerDbTarget,
  sql: string,
  ...params: unknown[]
): Promise<number> {
  return Number((await serverRow<{ n: unknown }>(target, sql, ...params)).n);
}

/** The names of the server's tables (without the schema version). */
export async function serverTables(target: ServerDbTarget): Promise<string[]> {
  const rows = target.databaseUrl
    ? await serverRows(
        target,
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
      )
    : await serverRows(target, "SELECT name FROM sqlite_master WHERE type = 'table'");
  return rows.map((r) => String(r.name)).sort();
}

/**
 * Row counts and a checksum of every table of the server database (rows in a stable order),
 * except the rate-limit counters: every request counts there, as it does in memory on SQLite.
 */
export async function dbFingerprint(target: ServerDbTarget): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of await serverTables(target)) {
    if (t === 'rate_limits') continue;
    const rows = (await serverRows(target, `SELECT * FROM ${t}`)).map((r) => JSON.stringify(r));
    rows.sort();
    out[t] =
      `${rows.length}:${createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return out;
}

/** Runs a write statement on a test server's database (tests that tamper with stored data). */
export async function serverExec(
  target: ServerDbTarget,
  sql: string,
  ...params: unknown[]
): Promise<void> {
  if (target.databaseUrl) {
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    try {
      await client.query(toPgSql(sql), params);
    } finally {
      await client.end();
    }
    return;
  }
  const db = new Database(join(target.dataDir, target.file ?? 'copydesk-server.db'), {
    fileMustExist: true,
  });
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}
