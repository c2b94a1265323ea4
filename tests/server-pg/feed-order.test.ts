/**
 * The change feed on PostgreSQL is read in commit order: no pull can skip a committed change.
 * Forces the interleaving that breaks a sequence-based feed: two instances write at once, the
 * one that took the earlier position is held open and commits last, while a third reads the
 * feed with a cursor all along. Every reader must end with every change, in order.
 */
import { afterEach, expect, it } from 'vitest';
import { openPostgresStorage, type PostgresStorage } from '../../src-server/storage/postgres';
import type { ChangeRow, Tx } from '../../src-server/storage/types';
import { freshDatabase } from './pg';

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

it('a change that took an earlier position but commits later is never skipped', async () => {
  const url = await freshDatabase();
  const [one, two, reader] = await Promise.all([
    openPostgresStorage(url),
    openPostgresStorage(url),
    openPostgresStorage(url),
  ]);
  open.push(one, two, reader);

  // A reader pulling all along, like a desk: it moves its cursor past whatever it has seen.
  const seen: number[] = [];
  let cursor = 0;
  let reading = true;
  const poller = (async () => {
    while (reading) {
      const rows = await reader.read((tx) => tx.listChanges(cursor, 100));
      for (const r of rows) seen.push(r.seq);
      if (rows.length > 0) cursor = rows[rows.length - 1]!.seq;
      await sleep(5);
    }
  })();

  let releaseFirst!: () => void;
  const held = new Promise<void>((r) => (releaseFirst = r));
  let firstTook!: (seq: number) => void;
  const firstSeq = new Promise<number>((r) => (firstTook = r));
  const first = one.write(async (tx: Tx) => {
    const seq = await tx.nextSeq();
    await tx.insertChange(change(seq, 'early'));
    firstTook(seq);
    await held; // keeps its transaction open: it will commit last
    return seq;
  });
  const earlySeq = await firstSeq;

  let secondDone = false;
  const second = two
    .write(async (tx: Tx) => {
      const seq = await tx.nextSeq();
      await tx.insertChange(change(seq, 'late'));
      return seq;
    })
    .then((seq) => {
      secondDone = true;
      return seq;
    });

  await sleep(400);
  expect(secondDone).toBe(false); // it waits for the position of the open transaction
  expect(seen).toEqual([]); // nothing committed yet, nothing to see
  releaseFirst();
  const [a, b] = await Promise.all([first, second]);
  expect(a).toBe(earlySeq);
  expect(b).toBe(a + 1);

  await sleep(100);
  reading = false;
  await poller;
  expect(seen).toEqual([a, b]);
  const all = await reader.read((tx) => tx.listChanges(0, 100));
  expect(all.map((r) => r.entityId)).toEqual(['early', 'late']);
});

it('a rolled-back writer gives its position back: the feed has no holes', async () => {
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
  expect(seq).toBe(1);
  const rows = await store.read((tx) => tx.listChanges(0, 10));
  expect(rows.map((r) => [r.seq, r.entityId])).toEqual([[1, 'kept']]);
});
