/**
 * The shared rate-limit counter sends the hits of one event-loop turn in one statement and still
 * counts exactly: each hit gets the count it would have had alone, in the order asked.
 */
import pg from 'pg';
import { afterEach, expect, it, vi } from 'vitest';
import { openPostgresStorage, type PostgresStorage } from '../../src-server/storage/postgres';
import { freshDatabase } from './pg';

const open: PostgresStorage[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const s of open.splice(0)) await s.close();
});

async function counter() {
  const store = await openPostgresStorage(await freshDatabase());
  open.push(store);
  return store.rateCounter;
}

it('hits of one turn go in one statement and get exact counts in order', async () => {
  const rate = await counter();
  const query = vi.spyOn(pg.Pool.prototype, 'query');
  const minute = 60_000;
  const hits = [
    ...Array.from({ length: 30 }, () => rate.hit('k', minute)),
    ...Array.from({ length: 5 }, () => rate.hit('j', minute)),
  ];
  const counts = (await Promise.all(hits)).map((h) => h.count);
  expect(counts).toEqual([
    ...Array.from({ length: 30 }, (_, i) => i + 1),
    ...Array.from({ length: 5 }, (_, i) => i + 1),
  ]);
  expect(query).toHaveBeenCalledTimes(1);
  // A named statement: parsed once per connection, not on every turn.
  expect(query.mock.calls[0]?.[0]).toMatchObject({ name: 'copydesk_rate_hit_many' });
  // The next turn goes on from the stored totals, in the same window.
  const [k, j] = await Promise.all([rate.hit('k', minute), rate.hit('j', minute)]);
  expect([k.count, j.count]).toEqual([31, 6]);
  expect(k.resetAt).toBe((await rate.hit('k', minute)).resetAt);
});

it('a window that has passed starts again at one', async () => {
  const rate = await counter();
  await Promise.all([rate.hit('w', 40), rate.hit('w', 40)]);
  await new Promise((r) => setTimeout(r, 80));
  expect((await rate.hit('w', 40)).count).toBe(1);
});

it('a bad window is refused and counts nothing', async () => {
  const rate = await counter();
  await expect(rate.hit('bad', 0)).rejects.toThrow(/positive whole ms/);
  await expect(rate.hit('bad', 1.5)).rejects.toThrow(/positive whole ms/);
  expect((await rate.hit('bad', 60_000)).count).toBe(1);
});
