/**
 * The change feed on PostgreSQL is read in commit order: no pull can skip a committed change,
 * although writers no longer take turns (postgres/feed.ts). Forces the interleavings that break
 * a feed read in position order: two instances write at once, the one that took the earlier
 * position commits last; and a writer whose transaction is older takes a later position and
 * commits first. A reader pulls with a cursor all along; every reader ends with every change.
 */
import { afterEach, expect, it } from 'vitest';
import { openPostgresStorage, type PostgresStorage } from '../../src-server/storage/postgres';
import type { ChangeRow, Storage, Tx } from '../../src-server/storage/types';
import { freshDatabase, usePrivateCluster } from './pg';

// Its writers stay open on purpose: a cluster of its own, so other files' feeds are not held back.
usePrivateCluster();

const open: PostgresStorage[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

function change(seq: number, entityId: string): ChangeRow {
  return {
    seq,
    entityType: 'article',
    entityId,
    op: 'upsert',
    version: 1,
    changedFields: ['headline'],
    actorUserId: null,
    clientId: null,
    mutationId: null,
    scopeId: null,
    createdAt: new Date().toISOString(),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A reader pulling all along, like a desk: it moves its cursor past whatever it has seen. */
function poll(reader: Storage) {
  const seen: string[] = [];
  let heldBack = 0;
  let cursor = 0;
  let reading = true;
  const done = (async () => {
    while (reading) {
      const feed = await reader.read((tx) => tx.readFeed(cursor, 100));
      for (const r of feed.rows) seen.push(r.entityId);
      if (feed.heldBack) heldBack++;
      if (feed.rows.length > 0) cursor = feed.rows[feed.rows.length - 1]!.seq;
      await sleep(5);
    }
  })();
  return {
    seen,
    heldBack: () => heldBack,
    /** Once the reader has caught up (other test files' writers on the cluster may delay it). */
    async stop() {
      for (let i = 0; i < 100; i++) {
        await sleep(50);
        const feed = await reader.read((tx) => tx.readFeed(cursor, 100));
        if (!feed.heldBack && feed.rows.length === 0) break;
      }
      reading = false;
      await done;
    },
  };
}

/** A write job that runs `before`, then waits for `release` before it ends (and commits). */
function held(
  store: Storage,
  entityId: string,
  before: (tx: Tx) => Promise<void> = async () => {},
) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let took!: (seq: number) => void;
  const position = new Promise<number>((r) => (took = r));
  const done = store.write(async (tx) => {
    await before(tx);
    const seq = await tx.nextSeq();
    await tx.insertChange(change(seq, entityId));
    await tx.getClient('nobody'); // sends the insert now: the transaction has its txid
    took(seq);
    await gate;
    return seq;
  });
  return { position, release, done };
}

async function threeInstances(): Promise<[PostgresStorage, PostgresStorage, PostgresStorage]> {
  const url = await freshDatabase();
  const stores = await Promise.all([
    openPostgresStorage(url),
    openPostgresStorage(url),
    openPostgresStorage(url),
  ]);
  open.push(...stores);
  return stores;
}

it('a change that took an earlier position but commits later is never skipped', async () => {
  const [one, two, reader] = await threeInstances();
  const desk = poll(reader);

  const first = held(one, 'early');
  const earlySeq = await first.position;
  // The second writer does not wait for the first: it commits while the first is still open.
  const lateSeq = await two.write(async (tx) => {
    const seq = await tx.nextSeq();
    await tx.insertChange(change(seq, 'late'));
    return seq;
  });
  expect(lateSeq).toBeGreaterThan(earlySeq);
  await sleep(200);
  // Committed, but behind a running writer that came first: held back, not skipped.
  expect(desk.seen).toEqual([]);
  expect(desk.heldBack()).toBeGreaterThan(0);
  first.release();
  expect(await first.done).toBe(earlySeq);

  await desk.stop();
  expect(desk.seen).toEqual(['early', 'late']);
  const all = await reader.read((tx) => tx.listChanges(0, 100));
  expect(all.map((r) => r.entityId)).toEqual(['early', 'late']);
});

it('a writer whose transaction is older takes a later position and commits first: nothing is skipped', async () => {
  const [one, two, reader] = await threeInstances();
  const desk = poll(reader);

  // The older transaction writes something (it gets its txid), then waits before its position.
  let goOn!: () => void;
  const wait = new Promise<void>((r) => (goOn = r));
  let started!: () => void;
  const hasTxid = new Promise<void>((r) => (started = r));
  const older = one.write(async (tx) => {
    await tx.insertAudit({
      userId: null,
      action: 'test',
      entityType: 'article',
      entityId: 'x',
      detail: {},
      createdAt: new Date().toISOString(),
    });
    await tx.getClient('nobody');
    started();
    await wait;
    const seq = await tx.nextSeq();
    await tx.insertChange(change(seq, 'older-later-position'));
    return seq;
  });
  await hasTxid;
  // A younger transaction takes the earlier position and stays open.
  const younger = held(two, 'younger-earlier-position');
  const earlier = await younger.position;
  goOn();
  const later = await older; // commits first, with the higher position
  expect(later).toBeGreaterThan(earlier);
  for (let i = 0; i < 100 && desk.seen.length === 0; i++) await sleep(50);
  // The older one's change is readable (nothing older runs); the reader's cursor is now `later`.
  expect(desk.seen).toEqual(['older-later-position']);
  younger.release();
  await younger.done;

  await desk.stop();
  // A reader in position order would have moved past `earlier` and never seen it.
  expect(desk.seen).toEqual(['older-later-position', 'younger-earlier-position']);
});

it('a rolled-back writer leaves a hole in the positions that readers pass', async () => {
  const url = await freshDatabase();
  const store = await openPostgresStorage(url);
  open.push(store);
  await expect(
    store.write(async (tx) => {
      await tx.insertChange(change(await tx.nextSeq(), 'lost'));
      throw new Error('validation failed');
    }),
  ).rejects.toThrow('validation failed');
  const seq = await store.write(async (tx) => {
    const s = await tx.nextSeq();
    await tx.insertChange(change(s, 'kept'));
    return s;
  });
  expect(seq).toBe(2);
  let feed = await store.read((tx) => tx.readFeed(0, 10));
  // (Another test file's open transaction on the cluster may hold the feed back for a moment.)
  for (let i = 0; i < 100 && feed.heldBack; i++) {
    await sleep(50);
    feed = await store.read((tx) => tx.readFeed(0, 10));
  }
  expect(feed.rows.map((r) => [r.seq, r.entityId])).toEqual([[2, 'kept']]);
  expect(feed.heldBack).toBeNull();
  expect((await store.read((tx) => tx.readFeed(2, 10))).rows).toEqual([]);
});
