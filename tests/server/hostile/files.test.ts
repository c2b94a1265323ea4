/**
 * Profile and data folders 0700, databases (with -wal and -shm) 0600,
 * passwords not taken from the command line without a warning, and a damaged or empty desk
 * database kept aside with a message instead of a stack trace or a silent new file.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src-main/core/store/db';
import { LATEST_SCHEMA_VERSION } from '../../../src-main/core/store/migrations';
import { openStorage } from '../../../src-server/server';
import { tempDir } from '../../support/tmp';
import { ROOT, login, spawnServer, type ServerProcess } from '../helpers';
import { nodeArgsFor } from '../../support/test-bin';

const mode = (p: string) => statSync(p).mode & 0o777;

function run(
  script: string,
  args: string[],
  stdin = '',
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeArgsFor(script), ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(stdin);
  });
}

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('copydesk-files-');
});
afterAll(() => tmp?.cleanup());

describe('files on disk', () => {
  it('creates the desk profile 0700 and its database, -wal and -shm 0600', () => {
    const profile = join(tmp.dir, 'new-profile');
    const s = openStore(join(profile, 'copydesk.db'));
    s.db.exec("INSERT INTO sync_state (key, value) VALUES ('probe', '1')");
    expect(mode(profile)).toBe(0o700);
    for (const f of ['copydesk.db', 'copydesk.db-wal', 'copydesk.db-shm']) {
      expect(mode(join(profile, f)), f).toBe(0o600);
    }
    s.close();
  });

  it('tightens an older profile made 0755 with a 0644 database', () => {
    const profile = join(tmp.dir, 'old-profile');
    mkdirSync(profile, { mode: 0o755 });
    chmodSync(profile, 0o755);
    const path = join(profile, 'copydesk.db');
    openStore(path).close();
    chmodSync(path, 0o644);
    const s = openStore(path);
    expect(mode(profile)).toBe(0o700);
    expect(mode(path)).toBe(0o600);
    s.close();
  });

  it('creates the server data folder 0700 and its database files 0600', async () => {
    const data = join(tmp.dir, 'server-data');
    const storage = await openStorage({ dataDir: data });
    await storage.write((tx) => tx.upsertSection({ slug: 'probe', name: 'Probe' }));
    expect(mode(data)).toBe(0o700);
    for (const f of readdirSync(data).filter((n) => n.startsWith('copydesk-server.db'))) {
      expect(mode(join(data, f)), f).toBe(0o600);
    }
    expect(readdirSync(data)).toEqual(
      expect.arrayContaining(['copydesk-server.db', 'copydesk-server.db-wal']),
    );
    await storage.close();
  });
});

describe('passwords on the command line', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await spawnServer(['--demo']);
  });
  afterAll(() => server?.stop());

  it('desk CLI: reads the password from standard input, warns when given as --password', async () => {
    const profile = join(tmp.dir, 'cli-profile');
    const asked = await run(
      'src-main/cli/index.ts',
      ['--profile', profile, 'login', '--server', server.url, '--user', 'chief'],
      'chief\n',
    );
    expect(asked.err).toBe('');
    expect(asked.out).toMatch(/Signed in as chief/);
    expect(asked.code).toBe(0);
    const flagged = await run('src-main/cli/index.ts', [
      '--profile',
      profile,
      'login',
      '--server',
      server.url,
      '--user',
      'chief',
      '--password',
      'chief',
    ]);
    expect(flagged.code).toBe(0);
    expect(flagged.err).toMatch(/WARNING: --password makes the password visible/);
  });

  it('server CLI: user add warns about --password and reads stdin without it', async () => {
    const data = join(tmp.dir, 'cli-server');
    const flagged = await run('src-server/cli.ts', [
      'user',
      'add',
      'anna',
      '--role',
      'editor',
      '--data',
      data,
      '--password',
      'geheim123',
    ]);
    expect(flagged.code).toBe(0);
    expect(flagged.err).toMatch(/WARNING: --password/);
    const piped = await run(
      'src-server/cli.ts',
      ['user', 'set', 'anna', '--data', data, '--new-password'],
      'neuesgeheim9\n',
    );
    expect(piped.code).toBe(0);
    expect(piped.err).not.toMatch(/WARNING: --password/);
    const tooShort = await run(
      'src-server/cli.ts',
      ['user', 'set', 'anna', '--data', data, '--new-password'],
      'kurz\n',
    );
    expect(tooShort.code).toBe(2);
    // The piped password is the one that works now (the CLI above wrote the SQLite database).
    const s = await spawnServer([], data, { sqlite: true });
    try {
      expect((await login(s.url, 'anna', 'neuesgeheim9').catch(() => '')).length).toBeGreaterThan(
        0,
      );
      await expect(login(s.url, 'anna', 'geheim123')).rejects.toThrow(/401/);
    } finally {
      await s.stop();
    }
  });
});

describe('a damaged desk database', () => {
  it('CLI: an unreadable database is kept aside with a message, no stack trace', async () => {
    const profile = join(tmp.dir, 'damaged');
    mkdirSync(profile);
    writeFileSync(join(profile, 'copydesk.db'), 'not a database '.repeat(500));
    const r = await run('src-main/cli/index.ts', ['--profile', profile, 'list']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^copydesk: The local database .* was damaged .*kept it as .*damaged-/m);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(readdirSync(profile).some((n) => /^copydesk\.db\.damaged-/.test(n))).toBe(true);
  });

  it('CLI: a database it must not touch gives one line, exit 1, no stack trace', async () => {
    const profile = join(tmp.dir, 'newer');
    mkdirSync(profile);
    const db = new Database(join(profile, 'copydesk.db'));
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const r = await run('src-main/cli/index.ts', ['--profile', profile, 'list']);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^copydesk: .*newer Copydesk/);
    expect(existsSync(join(profile, 'copydesk.db'))).toBe(true);
  });
});
