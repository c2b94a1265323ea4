/**
 * What a push costs in round trips on PostgreSQL, where a batch holds the locks of the rows it
 * updates until COMMIT (postgres/feed.ts): a batch of one job that locks its client and entity,
 * reads both together, takes a feed position and writes is two messages: BEGIN, the locks, the
 * position and both reads; then the writes, NOTIFY and COMMIT. A batch of n such jobs is n + 1 messages: each job's writes go
 * with the next job's first read; one whose writes fail there fails alone. A pull page of articles
 * is one message (the feed read brings the articles it names); its read-only COMMIT travels with
 * the connection's next BEGIN.
 */
import pg from 'pg';
import { afterEach, expect, it, vi } from 'vitest';
import { openPostgresStorage, type PostgresStorage } from '../../src-server/storage/postgres';
import type { Tx } from '../../src-server/storage/types';
import { PullService } from '../../src-server/sync/pull';
import { PushService } from '../../src-server/sync/push';
import { SCHEMA_VERSION } from '../../src-shared/protocol';
import { bodyFromParagraphs } from '../../src-shared/richtext/plainText';
import { freshDatabase, recordMessages, usePrivateCluster } from './pg';

// It counts messages and reads the feed right after writing: another file's writer on the
// shared cluster would hold the feed back (it is cut at the oldest writer in the cluster).
usePrivateCluster();

const open: PostgresStorage[] = [];
const account = { passwordHash: 'x', disabled: false, createdAt: '2026-01-01T00:00:00.000Z' };
const at = '2026-01-01T00:00:00.000Z';
const A0 = '00000000-0000-4000-8000-0000000000a0';

async function storeWithUser(): Promise<PostgresStorage> {
  const store = await openPostgresStorage(await freshDatabase());
  open.push(store);
  await store.write((tx) =>
    tx.insertUser({ ...{ id: 'u1', username: 'writer', role: 'editor' }, ...account }),
  );
  return store;
}

/**
 * A push-like job: reads its client row and entity together, takes a position, writes the client
 * row and a change row; `duplicate` writes the client row twice (fails at the database only).
 */
const pushLike =
  (clientId: string, entityId: string, duplicate = false) =>
  async (tx: Tx) => {
    tx.lockForWrite([`client:${clientId}`, `article:${entityId}`]);
    const [found] = await Promise.all([tx.getClient(clientId), tx.getArticle(entityId)]);
    const seq = await tx.nextSeq();
    const row = { clientId, userId: 'u1', lastMutationId: 1, lastSeenAt: at };
    await tx.insertClient(row);
    if (duplicate) await tx.insertClient(row);
    await tx.insertChange({
      seq,
      entityType: 'article',
      entityId,
      op: 'upsert',
      version: seq,
      changedFields: [],
      actorUserId: 'u1',
      clientId,
      mutationId: 1,
      scopeId: null,
      createdAt: at,
    });
    return { found, seq };
  };
afterEach(async () => {
  vi.restoreAllMocks();
  for (const s of open.splice(0)) await s.close();
});

