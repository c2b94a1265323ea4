/**
 * Live updates, end to end with default client settings (no explicit sync call anywhere): desk A
 * saves an edit, its debounced push commits it on the server, the server pokes desk B over the
 * live socket, and B pulls and applies it. Measured from A's save until B's core reports the
 * article updated with the new headline.
 *
 * `LiveSetup` says where each desk connects: one SQLite instance serves both here; a set-up with
 * two instances on one PostgreSQL passes two URLs (`live.postgres.editAtoB`).
 */
import { join } from 'node:path';
import { createDesktopApi, type CoreEvent, type DesktopApi } from '../src-shared/api';
import { openCore } from '../src-main/core/core';
import type { CoreHandle } from '../src-main/core/types';
import { startTs } from '../tests/support/processes';
import { createTestDatabase, installedPgBin, startPgCluster } from '../tests/support/postgres';
import { summarize } from './stats';

export interface LiveSetup {
  /** The backend desk A uses, and the one desk B uses (the same for a single instance). */
  urlA: string;
  urlB: string;
  close(): Promise<void>;
}

export interface LiveFigures {
  n: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

interface Desk {
  core: CoreHandle;
  api: DesktopApi;
}

/** One SQLite backend process with the demo users. */
export async function sqliteLiveSetup(dataDir: string): Promise<LiveSetup> {
  const server = await startTs(
    'src-server/cli.ts',
    ['--data', dataDir, '--port', '0', '--demo'],
    /listening on (http:\/\/[0-9.:]+)/,
  );
  return { urlA: server.url, urlB: server.url, close: () => server.stop() };
}

/**
 * Two backend processes on one private PostgreSQL cluster (durable: fsync on): desk A on the
 * first instance, desk B on the second, so the poke crosses instances through LISTEN/NOTIFY.
 * Undefined where no PostgreSQL server binaries are installed.
 */
export async function postgresLiveSetup(root: string): Promise<LiveSetup | undefined> {
  const bin = installedPgBin();
  if (!bin) return undefined;
  const cluster = await startPgCluster(bin, { durable: true });
  const servers: Awaited<ReturnType<typeof startTs>>[] = [];
  const close = async () => {
    for (const s of servers) await s.stop();
    cluster.stop();
  };
  try {
    const url = await createTestDatabase(cluster.adminUrl);
    for (const name of ['live-pg-1', 'live-pg-2']) {
      servers.push(
        await startTs(
          'src-server/cli.ts',
          ['--data', join(root, name), '--database', url, '--port', '0', '--demo'],
          /listening on (http:\/\/[0-9.:]+)/,
        ),
      );
    }
  } catch (e) {
    await close();
    throw e;
  }
  return { urlA: servers[0]!.url, urlB: servers[1]!.url, close };
}

async function desk(dir: string, url: string, user: string): Promise<Desk> {
  // host 'browser' with no sync options: the settings a person's desk runs with.
  const core = await openCore({
    profileDir: dir,
    host: 'browser',
    backgroundIntegrityCheck: false,
  });
  const api = createDesktopApi({
    call: (m, i) => core.call(m, i),
    onEvent: (l) => core.onEvent(l),
  });
  await api['sync.login']({ serverUrl: url, username: user, password: user });
  return { core, api };
}

/** Resolves when `d` has the article with this headline (checked on each article event). */
function arrival(d: Desk, id: string, headline: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const check = async () => {
      const a = await d.api['articles.get']({ id }).catch(() => null);
      if (a?.headline === headline) {
        off();
        clearTimeout(timer);
        resolve(performance.now());
      }
    };
    const off = d.core.onEvent((e: CoreEvent) => {
      if ((e.type === 'article.updated' || e.type === 'article.created') && e.id === id)
        void check();
    });
    const timer = setTimeout(() => {
      off();
      reject(new Error(`"${headline}" did not reach desk B within ${timeoutMs} ms`));
    }, timeoutMs);
    void check();
  });
}

export async function liveEditAToB(
  root: string,
  setup: LiveSetup,
  samples: number,
): Promise<LiveFigures> {
  const desks: Desk[] = [];
  try {
    const a = await desk(join(root, 'live-a'), setup.urlA, 'chief');
    desks.push(a);
    const b = await desk(join(root, 'live-b'), setup.urlB, 'chief');
    desks.push(b);
    const art = await a.api['articles.create']({ fields: { headline: 'live 0' } });
    await arrival(b, art.id, 'live 0', 30_000);
    const times: number[] = [];
    for (let i = 1; i <= samples; i++) {
      const headline = `live ${i}`;
      const arrived = arrival(b, art.id, headline, 30_000);
      const t0 = performance.now();
      await a.api['articles.save']({ id: art.id, fields: { headline } });
      times.push((await arrived) - t0);
      await new Promise((r) => setTimeout(r, 150)); // one edit at a time, like a person
    }
    const s = summarize(times);
    return { n: s.n, medianMs: s.median, p95Ms: s.p95, minMs: s.min, maxMs: s.max };
  } finally {
    for (const d of desks) await d.core.close();
  }
}
