/**
 * Writers on two instances run at the same time (postgres/feed.ts), so what the feed lock gave
 * besides order must still hold: no two instances update one row from the same old state. A job
 * locks what it reads and then writes before reading it; two concurrent pushes to the same
 * article on two connections both land, merged, nothing lost.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { openPostgresStorage, type PostgresStorage } from '../../src-server/storage/postgres';
import type { UserRow } from '../../src-server/storage/types';
import { PushService } from '../../src-server/sync/push';
import { bodyFromParagraphs } from '../../src-shared/richtext/plainText';
import type { ArticleState } from '../../src-shared/mutations';
import { freshDatabase, usePrivateCluster } from './pg';

// Its writers stay open on purpose: a cluster of its own, so other files' feeds are not held back.
usePrivateCluster();

const open: PostgresStorage[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function twoInstances(): Promise<[PostgresStorage, PostgresStorage]> {
  const url = await freshDatabase();
  const stores = await Promise.all([openPostgresStorage(url), openPostgresStorage(url)]);
  open.push(...stores);
  return stores;
}

const chief: UserRow = {
  id: 'u-chief',
  username: 'chief',
  role: 'desk_chief',
  passwordHash: 'x',
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};

it('a job that locked an article makes the other instance read it only after its commit', async () => {
  const [one, two] = await twoInstances();
  await one.write((tx) =>
    tx.putWord({
      word: 'citeq',
      addedBy: null,
      addedAt: '2026-01-01T00:00:00.000Z',
      removed: false,
      version: 1,
    }),
  );
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let locked!: () => void;
  const hasLock = new Promise<void>((r) => (locked = r));
  const first = one.write(async (tx) => {
    tx.lockForWrite(['word:citeq']);
    const w = await tx.getWord('citeq');
    locked();
    await gate;
    await tx.putWord({ ...w!, version: w!.version + 1 });
  });
  await hasLock;
  let secondRead: number | undefined;
  const second = two.write(async (tx) => {
    tx.lockForWrite(['word:citeq']);
    const w = await tx.getWord('citeq');
    secondRead = w!.version;
    await tx.putWord({ ...w!, version: w!.version + 1 });
  });
  await sleep(300);
  expect(secondRead).toBeUndefined(); // waits for the lock, not reading the old state
  release();
  await Promise.all([first, second]);
  expect(secondRead).toBe(2);
  expect((await two.read((tx) => tx.getWord('citeq')))?.version).toBe(3);
});

it('two concurrent pushes to the same article on two instances both land, merged, nothing lost', async () => {
  const [one, two] = await twoInstances();
  await one.write((tx) => tx.insertUser(chief));
  const pushOne = new PushService(one);
  const pushTwo = new PushService(two);
  const articleId = randomUUID();
  const creator = randomUUID();
  const created = await pushOne.push(chief, {
    protocolVersion: 1,
    clientId: creator,
    mutations: [
      {
        id: 1,
        name: 'article.create',
        args: { id: articleId, fields: { headline: 'Zwei' }, body: bodyFromParagraphs(['x']) },
      },
    ],
  });
  expect(created.outcomes.map((o) => o.status)).toEqual(['applied']);

  // Two desks, one on each instance, each adding its tags one push at a time, at the same time.
  const desk = async (service: PushService, prefix: string) => {
    const clientId = randomUUID();
    const statuses: string[] = [];
    for (let i = 1; i <= 12; i++) {
      const r = await service.push(chief, {
        protocolVersion: 1,
        clientId,
        mutations: [
          { id: i, name: 'article.addTag', args: { id: articleId, tag: `${prefix}${i}` } },
        ],
      });
      statuses.push(...r.outcomes.map((o) => o.status));
    }
    return statuses;
  };
  const [a, b] = await Promise.all([desk(pushOne, 'eins'), desk(pushTwo, 'zwei')]);
  expect(new Set([...a, ...b])).toEqual(new Set(['applied']));

  const article = (await one.read((tx) => tx.getArticle(articleId))) as ArticleState;
  const expected = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].flatMap((i) => [`eins${i}`, `zwei${i}`]);
  expect([...article.tags].sort()).toEqual(expected.sort());
  // Every push left its change in the feed, and the article's version is its latest position.
  const changes = await two.read((tx) => tx.listChanges(0, 100));
  expect(changes.filter((r) => r.entityId === articleId)).toHaveLength(25);
  expect(article.version).toBe(Math.max(...changes.map((r) => r.seq)));
});

it('locks and positions are refused outside a write transaction', async () => {
  const [one] = await twoInstances();
  await expect(one.read(async (tx) => tx.lockForWrite(['article:x']))).rejects.toThrow(
    'lockForWrite outside a write transaction',
  );
  await expect(one.read((tx) => tx.nextSeq())).rejects.toThrow(
    'nextSeq outside a write transaction',
  );
});
