import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { openStore, recoveryAdvice } from './db';
import { StoreError } from './errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { checkIntegrityInBackground } from './integrity';
import { tempDir } from '../../../tests/support/tmp';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function dbPath(): string {
  const t = tempDir();
  cleanup = t.cleanup;
  return join(t.dir, 'copydesk.db');
}

describe('openStore', () => {
  it('creates a new database at the latest schema with the durability pragmas', () => {
    const path = dbPath();
    const s = openStore(path);
    expect(s.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(s.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(s.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(s.backupPath).toBeNull();
    s.close();
  });

  it('refuses a database from a newer version and leaves the file byte-for-byte untouched', () => {
    const path = dbPath();
    const raw = new Database(path);
    raw.exec('CREATE TABLE future (x)');
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const before = readFileSync(path);
    let err: unknown;
    try {
      openStore(path);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('newer_schema');
    expect((err as StoreError).message).toMatch(/newer Copydesk.*Update Copydesk.*untouched/s);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('keeps a file that is not a database aside, byte for byte, and starts a new one', () => {
    const path = dbPath();
    writeFileSync(path, 'this is not a SQLite database, just some text '.repeat(200));
    const before = readFileSync(path);
    const s = openStore(path);
    expect(s.recovered?.reason).toBe('damaged');
    const kept = s.recovered?.keptAt ?? '';
    expect(kept).toMatch(/copydesk\.db\.damaged-\d{4}-\d\d-\d\dT[\d-]+Z$/);
    expect(readFileSync(kept).equals(before)).toBe(true);
    expect(s.recovered?.message).toContain(kept);
    expect(s.recovered?.message).toMatch(
      /sign in to the server again and sync restores your articles/,
    );
    expect(s.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    s.close();
    // The next start opens the new database normally.
    const again = openStore(path);
    expect(again.recovered).toBeNull();
    again.close();
  });

  it('keeps an empty (0 byte) database file aside instead of silently using it', () => {
    const path = dbPath();
    const first = openStore(path);
    first.db.exec("INSERT INTO sync_state (key, value) VALUES ('x', 'y')");
    first.close();
    writeFileSync(path, ''); // truncated to 0 bytes
    const s = openStore(path);
    expect(s.recovered?.reason).toBe('empty');
    expect(s.recovered?.keptAt).toMatch(/copydesk\.db\.empty-/);
    expect(statSync(s.recovered?.keptAt ?? '').size).toBe(0);
    expect(s.recovered?.message).toMatch(/was empty \(0 bytes\)/);
    s.close();
  });

  it('names the backups folder in its advice only when it exists', () => {
    const path = dbPath();
    expect(recoveryAdvice(path)).not.toMatch(/backups/);
    mkdirSync(join(path, '..', 'backups'));
    expect(recoveryAdvice(path)).toContain(join(path, '..', 'backups'));
  });

  it('detects an unclean shutdown from the open marker', () => {
    const path = dbPath();
    const first = openStore(path);
    expect(first.uncleanShutdown).toBe(false);
    first.db.close(); // simulate a crash: the marker stays
    const second = openStore(path);
    expect(second.uncleanShutdown).toBe(true);
    second.close();
    const third = openStore(path);
    expect(third.uncleanShutdown).toBe(false);
    third.close();
  });

  it('backs up an existing database before migrating it, and the copy holds the old data', () => {
    const path = dbPath();
    const v1 = openStore(path);
    v1.db.prepare("INSERT INTO settings (key, value) VALUES ('language', '\"de\"')").run();
    v1.close();
    const withV2 = [
      ...MIGRATIONS,
      { version: LATEST_SCHEMA_VERSION + 1, name: 'test-add', sql: 'CREATE TABLE added (x);' },
    ];
    const s = openStore(path, withV2);
    expect(s.schemaVersion).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(s.backupPath).not.toBeNull();
    const copy = new Database(s.backupPath!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'language'").get()).toEqual({
      value: '"de"',
    });
    copy.close();
    s.close();
  });

  it('applies each migration in one transaction: a failing step changes nothing', () => {
    const path = dbPath();
    openStore(path).close();
    const broken = [
      ...MIGRATIONS,
      {
        version: LATEST_SCHEMA_VERSION + 1,
        name: 'half',
        sql: 'CREATE TABLE half_done (x); SELECT * FROM no_such_table;',
      },
    ];
    expect(() => openStore(path, broken)).toThrow(
      new RegExp(
        `schema ${LATEST_SCHEMA_VERSION + 1} \\(half\\) failed.*Nothing of that step was applied`,
        's',
      ),
    );
    const s = openStore(path);
    expect(s.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(
      s.db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get(),
    ).toBeUndefined();
    s.close();
  });
});

describe('integrity check', () => {
  it('passes on a healthy database and fails with advice on a damaged one', async () => {
    const path = dbPath();
    const s = openStore(path);
    s.db.exec(
      'CREATE TABLE filler (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 2000) INSERT INTO filler SELECT hex(randomblob(200)) FROM n;',
    );
    s.close();
    expect(await checkIntegrityInBackground(path)).toEqual({ ok: true });

    // Overwrite pages in the middle of the file: the header stays valid, the b-trees do not.
    const size = statSync(path).size;
    const bytes = readFileSync(path);
    for (let i = 8192; i < Math.min(size, 8192 * 20); i += 1) bytes[i] = (i * 7) & 0xff;
    writeFileSync(path, bytes);
    const r = await checkIntegrityInBackground(path);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/integrity check.*Quit Copydesk and start it again/s);
  });
});

describe('backups folder', () => {
  it('is not created for a fresh database', () => {
    const path = dbPath();
    openStore(path).close();
    const dir = join(path, '..');
    expect(readdirSync(dir)).not.toContain('backups');
  });
});

describe('native driver override (the Electron build of better-sqlite3)', () => {
  afterEach(() => {
    delete process.env.COPYDESK_SQLITE_BINDING;
  });

  it('opens with the driver named in COPYDESK_SQLITE_BINDING', () => {
    const path = dbPath();
    process.env.COPYDESK_SQLITE_BINDING = createRequire(import.meta.url).resolve(
      'better-sqlite3/build/Release/better_sqlite3.node',
    );
    const s = openStore(path);
    expect(s.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    s.close();
  });

  it('refuses a missing driver with an error naming it, and creates no database', () => {
    const path = dbPath();
    process.env.COPYDESK_SQLITE_BINDING = '/nonexistent/better_sqlite3.node';
    expect(() => openStore(path)).toThrow(/nonexistent\/better_sqlite3\.node/);
    expect(existsSync(path)).toBe(false);
  });
});
