import { afterEach, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './index';

let db: Database.Database | undefined;
afterEach(() => db?.close());

it('0004-comments adds the comments and notices tables on top of the earlier schemas', () => {
  db = new Database(':memory:');
  for (const m of MIGRATIONS.filter((x) => x.version <= 4)) db.exec(m.sql);
  const cols = (t: string) =>
    (db!.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
  expect(cols('comments')).toEqual(
    expect.arrayContaining(['id', 'article_id', 'author_id', 'block_id', 'text', 'server_version']),
  );
  expect(cols('notices')).toEqual(
    expect.arrayContaining(['id', 'kind', 'article_id', 'headline', 'comment', 'dismissed_at']),
  );
  db.prepare(
    "INSERT INTO comments (id, article_id, text, created_at) VALUES ('c', 'a', 'Gut.', 'now')",
  ).run();
  expect(db.prepare('SELECT server_version, block_id FROM comments').get()).toEqual({
    server_version: null,
    block_id: null,
  });
  // Notice kinds are checked; a new notice is not yet announced.
  expect(() =>
    db!
      .prepare(
        "INSERT INTO notices (id, kind, article_id, headline, created_at) VALUES ('n', 'bogus', 'a', 'H', 'now')",
      )
      .run(),
  ).toThrow(/CHECK constraint/);
  db.prepare(
    "INSERT INTO notices (id, kind, article_id, headline, created_at) VALUES ('n', 'approved', 'a', 'H', 'now')",
  ).run();
  expect(db.prepare('SELECT announced, dismissed_at FROM notices').get()).toEqual({
    announced: 0,
    dismissed_at: null,
  });
});
