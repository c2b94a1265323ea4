/**
 * A private PostgreSQL cluster for tests: initdb into a temporary folder (as the `postgres` user
 * when running as root, because initdb refuses root), a free port on 127.0.0.1, the socket in
 * that folder, fsync off for tests. Removed again by stop(). Each test takes a fresh database.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The bin folder of the newest installed PostgreSQL ≥ 15, if any. */
export function installedPgBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  for (const v of readdirSync(root)
    .map(Number)
    .filter((n) => n >= 15)
    .sort((a, b) => b - a)) {
    const bin = join(root, String(v), 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return undefined;
}

/** The PostgreSQL bin folder the test config found (vitest.config.ts sets it). */
export const PG_BIN_ENV = 'COPYDESK_TEST_PG_BIN';

export interface PgCluster {
  /** URL of the maintenance database, for creating test databases. */
  adminUrl: string;
  dir: string;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/**
 * `durable` keeps PostgreSQL's default fsync and synchronous commit (benchmarks, to compare
 * with SQLite's synchronous=FULL); tests run without them, and without autovacuum: every test
 * file gets a database of its own, and the launcher, cycling through them all, used about 5 % of
 * a core for the whole run (ps, during a CI run's end-to-end tests).
 */
export async function startPgCluster(
  bin: string,
  options: { durable?: boolean } = {},
): Promise<PgCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = join(bin, cmd);
    const r = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' })
      : spawnSync(full, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    const opts = [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses='127.0.0.1'",
      '-c max_connections=300',
      ...(options.durable
        ? []
        : [
            '-c fsync=off',
            '-c synchronous_commit=off',
            '-c full_page_writes=off',
            '-c autovacuum=off',
          ]),
    ].join(' ');
    run('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', 'start']);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dir,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

let counter = 0;

/** A new, empty database on the cluster; returns its URL. */
export async function createTestDatabase(adminUrl: string): Promise<string> {
  const name = `t${process.pid}_${Date.now().toString(36)}_${++counter}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return adminUrl.replace(/\/[^/]*$/, `/${name}`);
}
