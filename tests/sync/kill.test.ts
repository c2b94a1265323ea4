/**
 * (e) A CLI client is SIGKILLed in the middle of a long pull (many pages through a slow proxy).
 * Restarted, it finishes: every page was applied with its cursor or not at all, nothing is
 * duplicated locally or on the server, and its own mutations arrive exactly once.
 */
import { spawn, execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { databasePath } from '../../src-main/core/core';
import { repoRoot } from '../support/processes';
import { tempDir } from '../support/tmp';
import { serverCount } from '../support/serverDb';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy';
import { bodyOf, openClient, signIn, startServer, type Client } from './support/harness';
import { nodeArgsFor } from '../support/test-bin';

const run = promisify(execFile);
const ARTICLES = 300;
const PAGE = 15;

let tmp: ReturnType<typeof tempDir>;
let server: Awaited<ReturnType<typeof startServer>>;
let proxy: FaultProxy;
let seeder: Client;

beforeAll(async () => {
  tmp = tempDir('copydesk-kill-');
  server = await startServer(`${tmp.dir}/server`);
  proxy = await startFaultProxy(server.url, 1);
  seeder = await openClient(tmp.dir, 'seeder');
  await signIn(seeder, server.url, 'chief');
  for (let i = 0; i < ARTICLES; i++) {
    await seeder.api['articles.create']({
      fields: { headline: `Artikel ${i}` },
      body: bodyOf([[`s${i}`, `Text ${i}`]]),
    });
  }
  expect((await seeder.api['sync.now']({})).pending).toBe(0);
});
afterAll(async () => {
  await seeder?.close();
  await proxy?.close();
  await server?.stop();
  tmp?.cleanup();
});

function cli(profile: string, ...args: string[]) {
  return run(
    process.execPath,
    [...nodeArgsFor('src-main/cli/index.ts'), '--profile', profile, ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    },
  );
}

function peek<T>(profile: string, f: (db: Database.Database) => T): T {
  const db = new Database(databasePath(profile), { readonly: true, fileMustExist: true });
  try {
    return f(db);
  } finally {
    db.close();
  }
}

it('(e) SIGKILL during a pull, restart: consistent, nothing duplicated', async () => {
  const profile = join(tmp.dir, 'cli');
  await cli(profile, 'login', '--server', proxy.url, '--user', 'chief', '--password', 'chief');
  // Three local articles written offline: they are pushed first, then the long pull starts.
  const mine: string[] = [];
  for (let i = 0; i < 3; i++) {
    const file = join(tmp.dir, `new${i}.json`);
    writeFileSync(file, JSON.stringify({ headline: `Eigen ${i}` }));
    mine.push((await cli(profile, 'new', '--file', file)).stdout.trim());
  }

  proxy.latencyMs = 150;
  const child = spawn(
    process.execPath,
    [
      ...nodeArgsFor('src-main/cli/index.ts'),
      '--profile',
      profile,
      '--pull-limit',
      String(PAGE),
      'sync',
    ],
    { cwd: repoRoot, stdio: 'ignore' },
  );
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const cursorOf = () =>
    existsSync(databasePath(profile))
      ? peek(profile, (db) =>
          Number(
            (
              db.prepare("SELECT value FROM sync_state WHERE key = 'cursor'").get() as
                { value: string } | undefined
            )?.value ?? 0,
          ),
        )
      : 0;
  const deadline = Date.now() + 60_000;
  while (cursorOf() < PAGE * 4 && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGKILL');
  expect(await exited).toBeNull();

  // After the kill: the applied pages are whole (each base has its visible row), the rest absent.
  const after = peek(profile, (db) => ({
    integrity: (db.pragma('quick_check') as { quick_check: string }[])[0]!.quick_check,
    cursor: Number(
      (db.prepare("SELECT value FROM sync_state WHERE key = 'cursor'").get() as { value: string })
        .value,
    ),
    bases: (
      db.prepare("SELECT COUNT(*) AS n FROM sync_base WHERE entity_type = 'article'").get() as {
        n: number;
      }
    ).n,
    orphans: (
      db
        .prepare(
          'SELECT COUNT(*) AS n FROM sync_base b LEFT JOIN articles a ON a.id = b.entity_id WHERE a.id IS NULL',
        )
        .get() as { n: number }
    ).n,
    articles: (db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n,
    outbox: db.prepare('SELECT state FROM outbox ORDER BY mutation_id').all(),
  }));
  // The three creates were pushed but not yet acknowledged by a pull: they are re-sent, and the
  // server skips them as duplicates.
  expect(after.outbox).toEqual([
    { state: 'inflight' },
    { state: 'inflight' },
    { state: 'inflight' },
  ]);
  expect(after.integrity).toBe('ok');
  expect(after.cursor).toBeGreaterThan(0);
  expect(after.bases).toBeGreaterThan(0);
  expect(after.bases).toBeLessThan(ARTICLES + 3);
  expect(after.orphans).toBe(0);

  // Restart: the sync completes and everything is there exactly once.
  proxy.latencyMs = 0;
  const status = JSON.parse((await cli(profile, '--json', 'sync')).stdout) as {
    state: string;
    pending: number;
  };
  expect(status).toMatchObject({ state: 'idle', pending: 0 });
  const local = peek(profile, (db) => ({
    total: (db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n,
    distinct: (db.prepare('SELECT COUNT(DISTINCT id) AS n FROM articles').get() as { n: number }).n,
    outbox: (db.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n,
  }));
  expect(local).toEqual({ total: ARTICLES + 3, distinct: ARTICLES + 3, outbox: 0 });
  expect(await serverCount(server, 'SELECT COUNT(*) AS n FROM articles')).toBe(ARTICLES + 3);
  for (const id of mine) {
    const creates = await serverCount(
      server,
      "SELECT COUNT(*) AS n FROM changes WHERE entity_id = ? AND changed_fields LIKE '%*%'",
      id,
    );
    expect(creates).toBe(1);
  }
  const shown = JSON.parse((await cli(profile, '--json', 'show', mine[0]!)).stdout) as {
    headline: string;
    conflicts: unknown[];
  };
  expect(shown).toMatchObject({ headline: 'Eigen 0', conflicts: [] });
});
