import { afterEach, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './index';

let db: Database.Database | undefined;
afterEach(() => db?.close());

it('0012-field-suggestions gives stored articles an empty list of field suggestions', () => {
  db = new Database(':memory:');
  for (const m of MIGRATIONS.filter((x) => x.version < 12)) db.exec(m.sql);
  db.prepare(
    `INSERT INTO articles (id, headline, body_json, body_text, created_at, updated_at)
     VALUES ('a', 'Alt', '{"root":{"type":"root","children":[]}}', '', 'now', 'now')`,
  ).run();
  const m12 = MIGRATIONS.find((x) => x.version === 12);
  expect(m12?.name).toBe('field-suggestions');
  db.exec(m12!.sql);
  expect(db.prepare('SELECT headline, field_suggestions_json FROM articles').get()).toEqual({
    headline: 'Alt',
    field_suggestions_json: '[]',
  });
  expect(() =>
    db!.prepare("UPDATE articles SET field_suggestions_json = NULL WHERE id = 'a'").run(),
  ).toThrow(/NOT NULL/);
});
