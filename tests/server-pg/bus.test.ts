/**
 * The PostgreSQL live bus: committed changes written through one instance reach the bus of
 * another (and rolled-back ones never do), a batch too large for one NOTIFY arrives in full, and
 * the LISTEN connection comes back by itself after being killed, announcing what it missed.
 */
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import type { BusMessage, CommittedChange } from '../../src-server/live/bus';
import { openPostgresStorage, type PostgresStorage } from '../../src-server/storage/postgres';
import { PostgresBus } from '../../src-server/storage/postgres/bus';
import { CONNECTION_NAMES } from '../../src-server/storage/postgres/connectionNames';
import type { Tx } from '../../src-server/storage/types';
import { freshDatabase } from './pg';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function instance(url: string): Promise<{ storage: PostgresStorage; bus: PostgresBus }> {
  const storage = await openPostgresStorage(url);
  const bus = await PostgresBus.start(url, storage);
  cleanup.push(
    () => storage.close(),
    () => bus.close(),
  );
  return { storage, bus };
}

function collect(bus: PostgresBus): CommittedChange[] {
  const got: CommittedChange[] = [];
  bus.subscribe((m: BusMessage) => {
    if (m.kind === 'changes') got.push(...m.changes);
  });
  return got;
}

async function writeChanges(tx: Tx, n: number, prefix: string): Promise<void> {
  for (let i = 0; i < n; i++) {
    await tx.insertChange({
      seq: await tx.nextSeq(),
      entityType: 'article',
      entityId: `${prefix}-${i}-${'x'.repeat(40)}`,
      op: 'upsert',
      version: 1,
      changedFields: ['headline'],
      actorUserId: null,
      clientId: 'desk-1',
      mutationId: i + 1,
      scopeId: null,
      createdAt: new Date().toISOString(),
    });
  }
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

it('committed changes of one instance reach the other instance; rolled-back ones never', async () => {
  const url = await freshDatabase();
  const one = await instance(url);
  const two = await instance(url);
  const heard = collect(two.bus);
  await expect(
    one.storage.write(async (tx) => {
      await writeChanges(tx, 1, 'rolled-back');
      throw new Error('no');
    }),
  ).rejects.toThrow('no');
  await one.storage.write((tx) => writeChanges(tx, 2, 'kept'));
  await until(() => heard.length >= 2);
  await new Promise((r) => setTimeout(r, 100));
  // Position 1 went to the rolled-back writer: a hole in the positions (postgres/feed.ts).
  expect(heard.map((c) => [c.seq, c.entityId.split('-')[0], c.clientId])).toEqual([
    [2, 'kept', 'desk-1'],
    [3, 'kept', 'desk-1'],
  ]);
});

it('a batch larger than one NOTIFY payload arrives in full (as a range read from the feed)', async () => {
  const url = await freshDatabase();
  const one = await instance(url);
  const two = await instance(url);
  const heard = collect(two.bus);
  await one.storage.write((tx) => writeChanges(tx, 300, 'big')); // ~300 × 100 bytes
  await until(() => heard.length >= 300);
  expect(heard.map((c) => c.seq)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
});

it('the LISTEN connection reconnects after it is killed and announces what it missed', async () => {
  const url = await freshDatabase();
  const one = await instance(url);
  const two = await instance(url);
  const heard = collect(two.bus);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  cleanup.push(() => admin.end());
  await admin.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = $1`,
    [CONNECTION_NAMES.listen],
  );
  await until(() => !two.bus.connected);
  await one.storage.write((tx) => writeChanges(tx, 1, 'meanwhile'));
  await until(() => two.bus.connected && heard.length >= 1);
  expect(heard.map((c) => c.entityId.split('-')[0])).toEqual(['meanwhile']);
  // Live again: the next commit arrives as a notification.
  await one.storage.write((tx) => writeChanges(tx, 1, 'after'));
  await until(() => heard.length >= 2);
  expect(heard.map((c) => c.seq)).toEqual([1, 2]);
});

it('presence published on one instance reaches the other, split when larger than one NOTIFY', async () => {
  const url = await freshDatabase();
  const one = await instance(url);
  const two = await instance(url);
  const heard: BusMessage[] = [];
  two.bus.subscribe((m) => heard.push(m));
  const entries = Array.from({ length: 120 }, (_, i) => ({
    instanceId: 'instance-1',
    clientId: `client-${i}-${'c'.repeat(30)}`,
    userId: `user-${i}`,
    username: `redakteur${i}`,
    articleId: i % 2 === 0 ? `article-${i}` : null,
    expiresAt: 1_900_000_000_000 + i,
  }));
  await one.bus.publish({ kind: 'presence', entries });
  await one.bus.publish({ kind: 'presence-gone', instanceId: 'instance-1', clientIds: ['c1'] });
  await until(() => heard.some((m) => m.kind === 'presence-gone'));
  const received = heard.flatMap((m) => (m.kind === 'presence' ? m.entries : []));
  expect(heard.filter((m) => m.kind === 'presence').length).toBeGreaterThan(1); // it was split
  expect(received).toEqual(entries);
  expect(heard[heard.length - 1]).toEqual({
    kind: 'presence-gone',
    instanceId: 'instance-1',
    clientIds: ['c1'],
  });
});
