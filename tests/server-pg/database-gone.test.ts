/**
 * PostgreSQL going away during a push: the client gets a retryable error, nothing is
 * half-written (every applied mutation is complete and counted), and the same server process
 * serves the retried push once the database is back, without a restart.
 */
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, body, login, spawnServer, type ServerProcess } from '../server/helpers';
import { serverCount } from '../support/serverDb';
import { CONNECTION_NAMES } from '../../src-server/storage/postgres/connectionNames';
import { freshDatabase } from './pg';

let server: ServerProcess;
let admin: pg.Client;
let database: string;

beforeAll(async () => {
  database = await freshDatabase();
  server = await spawnServer(['--demo', '--database', database]);
  admin = new pg.Client({ connectionString: database });
  await admin.connect();
});
afterAll(async () => {
  await admin?.end();
  await server?.stop();
});

/**
 * Terminates the server's write connection once it is inside a write transaction (it holds a
 * transaction id). Only that one: a rate-limit upsert holds a transaction id too, and cutting
 * it lets the request through (sharedRequestStore.ts) instead of cutting the push.
 */
async function killWritersWhen(done: () => boolean): Promise<number> {
  const dbName = new URL(database).pathname.slice(1);
  while (!done()) {
    const r = await admin.query<{ killed: boolean }>(
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
        WHERE datname = $1 AND application_name = $2 AND backend_xid IS NOT NULL`,
      [dbName, CONNECTION_NAMES.write],
    );
    if (r.rows.some((x) => x.killed)) return r.rows.length;
    await new Promise((res) => setTimeout(res, 2));
  }
  return 0;
}

it('a push cut off by a terminated connection fails retryably, leaves whole mutations only, and succeeds when retried', async () => {
  const c = new Client(server.url, await login(server.url, 'editor'));
  const N = 400;
  const mutations = Array.from({ length: N }, (_, i) => ({
    name: 'article.create',
    args: { id: randomUUID(), fields: { headline: `Nummer ${i}` }, body: body(`Absatz ${i}`) },
  }));
  const ids = mutations.map((_, i) => i + 1);

  let finished = false;
  const pushing = c.push(mutations, ids).finally(() => (finished = true));
  const killed = await killWritersWhen(() => finished);
  const r = await pushing;
  expect(killed).toBeGreaterThan(0); // the connection really was cut mid-push
  expect(r.status).toBe(503);
  expect(r.body.error.code).toBe('unavailable');
  expect(r.headers.get('retry-after')).toBeTruthy();

  // Nothing half-written: exactly the mutations up to the client's acknowledged id are there,
  // each with its article and its one change row.
  const last = await serverCount(
    server,
    'SELECT COALESCE(MAX(last_mutation_id), 0) AS n FROM clients WHERE client_id = ?',
    c.clientId,
  );
  expect(last).toBeLessThan(N);
  expect(await serverCount(server, 'SELECT COUNT(*) AS n FROM articles')).toBe(last);
  expect(
    await serverCount(server, 'SELECT COUNT(*) AS n FROM changes WHERE client_id = ?', c.clientId),
  ).toBe(last);

  // The same process, reconnected on its own: the retry applies the rest exactly once.
  expect(server.child.exitCode).toBeNull();
  const retry = await c.push(mutations, ids);
  expect(retry.status).toBe(200);
  expect(retry.body.lastMutationId).toBe(N);
  const statuses = (retry.body.outcomes as { status: string }[]).map((o) => o.status);
  expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(last);
  expect(statuses.filter((s) => s === 'applied')).toHaveLength(N - last);
  expect(await serverCount(server, 'SELECT COUNT(*) AS n FROM articles')).toBe(N);
  const pages = await c.pullAll();
  const pulled = pages.flatMap((p: { changes: { id: string }[] }) => p.changes);
  expect(new Set(pulled.map((ch) => ch.id)).size).toBe(N);
  expect(pages[pages.length - 1].lastMutationId).toBe(N);
});
