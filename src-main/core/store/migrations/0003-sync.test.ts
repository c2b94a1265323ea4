import { afterEach, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './index';

let db: Database.Database | undefined;
afterEach(() => db?.close());

it('0003-sync adds the sync tables and columns on top of the earlier schemas', () => {
  db = new Database(':memory:');
  for (const m of MIGRATIONS.filter((x) => x.version <= 3)) db.exec(m.sql);
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
  ).map((r) => r.name);
  for (const t of ['sync_base', 'base_bodies', 'conflicts']) expect(tables).toContain(t);
  const cols = (t: string) =>
    (db!.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
  expect(cols('articles')).toEqual(
    expect.arrayContaining(['server_version', 'server_body_version', 'has_conflict']),
  );
  expect(cols('outbox')).toContain('origin');
  // Existing outbox rows default to a user origin; conflict kinds are checked.
  db.prepare(
    "INSERT INTO outbox (name, args_json, entity_type, entity_id, created_at) VALUES ('article.create', '{}', 'article', 'x', 'now')",
  ).run();
  expect(db.prepare('SELECT origin FROM outbox').get()).toEqual({ origin: 'user' });
  expect(() =>
    db!
      .prepare(
        "INSERT INTO conflicts (id, entity_type, entity_id, kind, created_at) VALUES ('c', 'article', 'x', 'bogus', 'now')",
      )
      .run(),
  ).toThrow(/CHECK constraint/);
  // A server conflict is stored once however often a page is re-delivered.
  const ins = db.prepare(
    "INSERT OR IGNORE INTO conflicts (id, entity_type, entity_id, kind, server_conflict_id, created_at) VALUES (?, 'article', 'x', 'field', ?, 'now')",
  );
  ins.run('s1', 's1');
  ins.run('s1', 's1');
  expect(db.prepare('SELECT COUNT(*) AS n FROM conflicts').get()).toEqual({ n: 1 });
});
