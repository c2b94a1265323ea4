/**
 * Brings a PostgreSQL backend database to the schema this server knows. Several instances may
 * start at once: an advisory lock lets one migrate while the others wait. A database from a newer
 * server is refused and left untouched (back PostgreSQL up with pg_dump; see the README).
 */
import type { ClientBase } from 'pg';
import { NewerSchemaError } from '../errors';
import { PG_MIGRATIONS } from './migrations';

/** Arbitrary, fixed: the advisory lock key of Copydesk's migrations. */
const MIGRATION_LOCK = 0x636f7079;

export async function pgSchemaVersion(client: ClientBase): Promise<number> {
  const t = await client.query("SELECT to_regclass('schema_version') AS t");
  if ((t.rows[0] as { t: string | null }).t === null) return 0;
  const r = await client.query<{ version: number }>('SELECT version FROM schema_version');
  return r.rows[0] ? Number(r.rows[0].version) : 0;
}

export async function migratePostgres(
  client: ClientBase,
  migrations: readonly string[] = PG_MIGRATIONS,
): Promise<{ from: number; to: number }> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    const from = await pgSchemaVersion(client);
    const to = migrations.length;
    if (from > to) throw new NewerSchemaError(from, to);
    for (let v = from; v < to; v++) {
      await client.query('BEGIN');
      try {
        await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
        await client.query(migrations[v] as string);
        await client.query('DELETE FROM schema_version');
        await client.query('INSERT INTO schema_version (version) VALUES ($1)', [v + 1]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
    }
    return { from, to };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
