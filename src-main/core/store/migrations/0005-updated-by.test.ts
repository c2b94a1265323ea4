import { afterEach, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './index';

let db: Database.Database | undefined;
afterEach(() => db?.close());

it('0005-updated-by adds a nullable articles.updated_by on top of the earlier schemas, keeping rows', () => {
  db = new Database(':memory:');
  for (const m of MIGRATIONS.filter((x) => x.version <= 4)) db.exec(m.sql);
  db.prepare(
    `INSERT INTO articles (id, body_json, body_text, created_at, updated_at)
     VALUES ('a', '{"root":{"type":"root","children":[]}}', '', 'now', 'now')`,
  ).run();
  const m5 = MIGRATIONS.find((x) => x.version === 5);
  expect(m5?.name).toBe('updated-by');
  db.exec(m5!.sql);
  const cols = db.prepare('PRAGMA table_info(articles)').all() as {
    name: string;
    notnull: number;
    dflt_value: unknown;
  }[];
  expect(cols.find((c) => c.name === 'updated_by')).toMatchObject({
    notnull: 0,
    dflt_value: null,
  });
  // The existing article survives and names nobody yet.
  expect(db.prepare('SELECT id, updated_by FROM articles').all()).toEqual([
    { id: 'a', updated_by: null },
  ]);
  db.prepare("UPDATE articles SET updated_by = 'chief' WHERE id = 'a'").run();
  expect(db.prepare('SELECT updated_by FROM articles').get()).toEqual({ updated_by: 'chief' });
});
