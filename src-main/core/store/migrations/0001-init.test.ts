import { afterEach, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { sql } from './0001-init';

let db: Database.Database | undefined;
afterEach(() => db?.close());

it('0001-init creates every table of the local store and seeds the four sections', () => {
  db = new Database(':memory:');
  db.exec(sql);
  const names = (
    db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
  for (const t of [
    'articles',
    'article_tags',
    'tags',
    'sections',
    'revisions',
    'settings',
    'outbox',
    'sync_state',
    'articles_fts',
  ]) {
    expect(names).toContain(t);
  }
  expect(db.prepare('SELECT name FROM sections ORDER BY position').all()).toEqual([
    { name: 'Politik' },
    { name: 'Digitalisierung' },
    { name: 'Verwaltung' },
    { name: 'Wirtschaft' },
  ]);
  // The status check constraint rejects unknown statuses.
  expect(() =>
    db!
      .prepare(
        "INSERT INTO articles (id, body_json, status, created_at, updated_at) VALUES ('x', '{}', 'bogus', 'a', 'a')",
      )
      .run(),
  ).toThrow(/CHECK constraint/);
  // The full-text index folds diacritics.
  db.prepare(
    "INSERT INTO articles_fts (rowid, kicker, headline, teaser, body, tags) VALUES (1, 'Münster/LWL:', '', '', '', '')",
  ).run();
  expect(
    db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH \'"munster"*\'').all(),
  ).toEqual([{ rowid: 1 }]);
});
