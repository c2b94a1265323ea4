/**
 * The PostgreSQL schema migrations, one test each, and the version check on open: a database
 * from a newer server is refused and left untouched; instances starting together migrate once.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresStorage } from '../../src-server/storage/postgres';
import { migratePostgres, pgSchemaVersion } from '../../src-server/storage/postgres/migrate';
import { PG_MIGRATIONS } from '../../src-server/storage/postgres/migrations';
import { serverTables } from '../support/serverDb';
import { freshDatabase } from './pg';

const clients: pg.Client[] = [];
async function connect(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  clients.push(c);
  return c;
}
afterEach(async () => {
  for (const c of clients.splice(0)) await c.end();
});

const indexNames = async (c: pg.Client) =>
  (await c.query<{ indexname: string }>('SELECT indexname FROM pg_indexes')).rows.map(
    (r) => r.indexname,
  );

describe('PostgreSQL migrations', () => {
  it('0001 creates the same tables as on SQLite, the feed counter at 0, audit ids by identity', async () => {
    const url = await freshDatabase();
    const c = await connect(url);
    expect(await migratePostgres(c, PG_MIGRATIONS.slice(0, 1))).toEqual({ from: 0, to: 1 });
    expect(await serverTables({ dataDir: '', databaseUrl: url })).toEqual([
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
    expect((await c.query("SELECT value FROM counters WHERE name = 'seq'")).rows).toEqual([
      { value: '0' },
    ]);
    const ids = await c.query<{ id: string }>(
      `INSERT INTO audit_events (user_id, action, entity_type, entity_id, detail, created_at)
       VALUES (NULL, 'a', 'article', 'x', '{}', 'now'), (NULL, 'b', 'article', 'x', '{}', 'now')
       RETURNING id`,
    );
    expect(ids.rows.map((r) => Number(r.id))).toEqual([1, 2]);
    expect(await indexNames(c)).not.toContain('audit_entity');
    expect(await pgSchemaVersion(c)).toBe(1);
  });

  it('0002 adds the audit index to a version-1 database and keeps its rows', async () => {
    const c = await connect(await freshDatabase());
    await migratePostgres(c, PG_MIGRATIONS.slice(0, 1));
    await c.query(
      "INSERT INTO audit_events (action, entity_type, entity_id, detail, created_at) VALUES ('a', 'article', 'x', '{}', 'now')",
    );
    expect(await migratePostgres(c, PG_MIGRATIONS.slice(0, 2))).toEqual({ from: 1, to: 2 });
    expect(await indexNames(c)).toContain('audit_entity');
    expect((await c.query('SELECT COUNT(*)::int AS n FROM audit_events')).rows).toEqual([{ n: 1 }]);
    expect(await pgSchemaVersion(c)).toBe(2);
  });

  it('refuses a database from a newer server and leaves it untouched', async () => {
    const url = await freshDatabase();
    await (await openPostgresStorage(url)).close();
    const c = await connect(url);
    await c.query('UPDATE schema_version SET version = $1', [PG_MIGRATIONS.length + 1]);
    await c.query("INSERT INTO sections (slug, name) VALUES ('x', 'X')");
    const newer = PG_MIGRATIONS.length + 1;
    await expect(openPostgresStorage(url)).rejects.toThrow(
      `schema version ${newer}, newer than this server knows (${PG_MIGRATIONS.length})`,
    );
    expect(await pgSchemaVersion(c)).toBe(newer);
    expect((await c.query('SELECT slug FROM sections')).rows).toEqual([{ slug: 'x' }]);
  });

  it('0003 adds the shared rate-limit counters to a version-2 database', async () => {
    const c = await connect(await freshDatabase());
    await migratePostgres(c, PG_MIGRATIONS.slice(0, 2));
    await c.query("INSERT INTO sections (slug, name) VALUES ('x', 'X')");
    expect(await migratePostgres(c, PG_MIGRATIONS.slice(0, 3))).toEqual({ from: 2, to: 3 });
    await c.query("INSERT INTO rate_limits (key, count, reset_at) VALUES ('k', 1, 0)");
    await expect(
      c.query("INSERT INTO rate_limits (key, count, reset_at) VALUES ('k', 2, 0)"),
    ).rejects.toThrow(/duplicate key/);
    expect((await c.query('SELECT slug FROM sections')).rows).toEqual([{ slug: 'x' }]);
    expect(await pgSchemaVersion(c)).toBe(3);
  });

  it('0004 gives images stored before a headline and an extended description, keeping the rest', async () => {
    const c = await connect(await freshDatabase());
    await migratePostgres(c, PG_MIGRATIONS.slice(0, 3));
    const old = { id: 'i1', credit: 'dpa', alt: 'Ein Hafen', fieldVersions: { credit: 3 } };
    const set = { id: 'i2', headline: 'Schon da', extendedDescription: 'Lang', credit: '' };
    for (const img of [old, set]) {
      await c.query(
        "INSERT INTO images (id, sha256, created_by, version, data) VALUES ($1, 'x', NULL, 3, $2)",
        [img.id, JSON.stringify(img)],
      );
    }
    expect(await migratePostgres(c, PG_MIGRATIONS.slice(0, 4))).toEqual({ from: 3, to: 4 });
    const data = async (id: string) =>
      JSON.parse(
        (await c.query<{ data: string }>('SELECT data FROM images WHERE id = $1', [id])).rows[0]!
          .data,
      ) as unknown;
    expect(await data('i1')).toEqual({ ...old, headline: '', extendedDescription: '' });
    expect(await data('i2')).toEqual(set);
    expect(await pgSchemaVersion(c)).toBe(4);
  });

  it('0005 adds the newsroom dictionary to a version-4 database', async () => {
    const c = await connect(await freshDatabase());
    await migratePostgres(c, PG_MIGRATIONS.slice(0, 4));
    await c.query("INSERT INTO sections (slug, name) VALUES ('x', 'X')");
    expect(await migratePostgres(c, PG_MIGRATIONS.slice(0, 5))).toEqual({ from: 4, to: 5 });
    await c.query("INSERT INTO dictionary_words (word, version, data) VALUES ('citeq', 1, '{}')");
    await expect(
      c.query("INSERT INTO dictionary_words (word, version, data) VALUES ('citeq', 2, '{}')"),
    ).rejects.toThrow(/duplicate key/);
    expect((await c.query('SELECT slug FROM sections')).rows).toEqual([{ slug: 'x' }]);
    expect(await pgSchemaVersion(c)).toBe(5);
  });

  it('0006 adds articles.scheduled_at (NULL for existing articles) and its index', async () => {
    const c = await connect(await freshDatabase());
    await migratePostgres(c, PG_MIGRATIONS.slice(0, 5));
    await c.query(
      "INSERT INTO articles (id, status, version, data) VALUES ('a1', 'approved', 3, '{}')",
    );
    expect(await migratePostgres(c, PG_MIGRATIONS.slice(0, 6))).toEqual({ from: 5, to: 6 });
    expect((await c.query('SELECT id, scheduled_at, data FROM articles')).rows).toEqual([
      { id: 'a1', scheduled_at: null, data: '{}' },
    ]);
    expect(await indexNames(c)).toContain('articles_scheduled');
    expect(await pgSchemaVersion(c)).toBe(6);
  });

  it('0007 gives articles stored before an empty description and no social image, and adds slug redirects', async () => {
    const c = await connect(await freshDatabase());
    await migratePostgres(c, PG_MIGRATIONS.slice(0, 6));
    const old = { id: 'a1', headline: 'Alt', fieldVersions: { headline: 3 } };
    const set = { id: 'a2', metaDescription: 'Schon da', socialImageId: 'i1' };
    for (const a of [old, set]) {
      await c.query(
        "INSERT INTO articles (id, status, version, data) VALUES ($1, 'draft', 3, $2)",
        [a.id, JSON.stringify(a)],
      );
    }
    expect(await migratePostgres(c, PG_MIGRATIONS.slice(0, 7))).toEqual({ from: 6, to: 7 });
    const data = async (id: string) =>
      JSON.parse(
        (await c.query<{ data: string }>('SELECT data FROM articles WHERE id = $1', [id])).rows[0]!
          .data,
      ) as unknown;
    expect(await data('a1')).toEqual({ ...old, metaDescription: '', socialImageId: null });
    expect(await data('a2')).toEqual(set);
    await c.query("INSERT INTO slug_redirects VALUES ('alt', 'a1', 'now')");
    await expect(c.query("INSERT INTO slug_redirects VALUES ('alt', 'a2', 'now')")).rejects.toThrow(
      /duplicate key/,
    );
    expect(await pgSchemaVersion(c)).toBe(7);
  });

  it('0008 gives users a display name, empty for users stored before', async () => {
    const c = await connect(await freshDatabase());
    await migratePostgres(c, PG_MIGRATIONS.slice(0, 7));
    await c.query(
      "INSERT INTO users (id, username, role, password_hash, disabled, created_at) VALUES ('u1', 'anna', 'editor', 'h', 0, 'then')",
    );
    expect(await migratePostgres(c, PG_MIGRATIONS.slice(0, 8))).toEqual({ from: 7, to: 8 });
    expect(
      (await c.query('SELECT id, username, display_name, password_hash FROM users')).rows,
    ).toEqual([{ id: 'u1', username: 'anna', display_name: '', password_hash: 'h' }]);
    await expect(c.query("UPDATE users SET display_name = NULL WHERE id = 'u1'")).rejects.toThrow(
      /null value/,
    );
    expect(await pgSchemaVersion(c)).toBe(8);
  });

  it('0009 gives articles stored before an empty list of field suggestions, keeping a list already there', async () => {
    const c = await connect(await freshDatabase());
    await migratePostgres(c, PG_MIGRATIONS.slice(0, 8));
    const old = { id: 'a1', headline: 'Alt', fieldVersions: { headline: 3 } };
    const suggestion = { id: 's1', field: 'headline', value: 'Neu', author: 'chief', at: 'then' };
    const set = { id: 'a2', headline: 'Alt', fieldSuggestions: [suggestion] };
    for (const a of [old, set]) {
      await c.query(
        "INSERT INTO articles (id, status, version, data) VALUES ($1, 'draft', 3, $2)",
        [a.id, JSON.stringify(a)],
      );
    }
    expect(await migratePostgres(c, PG_MIGRATIONS.slice(0, 9))).toEqual({ from: 8, to: 9 });
    const data = async (id: string) =>
      JSON.parse(
        (await c.query<{ data: string }>('SELECT data FROM articles WHERE id = $1', [id])).rows[0]!
          .data,
      ) as unknown;
    expect(await data('a1')).toEqual({ ...old, fieldSuggestions: [] });
    expect(await data('a2')).toEqual(set);
    expect(await pgSchemaVersion(c)).toBe(9);
  });

  it('0010 starts the feed sequence above every position so far and gives old change rows txid 0', async () => {
    const c = await connect(await freshDatabase());
    await migratePostgres(c, PG_MIGRATIONS.slice(0, 9));
    // A moved newsroom: positions up to 41, the counter at 42 (a position given out, no row).
    for (const seq of [7, 41]) {
      await c.query(
        `INSERT INTO changes (seq, entity_type, entity_id, op, version, changed_fields, created_at)
         VALUES ($1, 'article', 'a1', 'upsert', $1, '[]', 'then')`,
        [seq],
      );
    }
    await c.query("UPDATE counters SET value = 42 WHERE name = 'seq'");
    expect(await migratePostgres(c, PG_MIGRATIONS.slice(0, 10))).toEqual({ from: 9, to: 10 });
    expect(
      (await c.query('SELECT seq, txid::text AS txid FROM changes ORDER BY seq')).rows,
    ).toEqual([
      { seq: '7', txid: '0' },
      { seq: '41', txid: '0' },
    ]);
    expect((await c.query("SELECT nextval('changes_seq') AS n")).rows).toEqual([{ n: '43' }]);
    // A new row carries the id of the transaction that wrote it.
    await c.query('BEGIN');
    const mine = (await c.query<{ x: string }>('SELECT pg_current_xact_id()::text AS x')).rows[0]!
      .x;
    await c.query(
      `INSERT INTO changes (seq, entity_type, entity_id, op, version, changed_fields, created_at)
       VALUES (44, 'article', 'a1', 'upsert', 44, '[]', 'now')`,
    );
    await c.query('COMMIT');
    expect((await c.query('SELECT txid::text AS txid FROM changes WHERE seq = 44')).rows).toEqual([
      { txid: mine },
    ]);
    expect(await indexNames(c)).toContain('changes_feed');
    expect(await pgSchemaVersion(c)).toBe(10);
  });

  it('an empty database starts its feed at position 1', async () => {
    const c = await connect(await freshDatabase());
    await migratePostgres(c);
    expect((await c.query("SELECT nextval('changes_seq') AS n")).rows).toEqual([{ n: '1' }]);
  });

  it('change rows restored from another cluster (txids in the future of this one) are read in position order', async () => {
    const url = await freshDatabase();
    await (await openPostgresStorage(url)).close();
    const c = await connect(url);
    for (const [seq, txid] of [
      [1, '900000000000'],
      [2, '0'],
    ] as const) {
      await c.query(
        `INSERT INTO changes (seq, entity_type, entity_id, op, version, changed_fields, created_at, txid)
         VALUES ($1, 'article', 'a1', 'upsert', $1, '[]', 'then', $2)`,
        [seq, txid],
      );
    }
    const store = await openPostgresStorage(url);
    try {
      const feed = await store.read((tx) => tx.readFeed(0, 10));
      expect(feed.rows.map((r) => r.seq)).toEqual([1, 2]);
      expect(feed.heldBack).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('two instances starting together on an empty database migrate it once', async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([openPostgresStorage(url), openPostgresStorage(url)]);
    const c = await connect(url);
    expect(await pgSchemaVersion(c)).toBe(PG_MIGRATIONS.length);
    expect((await c.query('SELECT COUNT(*)::int AS n FROM schema_version')).rows).toEqual([
      { n: 1 },
    ]);
    await Promise.all([a.close(), b.close()]);
  });
});