it('a job that reads two rows together, takes a position and writes costs two messages', async () => {
  const store = await openPostgresStorage(await freshDatabase());
  open.push(store);
  // The user the client row belongs to.
  await store.write((tx) =>
    tx.insertUser({ ...{ id: 'u1', username: 'writer', role: 'editor' }, ...account }),
  );
  const sent = recordMessages();
  const seq = await store.write(async (tx) => {
    tx.lockForWrite(['client:c1', 'article:a1']);
    const [client, article] = await Promise.all([tx.getClient('c1'), tx.getArticle('a1')]);
    expect([client, article]).toEqual([undefined, undefined]);
    const s = await tx.nextSeq();
    await tx.insertClient({
      clientId: 'c1',
      userId: 'u1',
      lastMutationId: 1,
      lastSeenAt: '2026-01-01T00:00:00.000Z',
    });
    await tx.insertChange({
      seq: s,
      entityType: 'article',
      entityId: 'a1',
      op: 'upsert',
      version: s,
      changedFields: [],
      actorUserId: 'u1',
      clientId: 'c1',
      mutationId: 1,
      scopeId: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    return s;
  });
  expect(seq).toBe(1);
  expect(sent).toHaveLength(2);
  expect(sent[0]).toMatch(
    /^BEGIN;\nSELECT pg_advisory_xact_lock[^;]*'article:a1'[^;]*;\nSELECT pg_advisory_xact_lock[^;]*'client:c1'[^;]*;\nSELECT nextval\('changes_seq'\) AS seq;\nSELECT \* FROM clients/,
  );
  expect(sent[1]).toMatch(/COMMIT$/);
  const rows = await store.read((tx) => tx.listChanges(0, 10));
  expect(rows.map((r) => [r.seq, r.entityId])).toEqual([[1, 'a1']]);
});

it("a batch of three such jobs costs four messages: each job's writes go with the next one's read", async () => {
  const store = await storeWithUser();
  const sent = recordMessages();
  // Queued in one turn: one batch.
  const done = await Promise.all([
    store.write(pushLike('c0', 'a0')),
    store.write(pushLike('c1', 'a1')),
    store.write(pushLike('c2', 'a2')),
  ]);
  expect(done.map((d) => [d.found, d.seq])).toEqual([
    [undefined, 1],
    [undefined, 2],
    [undefined, 3],
  ]);
  expect(sent).toHaveLength(4);
  expect(sent[0]).toMatch(/^BEGIN;\nSAVEPOINT job0;\nSELECT pg_advisory_xact_lock/);
  expect(sent[1]).toMatch(
    /^INSERT INTO clients .*'c0'[\s\S]*SAVEPOINT job1;\nSELECT pg_advisory_xact_lock/,
  );
  expect(sent[2]).toMatch(
    /^INSERT INTO clients .*'c1'[\s\S]*SAVEPOINT job2;\nSELECT pg_advisory_xact_lock/,
  );
  expect(sent[3]).toMatch(/^INSERT INTO clients .*'c2'[\s\S]*pg_notify[\s\S]*COMMIT$/);
  const rows = await store.read((tx) => tx.listChanges(0, 10));
  expect(rows.map((r) => [r.seq, r.entityId])).toEqual([
    [1, 'a0'],
    [2, 'a1'],
    [3, 'a2'],
  ]);
});

it("a job whose writes fail in the next job's message fails alone; the next job's read is not disturbed", async () => {
  const store = await storeWithUser();
  // c2 exists already: the third job must see it.
  await store.write(pushLike('c2', 'a-before'));
  const results = await Promise.allSettled([
    store.write(pushLike('c0', 'a0')),
    store.write(pushLike('c1', 'a1', true)),
    store.write(async (tx) => (await tx.getClient('c2'))?.clientId),
  ]);
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/unique|duplicate/i);
  expect((results[2] as PromiseFulfilledResult<unknown>).value).toBe('c2');
  // The failed job's position (3) stays unused: a hole, which readers pass (feed.ts).
  const rows = await store.read((tx) => tx.listChanges(0, 10));
  expect(rows.map((r) => [r.seq, r.entityId])).toEqual([
    [1, 'a-before'],
    [2, 'a0'],
  ]);
  expect(await store.read((tx) => tx.getClient('c1'))).toBeUndefined();
  // The next batch goes on after it.
  expect((await store.write(pushLike('c3', 'a3'))).seq).toBe(4);
  // (Another test file's open transaction on the cluster may hold the feed back for a moment.)
  let feed = await store.read((tx) => tx.readFeed(2, 10));
  for (let i = 0; i < 100 && feed.heldBack; i++) {
    await new Promise((r) => setTimeout(r, 50));
    feed = await store.read((tx) => tx.readFeed(2, 10));
  }
  expect(feed.rows.map((r) => [r.seq, r.entityId])).toEqual([[4, 'a3']]);
});

it('a last job whose writes fail in the COMMIT message fails alone; the others commit', async () => {
  const store = await storeWithUser();
  const results = await Promise.allSettled([
    store.write(pushLike('c0', 'a0')),
    store.write(pushLike('c1', 'a1')),
    store.write(pushLike('c2', 'a2', true)),
  ]);
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
  expect(String((results[2] as PromiseRejectedResult).reason)).toMatch(/unique|duplicate/i);
  const rows = await store.read((tx) => tx.listChanges(0, 10));
  expect(rows.map((r) => [r.seq, r.entityId])).toEqual([
    [1, 'a0'],
    [2, 'a1'],
  ]);
  expect(await store.read((tx) => tx.currentSeq())).toBe(2);
  expect(await store.read((tx) => tx.getClient('c2'))).toBeUndefined();
});

it("a pull page of articles is one message: BEGIN with the client, feed head, changes and their articles. Its COMMIT goes with the connection's next BEGIN", async () => {
  // One pooled connection, so that the next read surely takes the same one.
  const store = await openPostgresStorage(await freshDatabase(), { readConnections: 1 });
  open.push(store);
  await store.write((tx) =>
    tx.insertUser({ ...{ id: 'u1', username: 'writer', role: 'editor' }, ...account }),
  );
  const user = await store.read((tx) => tx.getUserById('u1'));
  if (!user) throw new Error('the user was not stored');
  const created = await new PushService(store).push(user, {
    protocolVersion: 1,
    clientId: 'c0',
    mutations: [
      {
        id: 1,
        name: 'article.create',
        args: { id: A0, fields: { headline: 'Story a0' }, body: bodyFromParagraphs(['x']) },
      },
    ],
  });
  expect(created.lastMutationId).toBe(1);
  // A read right before the pull leaves its transaction open (its COMMIT goes with the pull's BEGIN).
  expect(await store.read((tx) => tx.currentSeq())).toBe(1);
  const sent = recordMessages();
  const json = await new PullService(store).pullJson(user, {
    protocolVersion: '1',
    schemaVersion: SCHEMA_VERSION,
    clientId: 'c0',
    cursor: 0,
    limit: 100,
  });
  const page = JSON.parse(json) as { changes: { id: string; data: { headline: string } }[] };
  expect(page).toMatchObject({ cursor: 1, hasMore: false, lastMutationId: 1 });
  // The article came with the feed read: its current data is on the page.
  expect(page.changes.map((c) => [c.id, c.data.headline])).toEqual([[A0, 'Story a0']]);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatch(
    /^COMMIT;\nBEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;\nSELECT \* FROM clients[\s\S]*MAX\(seq\)[\s\S]*pg_snapshot_xmin[\s\S]*FROM articles WHERE id IN \(SELECT f\.entity_id/,
  );
  // The next read ends the pull's transaction in its first message and sees a change written since.
  await store.write(pushLike('c1', 'a1'));
  expect(await store.read((tx) => tx.currentSeq())).toBe(2);
  // The write's two messages, then the read's one.
  expect(sent).toHaveLength(4);
  expect(sent[3]).toMatch(
    /^COMMIT;\nBEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;\nSELECT COALESCE\(MAX\(seq\), 0\)/,
  );
});

it('a read transaction left open on an idle connection is committed after the idle time', async () => {
  const url = await freshDatabase();
  const idleMs = 1_000;
  const store = await openPostgresStorage(url, { readConnections: 1, idleReadCommitMs: idleMs });
  open.push(store);
  const database = new URL(url).pathname.slice(1);
  const watcher = new pg.Client({ connectionString: url });
  await watcher.connect();
  try {
    const openReads = async () =>
      (
        await watcher.query<{ n: string }>(
          `SELECT count(*) AS n FROM pg_stat_activity
            WHERE datname = $1 AND pid <> pg_backend_pid() AND state = 'idle in transaction'`,
          [database],
        )
      ).rows[0]?.n;
    const sent = recordMessages();
    const start = performance.now();
    expect(await store.read((tx) => tx.currentSeq())).toBe(0);
    // Right after the read its transaction is still open on the pooled connection …
    expect(await openReads()).toBe('1');
    // … and the connection commits it on its own once nobody took it for `idleMs`.
    while ((await openReads()) !== '0') {
      if (performance.now() - start > 20_000) throw new Error('the read transaction stayed open');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(performance.now() - start).toBeGreaterThanOrEqual(idleMs);
    expect(sent.filter((m) => m === 'COMMIT')).toHaveLength(1);
  } finally {
    await watcher.end();
  }
});

it('reads asked for in the same turn share one transaction: one message for two pulls', async () => {
  // Ten pooled connections: alone, each read would take its own.
  const store = await openPostgresStorage(await freshDatabase(), { readConnections: 10 });
  open.push(store);
  await store.write((tx) =>
    tx.insertUser({ ...{ id: 'u1', username: 'writer', role: 'editor' }, ...account }),
  );
  await store.write(pushLike('c1', 'a1'));
  const sent = recordMessages();
  const [one, two] = await Promise.all([
    store.read((tx) => Promise.all([tx.getClient('c1'), tx.readFeed(0, 10)])),
    store.read((tx) => Promise.all([tx.getClient('c2'), tx.readFeed(0, 10)])),
  ]);
  expect(one[0]?.lastMutationId).toBe(1);
  expect(one[1].rows.map((r) => r.entityId)).toEqual(['a1']);
  expect(two[0]).toBeUndefined();
  expect(two[1].rows.map((r) => r.entityId)).toEqual(['a1']);
  expect(sent).toHaveLength(1);
  expect(sent[0]?.match(/BEGIN/g)).toHaveLength(1);
  expect(sent[0]?.match(/FROM clients/g)).toHaveLength(2);
  // A read asked for after they were sent takes a transaction of its own, and sees a later write.
  await store.write(pushLike('c2', 'a2'));
  const after = await store.read((tx) => tx.readFeed(0, 10));
  expect(after.rows.map((r) => r.entityId)).toEqual(['a1', 'a2']);
});

it('a read whose statement fails in a shared transaction fails alone; the other read gets its rows', async () => {
  const store = await storeWithUser();
  await store.write(pushLike('c1', 'a1'));
  const sent = recordMessages();
  const [bad, good] = await Promise.allSettled([
    // A position beyond bigint: PostgreSQL refuses the statement (and the transaction with it).
    store.read((tx) => tx.readFeed(1e20, 10)),
    store.read((tx) => tx.readFeed(0, 10)),
  ]);
  expect(bad.status).toBe('rejected');
  expect(String((bad as PromiseRejectedResult).reason)).toMatch(/out of range/);
  expect(good.status).toBe('fulfilled');
  expect((good as PromiseFulfilledResult<{ rows: { entityId: string }[] }>).value.rows).toEqual([
    expect.objectContaining({ entityId: 'a1' }),
  ]);
  // The shared message failed; each read ran again alone, and only the bad one failed again.
  expect(sent.filter((m) => /pg_snapshot_xmin/.test(m)).length).toBeGreaterThanOrEqual(3);
  expect(await store.read((tx) => tx.currentSeq())).toBe(1);
});
