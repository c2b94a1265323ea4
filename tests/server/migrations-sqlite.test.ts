/**
 * The SQLite backend schema migrations, one test each, and the version check on open: a newer
 * database is refused untouched; an older one is copied to backups/ before it is migrated.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../../src-server/storage/sqlite';
import { migrateSqlite, schemaVersion } from '../../src-server/storage/sqlite/migrate';
import { SQLITE_MIGRATIONS } from '../../src-server/storage/sqlite/migrations';
import { MIGRATION_0006_ARTICLE_SEO } from '../../src-server/storage/sqlite/migrations/0006_article_seo';
import { MIGRATION_0007_USER_DISPLAY_NAME } from '../../src-server/storage/sqlite/migrations/0007_user_display_name';
import { MIGRATION_0008_FIELD_SUGGESTIONS } from '../../src-server/storage/sqlite/migrations/0008_field_suggestions';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-migrate-'));
  file = join(dir, 'copydesk-server.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const tables = (db: Database.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
const indexes = (db: Database.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as {
      name: string;
    }[]
  ).map((r) => r.name);

describe('SQLite migrations', () => {
  it('0001 creates every table of the backend with the feed counter at 0', () => {
    const db = new Database(file);
    expect(migrateSqlite(db, file, SQLITE_MIGRATIONS.slice(0, 1))).toEqual({ from: 0, to: 1 });
    expect(tables(db)).toEqual([
      'articles',
      'audit_events',
      'blobs',
      'changes',
      'clients',
      'comments',
      'conflict_records',
      'counters',
      'images',
      'published',
      'published_images',
      'published_tags',
      'rejected_mutations',
      'revisions',
      'schema_version',
      'sections',
      'sessions',
      'users',
    ]);
    expect(db.prepare("SELECT value FROM counters WHERE name = 'seq'").get()).toEqual({ value: 0 });
    expect(indexes(db)).not.toContain('audit_entity');
    expect(schemaVersion(db)).toBe(1);
    db.close();
  });

  it('0002 adds the audit index to a version-1 database and keeps its rows', () => {
    const db = new Database(file);
    migrateSqlite(db, file, SQLITE_MIGRATIONS.slice(0, 1));
    db.prepare(
      "INSERT INTO audit_events VALUES (1, NULL, 'article.create', 'article', 'a1', '{}', 'now')",
    ).run();
    const result = migrateSqlite(db, file, SQLITE_MIGRATIONS.slice(0, 2));
    expect(result.from).toBe(1);
    expect(result.to).toBe(2);
    expect(indexes(db)).toContain('audit_entity');
    expect(db.prepare('SELECT COUNT(*) AS n FROM audit_events').get()).toEqual({ n: 1 });
    expect(schemaVersion(db)).toBe(2);
    db.close();
  });

  it('0003 gives images stored before a headline and an extended description, keeping the rest', () => {
    const db = new Database(file);
    migrateSqlite(db, file, SQLITE_MIGRATIONS.slice(0, 2));
    const old = { id: 'i1', credit: 'dpa', alt: 'Ein Hafen', fieldVersions: { credit: 3 } };
    const set = { id: 'i2', headline: 'Schon da', extendedDescription: 'Lang', credit: '' };
    const insert = db.prepare(
      "INSERT INTO images (id, sha256, created_by, version, data) VALUES (?, 'x', NULL, 3, ?)",
    );
    insert.run('i1', JSON.stringify(old));
    insert.run('i2', JSON.stringify(set));
    expect(migrateSqlite(db, file, SQLITE_MIGRATIONS.slice(0, 3))).toMatchObject({
      from: 2,
      to: 3,
    });
    const data = (id: string) =>
      JSON.parse(
        (db.prepare('SELECT data FROM images WHERE id = ?').get(id) as { data: string }).data,
      ) as unknown;
    expect(data('i1')).toEqual({ ...old, headline: '', extendedDescription: '' });
    expect(data('i2')).toEqual(set);
    expect(schemaVersion(db)).toBe(3);
    db.close();
  });

  it('0004 adds the newsroom dictionary to a version-3 database and keeps its rows', () => {
    const db = new Database(file);
    migrateSqlite(db, file, SQLITE_MIGRATIONS.slice(0, 3));
    db.prepare("INSERT INTO sections (slug, name) VALUES ('x', 'X')").run();
    expect(tables(db)).not.toContain('dictionary_words');
    expect(migrateSqlite(db, file, SQLITE_MIGRATIONS.slice(0, 4))).toMatchObject({
      from: 3,
      to: 4,
    });
    db.prepare(
      "INSERT INTO dictionary_words (word, version, data) VALUES ('citeq', 1, '{}')",
    ).run();
    expect(() =>
      db
        .prepare("INSERT INTO dictionary_words (word, version, data) VALUES ('citeq', 2, '{}')")
        .run(),
    ).toThrow(/UNIQUE constraint/);
    expect(db.prepare('SELECT slug FROM sections').all()).toEqual([{ slug: 'x' }]);
    expect(schemaVersion(db)).toBe(4);
    db.close();
  });

  it('0005 adds articles.scheduled_at (NULL for existing articles) and its index', () => {
    const db = new Database(file);
    migrateSqlite(db, file, SQLITE_MIGRATIONS.slice(0, 4));
    db.prepare(
      "INSERT INTO articles (id, status, version, data) VALUES ('a1', 'approved', 3, '{}')",
    ).run();
    expect(migrateSqlite(db, file, SQLITE_MIGRATIONS.slice(0, 5))).toMatchObject({
      from: 4,
      to: 5,
    });
    expect(db.prepare('SELECT id, scheduled_at, data FROM articles').all()).toEqual([
      { id: 'a1', scheduled_at: null, data: '{}' },
    ]);
    expect(indexes(db)).toContain('articles_scheduled');
    expect(schemaVersion(db)).toBe(5);
    db.close();
  });

  it('0006 gives articles stored before an empty description and no social image, and adds slug redirects', () => {
    const db = new Database(file);
    migrateSqlite(db, file, SQLITE_MIGRATIONS.slice(0, 4));
    const old = { id: 'a1', headline: 'Alt', fieldVersions: { headline: 3 } };
    const set = { id: 'a2', metaDescription: 'Schon da', socialImageId: 'i1' };
    const insert = db.prepare(
      "INSERT INTO articles (id, author_id, assignee_id, status, deleted_at, version, data) VALUES (?, NULL, NULL, 'draft', NULL, 3, ?)",
    );
    insert.run('a1', JSON.stringify(old));
    insert.run('a2', JSON.stringify(set));
    const at = SQLITE_MIGRATIONS.indexOf(MIGRATION_0006_ARTICLE_SEO) + 1;
    migrateSqlite(db, file, SQLITE_MIGRATIONS.slice(0, at));
    const data = (id: string) =>
      JSON.parse(
        (db.prepare('SELECT data FROM articles WHERE id = ?').get(id) as { data: string }).data,
      ) as unknown;
    expect(data('a1')).toEqual({ ...old, metaDescription: '', socialImageId: null });
    expect(data('a2')).toEqual(set);
    db.prepare("INSERT INTO slug_redirects VALUES ('alt', 'a1', 'now')").run();
    expect(() =>
      db.prepare("INSERT INTO slug_redirects VALUES ('alt', 'a2', 'now')").run(),
    ).toThrow(/UNIQUE constraint/);
    db.close();
  });

  it('0007 gives users a display name, empty for users stored before', () => {
    const db = new Database(file);
    const at = SQLITE_MIGRATIONS.indexOf(MIGRATION_0007_USER_DISPLAY_NAME) + 1;
    migrateSqlite(db, file, SQLITE_MIGRATIONS.slice(0, at - 1));
    db.prepare(
      "INSERT INTO users (id, username, role, password_hash, disabled, created_at) VALUES ('u1', 'anna', 'editor', 'h', 0, 'then')",
    ).run();
    expect(migrateSqlite(db, file, SQLITE_MIGRATIONS.slice(0, at))).toMatchObject({
      from: at - 1,
      to: at,
    });
    expect(db.prepare('SELECT id, username, display_name, password_hash FROM users').all()).toEqual(
      [{ id: 'u1', username: 'anna', display_name: '', password_hash: 'h' }],
    );
    db.prepare("UPDATE users SET display_name = 'Anna Berg' WHERE id = 'u1'").run();
    expect(db.prepare('SELECT display_name FROM users').get()).toEqual({
      display_name: 'Anna Berg',
    });
    expect(() => db.prepare("UPDATE users SET display_name = NULL WHERE id = 'u1'").run()).toThrow(
      /NOT NULL/,
    );
    expect(schemaVersion(db)).toBe(at);
    db.close();
  });

  it('0008 gives articles stored before an empty list of field suggestions, keeping a list already there', () => {
    const db = new Database(file);
    const at = SQLITE_MIGRATIONS.indexOf(MIGRATION_0008_FIELD_SUGGESTIONS) + 1;
    migrateSqlite(db, file, SQLITE_MIGRATIONS.slice(0, at - 1));
    const old = { id: 'a1', headline: 'Alt', fieldVersions: { headline: 3 } };
    const suggestion = { id: 's1', field: 'headline', value: 'Neu', author: 'chief', at: 'then' };
    const set = { id: 'a2', headline: 'Alt', fieldSuggestions: [suggestion] };
    const insert = db.prepare(
      "INSERT INTO articles (id, author_id, assignee_id, status, deleted_at, version, data) VALUES (?, NULL, NULL, 'draft', NULL, 3, ?)",
    );
    insert.run('a1', JSON.stringify(old));
    insert.run('a2', JSON.stringify(set));
    expect(migrateSqlite(db, file, SQLITE_MIGRATIONS.slice(0, at))).toMatchObject({
      from: at - 1,
      to: at,
    });
    const data = (id: string) =>
      JSON.parse(
        (db.prepare('SELECT data FROM articles WHERE id = ?').get(id) as { data: string }).data,
      ) as unknown;
    expect(data('a1')).toEqual({ ...old, fieldSuggestions: [] });
    expect(data('a2')).toEqual(set);
    expect(schemaVersion(db)).toBe(at);
    db.close();
  });

  it('backs up an existing database before migrating it, and not a new or current one', () => {
    const db = new Database(file);
    expect(migrateSqlite(db, file).backup).toBeUndefined(); // new database: nothing to keep
    db.prepare('DELETE FROM schema_version').run();
    db.prepare('INSERT INTO schema_version (version) VALUES (1)').run();
    db.prepare('DROP INDEX audit_entity').run();
    db.prepare('DROP TABLE dictionary_words').run();
    db.prepare('DROP INDEX articles_scheduled').run();
    db.prepare('ALTER TABLE articles DROP COLUMN scheduled_at').run();
    db.prepare('DROP TABLE slug_redirects').run();
    db.prepare('ALTER TABLE users DROP COLUMN display_name').run();
    const result = migrateSqlite(db, file);
    expect(result.backup).toBeDefined();
    const backup = new Database(result.backup, { readonly: true });
    expect(schemaVersion(backup)).toBe(1);
    expect(indexes(backup)).not.toContain('audit_entity');
    backup.close();
    expect(migrateSqlite(db, file).backup).toBeUndefined(); // already current
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);
    db.close();
  });

  it('refuses a database from a newer server and leaves it untouched', async () => {
    const storage = openSqliteStorage(file, { synchronous: 'normal' });
    await storage.close();
    const db = new Database(file);
    db.prepare('UPDATE schema_version SET version = ?').run(SQLITE_MIGRATIONS.length + 1);
    db.close();
    const before = readFileSync(file);
    expect(() => openSqliteStorage(file)).toThrow(
      `schema version ${SQLITE_MIGRATIONS.length + 1}, newer than this server`,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });
});
