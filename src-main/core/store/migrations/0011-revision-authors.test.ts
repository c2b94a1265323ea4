import { afterEach, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './index';

let db: Database.Database | undefined;
afterEach(() => db?.close());

it('0011-revision-authors adds a nullable revisions.author on top of the earlier schemas, keeping rows', () => {
  db = new Database(':memory:');
  for (const m of MIGRATIONS.filter((x) => x.version < 11)) db.exec(m.sql);
  db.prepare(
    `INSERT INTO articles (id, body_json, body_text, created_at, updated_at)
     VALUES ('a', '{"root":{"type":"root","children":[]}}', '', 'now', 'now')`,
  ).run();
  db.prepare(
    `INSERT INTO revisions (id, article_id, revision, reason, body_json, fields_json, size, created_at)
     VALUES ('r1', 'a', 1, 'created', '{}', '{}', 2, 'now')`,
  ).run();
  const m = MIGRATIONS.find((x) => x.version === 11);
  expect(m?.name).toBe('revision-authors');
  db.exec(m!.sql);
  const cols = db.prepare('PRAGMA table_info(revisions)').all() as {
    name: string;
    notnull: number;
    dflt_value: unknown;
  }[];
  expect(cols.find((c) => c.name === 'author')).toMatchObject({ notnull: 0, dflt_value: null });
  // The older revision survives and names nobody.
  expect(db.prepare('SELECT id, author FROM revisions').all()).toEqual([
    { id: 'r1', author: null },
  ]);
  db.prepare(
    `INSERT INTO revisions (id, article_id, revision, reason, body_json, fields_json, size, created_at, author)
     VALUES ('r2', 'a', 2, 'saved', '{}', '{}', 2, 'now', 'editor')`,
  ).run();
  expect(db.prepare("SELECT author FROM revisions WHERE id = 'r2'").get()).toEqual({
    author: 'editor',
  });
});
