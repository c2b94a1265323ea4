/**
 * What a push costs in round trips on PostgreSQL, where every writer waits for the feed lock
 * held by the one before (sql/feed.ts): a batch of one job that reads two rows together, takes
 * a feed position and writes is two messages: BEGIN, the feed lock and both reads; then the
 * writes, NOTIFY and COMMIT.
 */
import pg from 'pg';
import { afterEach, expect, it, vi } from 'vitest';
import { openPostgresStorage, type PostgresStorage } from '../../src-server/storage/postgres';
import { freshDatabase } from './pg';

const open: PostgresStorage[] = [];
const account = { passwordHash: 'x', disabled: false, createdAt: '2026-01-01T00:00:00.000Z' };
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
  const sent: string[] = [];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the client as `this`
  const query = pg.Client.prototype.query;
  vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args) {
    const first = args[0] as string | { text: string };
    sent.push(typeof first === 'string' ? first : first.text);
    return (query as (...a: unknown[]) => unknown).apply(this, args) as never;
  });
  const seq = await store.write(async (tx) => {
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
  expect(sent[0]).toMatch(/^BEGIN;\nSELECT value FROM counters WHERE name = 'seq' FOR UPDATE;\n/);
  expect(sent[1]).toMatch(/COMMIT$/);
  const rows = await store.read((tx) => tx.listChanges(0, 10));
  expect(rows.map((r) => [r.seq, r.entityId])).toEqual([[1, 'a1']]);
});
