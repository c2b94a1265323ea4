import { afterEach, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './index';

let db: Database.Database | undefined;
afterEach(() => db?.close());

it('0008-schedule adds nullable scheduled_at and embargo_until to articles, keeping rows', () => {
  db = new Database(':memory:');
  for (const m of MIGRATIONS.filter((x) => x.version <= 7)) db.exec(m.sql);
  db.prepare(
    `INSERT INTO articles (id, body_json, body_text, created_at, updated_at)
     VALUES ('a', '{"root":{"type":"root","children":[]}}', '', 'now', 'now')`,
  ).run();
  const m8 = MIGRATIONS.find((x) => x.version === 8);
  expect(m8?.name).toBe('schedule');
  db.exec(m8!.sql);
  expect(db.prepare('SELECT id, scheduled_at, embargo_until FROM articles').all()).toEqual([
    { id: 'a', scheduled_at: null, embargo_until: null },
  ]);
  db.prepare(
    "UPDATE articles SET scheduled_at = '2027-01-15T05:00:00.000Z', embargo_until = '2027-01-15T04:00:00.000Z'",
  ).run();
  expect(db.prepare('SELECT scheduled_at, embargo_until FROM articles').get()).toEqual({
    scheduled_at: '2027-01-15T05:00:00.000Z',
    embargo_until: '2027-01-15T04:00:00.000Z',
  });
});
