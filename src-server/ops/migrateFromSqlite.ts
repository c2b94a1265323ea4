/**
 * `npm run server -- migrate --from-sqlite DIR --to postgres://… [--blobs DIR]`: moves a SQLite
 * backend into an empty PostgreSQL database. Every table is copied row for row in one
 * PostgreSQL transaction: users, sessions (sign-in tokens keep working), the change feed with its
 * positions and the seq counter (the feed's sequence continues above them), the per-client push bookkeeping (so desks continue from their
 * cursors and mutation ids without a full resync), articles, revisions, comments, newsroom dictionary words, conflicts,
 * rejections, the audit trail, blob metadata and published snapshots. Before COMMIT, the row
 * count and a checksum of every table are compared with the source; any difference rolls the
 * whole copy back. Blob files are copied to --blobs DIR and checked against their sha256.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { DATABASE_FILE } from '../backend';
import { openPostgresStorage } from '../storage/postgres';
import { openSqliteStorage } from '../storage/sqlite';

/** Tables in an order that satisfies the foreign keys (users before sessions and clients). */
const TABLES = [
  'users',
  'sessions',
  'sections',
  'counters',
  'clients',
  'changes',
  'articles',
  'images',
  'comments',
  'dictionary_words',
  'revisions',
  'conflict_records',
  'rejected_mutations',
  'audit_events',
  'blobs',
  'published',
  'published_tags',
  'published_images',
  'slug_redirects',
] as const;

/** Filled in by the migrations themselves; an empty database has these and nothing else. */
const SCHEMA_ONLY = new Set(['counters']);

type Row = Record<string, unknown>;

export interface TableReport {
  table: string;
  rows: number;
  checksum: string;
}

export interface MigrationReport {
  tables: TableReport[];
  blobs: { files: number; copiedTo: string | null };
}

/** A column value as text: SQLite gives numbers where pg gives BIGINT as strings. */
function asText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return v.toString();
  return JSON.stringify(v);
}

/** Rows as text, sorted: the same table gives the same checksum from either database. */
function checksum(rows: Row[]): string {
  const lines = rows
    .map((r) =>
      JSON.stringify(
        Object.keys(r)
          .sort()
          .map((k) => [k, asText(r[k])]),
      ),
    )
    .sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

async function insertAll(client: pg.ClientBase, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as Row);
  const chunk = Math.max(1, Math.floor(60_000 / columns.length)); // < 65535 parameters
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const values: unknown[] = [];
    const tuples = part.map((r) => {
      const base = values.length;
      for (const c of columns) values.push(r[c]);
      return `(${columns.map((_, k) => `$${base + k + 1}`).join(', ')})`;
    });
    await client.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`,
      values,
    );
  }
}

async function refuseNonEmpty(client: pg.ClientBase): Promise<void> {
  for (const table of TABLES) {
    if (SCHEMA_ONLY.has(table)) continue;
    const r = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table}`);
    const n = Number(r.rows[0]?.n);
    if (n > 0) {
      throw new Error(
        `the target database is not empty (${table} has ${n} rows); migrate into a new, empty database`,
      );
    }
  }
  const seq = await client.query<{ value: string }>(
    "SELECT value FROM counters WHERE name = 'seq'",
  );
  if (Number(seq.rows[0]?.value) !== 0) {
    throw new Error('the target database is not empty (its change feed has started)');
  }
}

async function copyBlobs(
  source: Database.Database,
  fromDir: string,
  toDir: string,
): Promise<number> {
  const rows = source.prepare('SELECT sha256 FROM blobs').all() as { sha256: string }[];
  for (const { sha256 } of rows) {
    const rel = join(sha256.slice(0, 2), sha256);
    const target = join(toDir, rel);
    await mkdir(join(toDir, sha256.slice(0, 2)), { recursive: true });
    if (!existsSync(target)) await copyFile(join(fromDir, rel), target);
    const hash = createHash('sha256')
      .update(await readFile(target))
      .digest('hex');
    if (hash !== sha256) throw new Error(`blob ${sha256} does not match its hash after copying`);
  }
  return rows.length;
}

export async function migrateFromSqlite(
  dataDir: string,
  url: string,
  options: { blobsDir?: string } = {},
): Promise<MigrationReport> {
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) throw new Error(`no backend database in ${dataDir} (${DATABASE_FILE})`);
  // Both schemas to the current version first (the SQLite one backed up if it moves).
  await openSqliteStorage(file).close();
  await (await openPostgresStorage(url)).close();

  const source = new Database(file, { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
    try {
      await client.query('LOCK TABLE counters IN EXCLUSIVE MODE');
      await refuseNonEmpty(client);
      const tables: TableReport[] = [];
      // One read transaction: the source is one point in time even if a server still runs.
      const rowsOf = source.transaction(() =>
        TABLES.map((t) => source.prepare(`SELECT * FROM ${t}`).all() as Row[]),
      )();
      for (const [i, table] of TABLES.entries()) {
        const rows = rowsOf[i] as Row[];
        if (table === 'counters') {
          for (const r of rows) {
            await client.query(
              'INSERT INTO counters (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
              [r.name, r.value],
            );
          }
        } else {
          await insertAll(client, table, rows);
        }
        // The source's columns: PostgreSQL's own (changes.txid) are not part of the copy.
        const columns = rows.length > 0 ? Object.keys(rows[0] as Row).join(', ') : '*';
        const copied = (await client.query<Row>(`SELECT ${columns} FROM ${table}`)).rows;
        const expected = { rows: rows.length, checksum: checksum(rows) };
        const actual = { rows: copied.length, checksum: checksum(copied) };
        if (expected.rows !== actual.rows || expected.checksum !== actual.checksum) {
          throw new Error(
            `verification failed for ${table}: ${expected.rows} rows (${expected.checksum.slice(0, 12)}) in SQLite, ${actual.rows} (${actual.checksum.slice(0, 12)}) in PostgreSQL`,
          );
        }
        tables.push({ table, ...expected });
      }
      // New audit events continue after the copied ids, new feed positions after the copied
      // ones (the copied rows are older than any transaction: txid 0, postgres/feed.ts).
      await client.query(
        "SELECT setval(pg_get_serial_sequence('audit_events', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM audit_events",
      );
      await client.query("UPDATE changes SET txid = '0'");
      await client.query(
        `SELECT setval('changes_seq', GREATEST((SELECT value FROM counters WHERE name = 'seq'),
           (SELECT MAX(seq) FROM changes), 0) + 1, false)`,
      );
      const files = options.blobsDir
        ? await copyBlobs(source, join(dataDir, 'blobs'), options.blobsDir)
        : (source.prepare('SELECT COUNT(*) AS n FROM blobs').get() as { n: number }).n;
      await client.query('COMMIT');
      return { tables, blobs: { files, copiedTo: options.blobsDir ?? null } };
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  } finally {
    source.close();
    await client.end();
  }
}
