import { afterEach, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './index';

let db: Database.Database | undefined;
afterEach(() => db?.close());

it('0007-dictionary adds the newsroom dictionary on top of the earlier schemas, keeping rows', () => {
  db = new Database(':memory:');
  for (const m of MIGRATIONS.filter((x) => x.version <= 6)) db.exec(m.sql);
  db.prepare(
    `INSERT INTO articles (id, body_json, body_text, created_at, updated_at)
     VALUES ('a', '{"root":{"type":"root","children":[]}}', '', 'now', 'now')`,
  ).run();
  const m7 = MIGRATIONS.find((x) => x.version === 7);
  expect(m7?.name).toBe('dictionary');
  db.exec(m7!.sql);
  db.prepare("INSERT INTO dictionary_words (word, added_at) VALUES ('citeq', 'now')").run();
  // A new word is pending and not removed; a word is stored once; removed is a flag.
  expect(db.prepare('SELECT removed, server_version FROM dictionary_words').get()).toEqual({
    removed: 0,
    server_version: null,
  });
  expect(() =>
    db!.prepare("INSERT INTO dictionary_words (word, added_at) VALUES ('citeq', 'now')").run(),
  ).toThrow(/UNIQUE constraint/);
  expect(() =>
    db!.prepare("UPDATE dictionary_words SET removed = 2 WHERE word = 'citeq'").run(),
  ).toThrow(/CHECK constraint/);
  expect(db.prepare('SELECT id FROM articles').all()).toEqual([{ id: 'a' }]);
});
