import { afterEach, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './index';

let db: Database.Database | undefined;
afterEach(() => db?.close());

it('0010-trash-views adds articles.deleted_by and the saved views index, keeping rows', () => {
  db = new Database(':memory:');
  for (const m of MIGRATIONS.filter((x) => x.version < 10)) db.exec(m.sql);
  db.prepare(
    `INSERT INTO articles (id, body_json, body_text, status, section, created_at, updated_at, deleted_at)
     VALUES ('a', '{"root":{"type":"root","children":[]}}', '', 'draft', 'politik', 'now', 'now', 'then')`,
  ).run();
  const m10 = MIGRATIONS.find((x) => x.version === 10);
  expect(m10?.name).toBe('trash-views');
  db.exec(m10!.sql);
  const cols = db.prepare('PRAGMA table_info(articles)').all() as {
    name: string;
    notnull: number;
    dflt_value: unknown;
  }[];
  expect(cols.find((c) => c.name === 'deleted_by')).toMatchObject({ notnull: 0, dflt_value: null });
  // The deleted article survives; nobody is named as its deleter.
  expect(db.prepare('SELECT id, deleted_at, deleted_by FROM articles').all()).toEqual([
    { id: 'a', deleted_at: 'then', deleted_by: null },
  ]);
  // A view's query (status, author, section) is answered by the new index.
  const plan = db
    .prepare(
      `EXPLAIN QUERY PLAN SELECT COUNT(*) FROM articles WHERE deleted_at IS NULL AND status = 'draft'
        AND author_id = 'u1' AND section = 'politik'`,
    )
    .all() as { detail: string }[];
  expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX articles_view/);
});
