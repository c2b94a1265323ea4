/**
 * The write queue's group commit, on SQLite and (server-pg project) on PostgreSQL, where a job's
 * writes are held back and sent together at its end (storage/postgres/runner.ts): a job whose
 * write fails fails alone and leaves nothing behind, the others of its batch commit, a job reads
 * its own writes, and text with quotes, backslashes and question marks is stored exactly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openSqliteStorage } from '../../src-server/storage/sqlite';
import { openPostgresStorage } from '../../src-server/storage/postgres';
import type { Storage, UserRow } from '../../src-server/storage/types';
import { createTestDatabase } from '../support/postgres';
import { testPgAdminUrl } from '../support/pgTestRun';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function openStorage(): Promise<Storage> {
  const adminUrl = testPgAdminUrl();
  if (adminUrl) {
    const storage = await openPostgresStorage(await createTestDatabase(adminUrl));
    cleanup.push(() => storage.close());
    return storage;
  }
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-write-batch-'));
  const storage = openSqliteStorage(join(dir, 'server.db'));
  cleanup.push(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return storage;
}

const user: UserRow = {
  id: 'u1',
  username: 'writer',
  role: 'editor',
  passwordHash: 'x',
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};
const client = (clientId: string, lastMutationId = 0) => ({
  clientId,
  userId: user.id,
  lastMutationId,
  lastSeenAt: '2026-01-01T00:00:00.000Z',
});

it('a job whose write fails fails alone; the other jobs of its batch commit', async () => {
  const storage = await openStorage();
  await storage.write((tx) => tx.insertUser(user));

  // Queued in one turn: they run as one batch (one transaction, a savepoint each).
  const results = await Promise.allSettled([
    storage.write((tx) => tx.insertClient(client('a'))),
    storage.write(async (tx) => {
      await tx.insertClient(client('b'));
      await tx.insertClient(client('b')); // duplicate key
    }),
    storage.write(async (tx) => {
      await tx.insertClient(client('c'));
      throw new Error('the job changes its mind');
    }),
    storage.write((tx) => tx.insertClient(client('d'))),
  ]);

  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
  expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/unique|duplicate/i);
  expect(String((results[2] as PromiseRejectedResult).reason)).toMatch(/changes its mind/);
  const stored = await storage.read(async (tx) => {
    const ids: (string | undefined)[] = [];
    for (const id of ['a', 'b', 'c', 'd']) ids.push((await tx.getClient(id))?.clientId);
    return ids;
  });
  expect(stored).toEqual(['a', undefined, undefined, 'd']);
});

it('a batch of one whose write fails leaves nothing behind', async () => {
  const storage = await openStorage();
  await storage.write((tx) => tx.insertUser(user));
  await expect(
    storage.write(async (tx) => {
      await tx.insertClient(client('e'));
      await tx.insertClient(client('e'));
    }),
  ).rejects.toThrow(/unique|duplicate/i);
  expect(await storage.read((tx) => tx.getClient('e'))).toBeUndefined();
});

it('a job reads what it has just written, and text comes back exactly', async () => {
  const storage = await openStorage();
  await storage.write((tx) => tx.insertUser(user));
  const odd = `it's a \\"test\\" ? $1 \\n 'quoted' ''; DROP TABLE clients; -- ü 🙂`;
  const seen = await storage.write(async (tx) => {
    await tx.insertClient(client(odd, 3));
    await tx.setLastMutationId(odd, 4, '2026-02-02T00:00:00.000Z');
    return tx.getClient(odd);
  });
  expect(seen).toEqual({ ...client(odd, 4), lastSeenAt: '2026-02-02T00:00:00.000Z' });
  expect(await storage.read((tx) => tx.getClient(odd))).toEqual(seen);
});

it('feed positions in a batch follow on; a job rolled back gives its positions back on SQLite, leaves a hole on PostgreSQL', async () => {
  const storage = await openStorage();
  // PostgreSQL takes positions from a sequence: no writer waits for another's rollback.
  if (testPgAdminUrl()) {
    const taken = await Promise.allSettled([
      storage.write(async (tx) => [await tx.nextSeq(), await tx.nextSeq()]),
      storage.write(async (tx) => {
        await tx.nextSeq();
        throw new Error('rolled back');
      }),
      storage.write(async (tx) => [await tx.nextSeq()]),
    ]);
    expect(taken.map((r) => (r.status === 'fulfilled' ? r.value : 'failed'))).toEqual([
      [1, 2],
      'failed',
      [4],
    ]);
    expect(await storage.write((tx) => tx.nextSeq())).toBe(5);
    return;
  }
  const taken = await Promise.allSettled([
    storage.write(async (tx) => [await tx.nextSeq(), await tx.nextSeq()]),
    storage.write(async (tx) => {
      await tx.nextSeq();
      throw new Error('rolled back');
    }),
    storage.write(async (tx) => [await tx.nextSeq()]),
    storage.write(async (tx) => [await tx.nextSeq(), await tx.nextSeq()]),
  ]);
  expect(taken.map((r) => (r.status === 'fulfilled' ? r.value : 'failed'))).toEqual([
    [1, 2],
    'failed',
    [3],
    [4, 5],
  ]);
  expect(await storage.read((tx) => tx.currentSeq())).toBe(5);
  // The next batch goes on from the stored counter.
  expect(await storage.write((tx) => tx.nextSeq())).toBe(6);
});

it('reads asked for together come back each with its own rows; a read asked before a write runs before it', async () => {
  const storage = await openStorage();
  await storage.write((tx) => tx.insertUser(user));
  await storage.write((tx) => tx.insertClient(client('known', 7)));
  const [known, missing, before, after] = await storage.write(async (tx) => {
    const [k, m] = await Promise.all([tx.getClient('known'), tx.getClient('missing')]);
    const pending = tx.getClient('new');
    await tx.insertClient(client('new', 3));
    return [k, m, await pending, await tx.getClient('new')];
  });
  expect(known?.lastMutationId).toBe(7);
  expect(missing).toBeUndefined();
  expect(before).toBeUndefined();
  expect(after?.lastMutationId).toBe(3);
});
