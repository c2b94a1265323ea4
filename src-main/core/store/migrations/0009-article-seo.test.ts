import { afterEach, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './index';

let db: Database.Database | undefined;
afterEach(() => db?.close());

it('0009-article-seo gives stored articles an empty description and no social image', () => {
  db = new Database(':memory:');
  for (const m of MIGRATIONS.filter((x) => x.version < 9)) db.exec(m.sql);
  db.prepare(
    `INSERT INTO articles (id, headline, body_json, body_text, created_at, updated_at)
     VALUES ('a', 'Alt', '{"root":{"type":"root","children":[]}}', '', 'now', 'now')`,
  ).run();
  const m9 = MIGRATIONS.find((x) => x.version === 9);
  expect(m9?.name).toBe('article-seo');
  db.exec(m9!.sql);
  expect(
    db.prepare('SELECT headline, meta_description, social_image_id FROM articles').get(),
  ).toEqual({ headline: 'Alt', meta_description: '', social_image_id: null });
  expect(() =>
    db!.prepare("UPDATE articles SET meta_description = NULL WHERE id = 'a'").run(),
  ).toThrow(/NOT NULL/);
});
