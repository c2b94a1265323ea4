/**
 * Every connection an instance opens says what it is for in `pg_stat_activity`
 * (`application_name`), so an operator can tell the write connection from the readers, the
 * rate-limit counters and the LISTEN connection; a name set in the database URL wins.
 */
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { openPostgresStorage } from '../../src-server/storage/postgres';
import { PostgresBus } from '../../src-server/storage/postgres/bus';
import { CONNECTION_NAMES } from '../../src-server/storage/postgres/connectionNames';
import { freshDatabase } from './pg';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

/** Opens an instance's store and bus on `url` and uses each kind of connection once. */
async function useEveryConnection(url: string): Promise<void> {
  const storage = await openPostgresStorage(url);
  cleanup.push(() => storage.close());
  const bus = await PostgresBus.start(url, storage);
  cleanup.push(() => bus.close());
  await storage.read((tx) => tx.currentSeq());
  await storage.write((tx) => tx.nextSeq());
  await storage.rateCounter.hit('names', 60_000);
}

async function namesIn(url: string): Promise<string[]> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const r = await admin.query<{ application_name: string }>(
      `SELECT DISTINCT application_name FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()
        ORDER BY application_name`,
    );
    return r.rows.map((row) => row.application_name);
  } finally {
    await admin.end();
  }
}

it('names the read, write, counter and listen connections', async () => {
  const url = await freshDatabase();
  await useEveryConnection(url);
  expect(await namesIn(url)).toEqual(Object.values(CONNECTION_NAMES).sort());
});

it('keeps the name the operator put in the database URL', async () => {
  const url = await freshDatabase();
  const named = new URL(url);
  named.searchParams.set('application_name', 'newsroom-east');
  await useEveryConnection(named.toString());
  expect(await namesIn(url)).toEqual(['newsroom-east']);
});
