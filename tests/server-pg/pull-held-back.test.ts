/**
 * A pull on PostgreSQL when committed changes are held back behind a running writer
 * (postgres/feed.ts, sync/pull.ts): it waits briefly for that writer, so the change is in the
 * answer; behind a writer that stays open longer, the answer goes out without it and does not
 * acknowledge the pushing desk's mutation before its change is delivered. A commit announced on the
 * live bus ends its pause at once (sync/commitSignal.ts).
 */
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it, vi } from 'vitest';
import { openPostgresStorage, type PostgresStorage } from '../../src-server/storage/postgres';
import type { Storage, UserRow } from '../../src-server/storage/types';
import { PullService } from '../../src-server/sync/pull';
import { PushService } from '../../src-server/sync/push';
import type { CommitWait } from '../../src-server/sync/commitSignal';
import { SCHEMA_VERSION } from '../../src-shared/protocol';
import { bodyFromParagraphs } from '../../src-shared/richtext/plainText';
import { freshDatabase, recordMessages, usePrivateCluster } from './pg';

// Its writers stay open on purpose: a cluster of its own, so other files' feeds are not held back.
usePrivateCluster();

const open: PostgresStorage[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const s of open.splice(0)) await s.close();
});

const chief: UserRow = {
  id: 'u-chief',
  username: 'chief',
  role: 'desk_chief',
  passwordHash: 'x',
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};

/** An older writing transaction on `store` that stays open until released. */
async function olderWriter(store: Storage) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let started!: () => void;
  const running = new Promise<void>((r) => (started = r));
  const done = store.write(async (tx) => {
    await tx.insertAudit({
      userId: null,
      action: 'test',
      entityType: 'article',
      entityId: 'x',
      detail: {},
      createdAt: new Date().toISOString(),
    });
    await tx.getClient('nobody'); // sends the insert: the transaction has its txid
    started();
    await gate;
  });
  await running;
  return { release, done };
}

async function setUp(commits?: CommitWait) {
  const url = await freshDatabase();
  // `holder` runs the older writer; `one` takes the push, `two` answers the pull.
  const [holder, one, two] = await Promise.all([
    openPostgresStorage(url),
    openPostgresStorage(url),
    openPostgresStorage(url),
  ]);
  open.push(holder, one, two);
  await one.write((tx) => tx.insertUser(chief));
  const clientId = randomUUID();
  const pull = async (cursor = 0) =>
    JSON.parse(
      await new PullService(two, commits).pullJson(chief, {
        protocolVersion: '1',
        schemaVersion: SCHEMA_VERSION,
        clientId,
        cursor,
        limit: 100,
      }),
    ) as { changes: { id: string }[]; cursor: number; lastMutationId: number };
  const create = (articleId: string) =>
    new PushService(one).push(chief, {
      protocolVersion: 1,
      clientId,
      mutations: [
        {
          id: 1,
          name: 'article.create',
          args: { id: articleId, fields: { headline: 'Eilt' }, body: bodyFromParagraphs(['x']) },
        },
      ],
    });
  return { holder, pull, create };
}

it('waits for an older writer that ends soon and answers with the change committed behind it', async () => {
  const { holder, pull, create } = await setUp();
  const older = await olderWriter(holder);
  const articleId = randomUUID();
  expect((await create(articleId)).lastMutationId).toBe(1);
  setTimeout(older.release, 100);
  const sent = recordMessages();
  const page = await pull();
  expect(page.changes.map((c) => c.id)).toEqual([articleId]);
  expect(page.lastMutationId).toBe(1);
  await older.done;
  // The first read found the change held back: it made no page (no lastMutationId look-up for a
  // page that the read after the wait replaces), only the horizon was polled until the writer ended.
  expect(sent.filter((m) => /MAX\(mutation_id\)/.test(m))).toEqual([]);
  expect(sent.filter((m) => /FROM changes c/.test(m))).toHaveLength(2);
});

it('behind a writer that stays open, answers without the change and does not acknowledge its mutation yet', async () => {
  const { holder, pull, create } = await setUp();
  const older = await olderWriter(holder);
  const articleId = randomUUID();
  expect((await create(articleId)).lastMutationId).toBe(1);
  const held = await pull();
  expect(held.changes).toEqual([]);
  expect(held.cursor).toBe(0);
  // The client row says 1, but its change is not delivered: the desk keeps the mutation pending.
  expect(held.lastMutationId).toBe(0);
  older.release();
  await older.done;
  const page = await pull(held.cursor);
  expect(page.changes.map((c) => c.id)).toEqual([articleId]);
  expect(page.lastMutationId).toBe(1);
});

it('looks again as soon as a commit is announced, not at the next step of its back-off', async () => {
  // Pauses that end only when the test announces a commit: every horizon read is one wake-up.
  let announce!: () => void;
  let waits = 0;
  const commits: CommitWait = {
    next: () => {
      waits++;
      return new Promise<void>((r) => (announce = r));
    },
  };
  const { holder, pull, create } = await setUp(commits);
  const older = await olderWriter(holder);
  const articleId = randomUUID();
  expect((await create(articleId)).lastMutationId).toBe(1);
  const sent = recordMessages();
  const answer = pull();
  await vi.waitFor(() => expect(waits).toBe(1));
  older.release();
  await older.done;
  announce();
  const page = await answer;
  expect(page.changes.map((c) => c.id)).toEqual([articleId]);
  expect(page.lastMutationId).toBe(1);
  // One pause, one horizon read after the commit, and the page.
  expect(waits).toBe(1);
  const horizonReads = sent.filter((m) => m.includes('AS horizon') && !m.includes('AS held'));
  expect(horizonReads).toHaveLength(1);
});
