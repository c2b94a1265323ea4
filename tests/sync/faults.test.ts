/**
 * (d) Five clients make a few hundred random mutations each through a proxy that drops, repeats,
 * delays, fails and cuts requests. After the faults stop, every client equals the server, every
 * outbox is empty, and the server's own records show each mutation applied exactly once.
 *
 * Replay: the seed is printed; run with SYNC_SEED=<seed> (SYNC_OPS=<n> changes the count).
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Article } from '../../src-shared/model';
import { databasePath } from '../../src-main/core/core';
import { tempDir } from '../support/tmp';
import { serverCount, serverRows } from '../support/serverDb';
import { startFaultProxy, prng, type FaultProxy } from './support/fault-proxy';
import { bodyOf, openClient, signIn, startServer, type Client } from './support/harness';

const SEED = Number(process.env.SYNC_SEED ?? Math.floor(Math.random() * 1e9));
const OPS = Number(process.env.SYNC_OPS ?? 300);
const CLIENTS = 5;

let tmp: ReturnType<typeof tempDir>;
let server: Awaited<ReturnType<typeof startServer>>;
let proxy: FaultProxy;
const clients: Client[] = [];

beforeAll(async () => {
  console.log(`sync fault test seed ${SEED}, ${OPS} ops per client (replay: SYNC_SEED=${SEED})`);
  tmp = tempDir('copydesk-faults-');
  server = await startServer(`${tmp.dir}/server`);
  proxy = await startFaultProxy(server.url, SEED + 1);
  for (let i = 0; i < CLIENTS; i++) {
    const c = await openClient(tmp.dir, `c${i}`, { timeoutMs: 3000 });
    await signIn(c, proxy.url, 'chief');
    clients.push(c);
  }
});
afterAll(async () => {
  for (const c of clients) await c.close();
  await proxy?.close();
  await server?.stop();
  tmp?.cleanup();
});

const TAGS = ['Wahl', 'Haushalt', 'Verkehr', 'Schule', 'Klima', 'Sport'];
const comparable = (a: Article) => ({
  id: a.id,
  kicker: a.kicker,
  headline: a.headline,
  teaser: a.teaser,
  tags: [...a.tags].sort(),
  body: JSON.stringify(a.body.root.children),
  status: a.status,
  deletedAt: a.deletedAt !== null,
});

async function all(c: Client): Promise<Article[]> {
  const list = await c.api['articles.list']({ limit: 500, includeDeleted: true });
  const out: Article[] = [];
  for (const s of list.items) out.push(await c.api['articles.get']({ id: s.id }));
  return out.sort((x, y) => x.id.localeCompare(y.id));
}

async function randomOp(c: Client, ci: number, step: number, rnd: () => number): Promise<void> {
  const list = (await c.api['articles.list']({ limit: 500 })).items;
  const r = rnd();
  const word = () => Math.floor(rnd() * 1e6).toString(36);
  if (list.length < 3 || r < 0.12) {
    await c.api['articles.create']({
      fields: { headline: `c${ci}-${step}`, tags: [TAGS[Math.floor(rnd() * TAGS.length)]!] },
      body: bodyOf([
        [`c${ci}s${step}a`, word()],
        [`c${ci}s${step}b`, word()],
      ]),
    });
    return;
  }
  const target = list[Math.floor(rnd() * list.length)]!;
  if (r < 0.45) {
    const field = (['headline', 'teaser', 'kicker'] as const)[Math.floor(rnd() * 3)]!;
    await c.api['articles.save']({
      id: target.id,
      fields: { [field]: `${field}-${ci}-${word()}` },
    });
  } else if (r < 0.7) {
    const a = await c.api['articles.get']({ id: target.id });
    const children = [...a.body.root.children] as Record<string, unknown>[];
    const blocks: [string, string][] = children.map((b, i) => [
      (b.$ as { blockId?: string } | undefined)?.blockId ?? `x${i}`,
      (b.children as { text?: string }[] | undefined)?.[0]?.text ?? '',
    ]);
    if (rnd() < 0.3 || blocks.length === 0) blocks.push([`c${ci}s${step}n`, word()]);
    else blocks[Math.floor(rnd() * blocks.length)]![1] = `${ci}:${word()}`;
    await c.api['articles.save']({ id: target.id, body: bodyOf(blocks) });
  } else if (r < 0.92) {
    const tag = TAGS[Math.floor(rnd() * TAGS.length)]!;
    const has = target.tags.includes(tag);
    await c.api['articles.save']({
      id: target.id,
      fields: { tags: has ? target.tags.filter((t) => t !== tag) : [...target.tags, tag] },
    });
  } else if (r < 0.95) {
    await c.api['articles.delete']({ id: target.id });
  } else {
    await c.api['sync.now']({});
  }
}

function lastAssignedId(c: Client): number {
  const db = new Database(databasePath(c.dir), { readonly: true });
  const row = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").get() as
    { seq: number } | undefined;
  db.close();
  return row?.seq ?? 0;
}

function clientIdOf(c: Client): string {
  const db = new Database(databasePath(c.dir), { readonly: true });
  const row = db.prepare("SELECT value FROM sync_state WHERE key = 'client_id'").get() as {
    value: string;
  };
  db.close();
  return row.value;
}

it('(d) 5 clients × random mutations through a faulty network converge exactly once', async () => {
  const rnd = prng(SEED);
  proxy.rates = {
    drop_request: 0.08,
    drop_response: 0.08,
    duplicate: 0.08,
    delay: 0.1,
    error_500: 0.08,
    cut_body: 0.08,
  };
  for (let step = 0; step < OPS; step++) {
    for (let ci = 0; ci < CLIENTS; ci++) {
      await randomOp(clients[ci]!, ci, step, rnd);
      if (rnd() < 0.15) await clients[ci]!.api['sync.now']({});
    }
  }
  const injected = { ...proxy.counts };
  console.log('faults injected', injected);
  for (const f of [
    'drop_request',
    'drop_response',
    'duplicate',
    'error_500',
    'cut_body',
  ] as const) {
    expect(injected[f]).toBeGreaterThan(0);
  }

  // Faults stop: sync until every outbox is empty and one more round changes nothing.
  proxy.rates = {};
  for (let round = 0; round < 10; round++) {
    for (const c of clients) expect((await c.api['sync.now']({})).state).toBe('idle');
    const pending = await Promise.all(
      clients.map(async (c) => (await c.api['sync.status']({})).pending),
    );
    if (pending.every((p) => p === 0) && round >= 1) break;
  }
  for (const c of clients) expect((await c.api['sync.now']({})).state).toBe('idle');

  // All outboxes empty; all clients equal; and equal to the server's own rows.
  const states = await Promise.all(clients.map(async (c) => (await all(c)).map(comparable)));
  for (const c of clients) expect((await c.api['sync.status']({})).pending).toBe(0);
  for (const s of states.slice(1)) expect(s).toEqual(states[0]);

  const serverArticles = (
    (await serverRows(server, 'SELECT data FROM articles')) as { data: string }[]
  )
    .map((r) => comparable(JSON.parse(r.data) as Article))
    .sort((x, y) => x.id.localeCompare(y.id));
  expect(states[0]).toEqual(serverArticles);

  // No mutation lost: the server acknowledged exactly as many as each client wrote.
  for (const c of clients) {
    const n = await serverCount(
      server,
      'SELECT last_mutation_id AS n FROM clients WHERE client_id = ?',
      clientIdOf(c),
    );
    expect(n).toBe(lastAssignedId(c));
  }
  // None applied twice: at most one article change per (client, mutation).
  const dup = await serverRows(
    server,
    `SELECT client_id, mutation_id, COUNT(*) AS n FROM changes
      WHERE entity_type = 'article' AND mutation_id IS NOT NULL
      GROUP BY client_id, mutation_id HAVING COUNT(*) > 1`,
  );
  expect(dup).toEqual([]);
  console.log(
    `converged: ${states[0]!.length} articles, ${clients.map(lastAssignedId).join('+')} mutations`,
  );
  // About 20 s on an idle machine; over 120 s on a slow, loaded one.
}, 600_000);
