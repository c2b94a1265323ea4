/**
 * Backend benchmark. Runs the real server as a child process on 127.0.0.1 and
 * measures from this process:
 * - seeding 9,000 articles by push, then a timed push of 1,000 mutations (10,000 articles);
 * - a full initial pull by one new client (all pages);
 * - an empty incremental pull (p50/p95/p99);
 * - 50 concurrent clients running push+pull loops, 20 s a round (p50/p95/p99, errors), while 200 idle
 *   live sockets stay connected (their errors and the pokes they got: `liveSockets`); one loop in
 *   ten writes a change, the others push a no-op (WRITE_EVERY), on both backends alike; the two
 *   kinds are also reported apart (`phases`);
 * - the floor: a bare node:http server in this process answering the same bytes as the empty
 *   pull, measured with the same client, and our ratio to it.
 * The one-off figures on SQLite (one instance) under `sqlite`; the seed and the timed push on
 * PostgreSQL with two instances on one database under `postgres`. Then the 50-client load, in
 * rounds that alternate between the two backends (A B B A, rounds.ts; both stay up throughout;
 * one uncounted warm-up round of 5 s each first),
 * each side's figures pooled over its rounds, and PostgreSQL's p99 relative to SQLite's (target
 * ≤ 1.5×, 0 errors), pooled and round by round. The PostgreSQL cluster is durable (fsync and
 * synchronous_commit on, as a newsroom must run it: an acknowledged push is never lost); timed per
 * phase, a push's time under the feed lock went to round trips, not to COMMIT's flush, which is why
 * the store cuts round trips (docs/architecture.md) rather than durability. Each load phase also
 * reports `cpuMsPerRequest` (server instances, PostgreSQL, the bench's clients; docs/performance-server.md),
 * which stays comparable on a busy machine. Writes bench/results/server.json. Load stays on loopback and is
 * bounded in count and time. COPYDESK_BENCH_SECONDS sets a round's length (default 20 s),
 * COPYDESK_BENCH_ROUNDS the rounds per backend (default 2);
 * COPYDESK_BENCH_DATABASE=sqlite|postgres runs one side alone (into server-<database>.json);
 * COPYDESK_BENCH_SERVER_NODE_ARGS passes Node flags to the server (e.g. --cpu-prof).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SCHEMA_VERSION } from '../src-shared/protocol';
import { createTestDatabase, installedPgBin, startPgCluster } from '../tests/support/postgres';
import { bodyFromParagraphs } from '../src-shared/richtext/plainText';
import { holdIdleSockets, type IdleSocketsReport } from './live-sockets';
import { cpuMeter, withChildren } from './cpu-time';
import { benchRounds, pooled, roundOrder, weightedMean, type RoundSamples } from './rounds';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ARTICLES = 10_000;
const TIMED_PUSH = 1_000;
const CLIENTS = 50;
const IDLE_LIVE_SOCKETS = 200;
/**
 * Every WRITE_EVERY-th loop of a load client writes a change to its own article (adds the tag
 * `live`, and the next time removes it: a feed row, a NOTIFY on PostgreSQL, pokes to the live
 * sockets); every other loop pushes a tag the article already has, a no-op (no change row; the
 * client row still records the mutation). A fixed share, so both backends serve the same mix of
 * requests whatever their throughput; the two kinds are also reported apart under `phases`.
 */
const WRITE_EVERY = 10;
/** The uncounted load round per backend before the measured ones (see runRounds). */
const WARM_UP_SECONDS = 5;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}
function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const r = (n: number) => Math.round(n * 1000) / 1000;
  return {
    n: s.length,
    p50Ms: r(percentile(s, 50)),
    p95Ms: r(percentile(s, 95)),
    p99Ms: r(percentile(s, 99)),
    maxMs: r(s[s.length - 1] ?? NaN),
  };
}

async function startBackend(dataDir: string, extraArgs: string[] = []) {
  const child = spawn(
    process.execPath,
    [
      // e.g. COPYDESK_BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it
      ...(process.env.COPYDESK_BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean),
      '--import',
      'tsx',
      'src-server/cli.ts',
      '--data',
      dataDir,
      '--port',
      '0',
      '--demo',
      // 50 clients share one token: a cap far above the load, so the limiter runs but never refuses.
      '--requests-per-minute',
      '10000000',
      ...extraArgs,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const url = await new Promise<string>((res, rej) => {
    // Generous: on a loaded machine compiling and migrating can take a minute.
    const timer = setTimeout(() => rej(new Error(`server did not start: ${err}`)), 120_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(m[1] as string);
      }
    });
    child.on('exit', (code) => rej(new Error(`server exited ${code}: ${err}`)));
  });
  return {
    url,
    pid: child.pid as number,
    stop: () =>
      new Promise<void>((res) => {
        child.on('exit', () => res());
        child.kill('SIGTERM');
      }),
  };
}

async function json(
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; body: unknown; bytes: number }> {
  const r = await fetch(url, init);
  const text = await r.text();
  return { status: r.status, body: JSON.parse(text) as unknown, bytes: Buffer.byteLength(text) };
}

const SAMPLE = [
  'Stadt Münster und Landschaftsverband Westfalen-Lippe (LWL) beschließen Kooperation bei IT. Eine Absichtserklärung zur Vertiefung ihrer Zusammenarbeit im Bereich der IT haben die Stadt Münster und der Landschaftsverband Westfalen-Lippe (LWL) unterzeichnet.',
  '„Durch diesen Schritt wollen wir die Stärken der IT-Dienstleister miteinander verbinden.“ „Die Informationstechnologie des öffentlichen Bereichs steht vor großen Veränderungen“, erklärte Wolfgang Heuer.',
];

async function loginChief(url: string): Promise<string> {
  const login = await json(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'chief', password: 'chief' }),
  });
  return (login.body as { token: string }).token;
}

function pusher(url: string, token: string) {
  return (clientId: string, mutations: unknown[]) =>
    json(`${url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ protocolVersion: 1, clientId, mutations }),
    });
}

const create = (id: number, i: number) => ({
  id,
  name: 'article.create',
  args: {
    id: randomUUID(),
    fields: {
      kicker: 'Münster:',
      headline: `Meldung ${i}`,
      teaser: SAMPLE[0],
      section: 'politik',
      tags: ['Politik'],
    },
    body: bodyFromParagraphs(SAMPLE),
  },
});

/** Seeds 9,000 articles, then times a push of 1,000 more; returns the feed position after. */
async function seed(url: string, token: string) {
  const push = pusher(url, token);
  const seeder = randomUUID();
  let next = 1;
  const seedStart = performance.now();
  while (next <= ARTICLES - TIMED_PUSH) {
    const batch = Array.from({ length: 500 }, (_, k) => create(next + k, next + k));
    const r = await push(seeder, batch);
    if (r.status !== 200) throw new Error(`seed push ${r.status} ${JSON.stringify(r.body)}`);
    next += batch.length;
  }
  const seedMs = performance.now() - seedStart;
  const timed = Array.from({ length: TIMED_PUSH }, (_, k) => create(next + k, next + k));
  const pushStart = performance.now();
  const pushed = await push(seeder, timed);
  const push1000Ms = performance.now() - pushStart;
  if (pushed.status !== 200) throw new Error(`timed push ${pushed.status}`);
  // One create is one change row: the feed stands at ARTICLES.
  return { seedMs, push1000Ms, cursor: ARTICLES };
}

/**
 * 50 concurrent clients, spread over the given instances: each pushes one mutation and pulls,
 * in a loop, for `seconds`.
 */
/** The idle live sockets' figures with the verdict: all connected, all open at the end, no error. */
function liveSocketsResult<
  T extends Pick<IdleSocketsReport, 'ready' | 'openAtEnd' | 'errors' | 'closedEarly'>,
>(r: T): T & { meetsTarget: boolean } {
  return {
    ...r,
    meetsTarget:
      r.ready === IDLE_LIVE_SOCKETS &&
      r.openAtEnd === IDLE_LIVE_SOCKETS &&
      r.errors === 0 &&
      r.closedEarly === 0,
  };
}

/**
 * CPU milliseconds per request of the load phase: the server instances, PostgreSQL (postmaster
 * and backends) and the bench's own clients, each on its own.
 */
function loadCpuMeter(serverPids: number[], postmasterPid?: number) {
  const servers = cpuMeter(() => serverPids);
  const database =
    postmasterPid === undefined ? undefined : cpuMeter(() => withChildren(postmasterPid));
  const client = process.cpuUsage();
  return {
    stop(requests: number) {
      const per = (ms: number) => Math.round((ms / Math.max(1, requests)) * 1000) / 1000;
      const c = process.cpuUsage(client);
      return {
        servers: per(servers.stop()),
        ...(database ? { postgres: per(database.stop()) } : {}),
        benchClients: per((c.user + c.system) / 1000),
      };
    },
  };
}

async function concurrentLoad(urls: string[], token: string, seconds: number, cursor: number) {
  const auth = { authorization: `Bearer ${token}` };
  const pullUrl = (url: string, cursor: number, limit: number, clientId: string) =>
    `${url}/api/v1/sync/pull?protocolVersion=1&schemaVersion=${SCHEMA_VERSION}&clientId=${clientId}&cursor=${cursor}&limit=${limit}`;
  const clients = await Promise.all(
    Array.from({ length: CLIENTS }, async (_, i) => {
      const url = urls[i % urls.length] as string;
      const push = pusher(url, token);
      const clientId = randomUUID();
      const articleId = randomUUID();
      const r = await push(clientId, [
        {
          id: 1,
          name: 'article.create',
          args: {
            id: articleId,
            fields: { headline: 'Last', tags: ['base'] },
            body: bodyFromParagraphs(['x']),
          },
        },
      ]);
      if (r.status !== 200) throw new Error('client setup failed');
      return { url, push, clientId, articleId, next: 2, cursor, loop: 0, tagged: false };
    }),
  );
  const latencies: number[] = [];
  const pushLatencies: number[] = [];
  const pullLatencies: number[] = [];
  // Loops whose push wrote a change, and loops whose push was a no-op (WRITE_EVERY).
  const writingLatencies: number[] = [];
  const noopLatencies: number[] = [];
  let errors = 0;
  let loops = 0;
  const start = performance.now();
  const until = start + seconds * 1000;
  await Promise.all(
    clients.map(async (c) => {
      while (performance.now() < until) {
        try {
          const writes = c.loop++ % WRITE_EVERY === 0;
          const mutation = !writes
            ? { name: 'article.addTag', args: { id: c.articleId, tag: 'base' } }
            : {
                name: c.tagged ? 'article.removeTag' : 'article.addTag',
                args: { id: c.articleId, tag: 'live' },
              };
          let t = performance.now();
          const p = await c.push(c.clientId, [{ id: c.next, ...mutation }]);
          if (writes && p.status === 200) c.tagged = !c.tagged;
          let dt = performance.now() - t;
          const pushMs = dt;
          latencies.push(dt);
          pushLatencies.push(dt);
          if (p.status !== 200) errors++;
          else c.next++;
          t = performance.now();
          const q = await json(pullUrl(c.url, c.cursor, 500, c.clientId), { headers: auth });
          dt = performance.now() - t;
          latencies.push(dt);
          pullLatencies.push(dt);
          if (q.status !== 200) errors++;
          else c.cursor = (q.body as { cursor: number }).cursor;
          loops++;
          (writes ? writingLatencies : noopLatencies).push(pushMs, dt);
        } catch {
          errors++;
        }
      }
    }),
  );
  return {
    loops,
    errors,
    samples: {
      all: latencies,
      push: pushLatencies,
      pull: pullLatencies,
      writing: writingLatencies,
      noop: noopLatencies,
    } satisfies RoundSamples,
    // Where the feed stands for the next round's clients (in the no-op phase every client is there).
    endCursor: Math.max(...clients.map((c) => c.cursor)),
  };
}

type Round = Awaited<ReturnType<typeof concurrentLoad>> & {
  cpu: ReturnType<ReturnType<typeof loadCpuMeter>['stop']>;
};

/** One backend's load figures, pooled over its rounds, with each round's own beside them. */
function loadReport(rounds: Round[], instances: number, seconds: number) {
  const samples = pooled(rounds.map((r) => r.samples));
  const requests = samples.all.length;
  const cpuKeys = ['servers', 'postgres', 'benchClients'] as const;
  const cpuMsPerRequest: Partial<Record<(typeof cpuKeys)[number], number>> = {};
  for (const key of cpuKeys) {
    const items = rounds.flatMap((r) => {
      const value = r.cpu[key];
      return value === undefined ? [] : [{ value, weight: r.samples.all.length }];
    });
    if (items.length > 0) cpuMsPerRequest[key] = Math.round(weightedMean(items) * 1000) / 1000;
  }
  return {
    clients: CLIENTS,
    instances,
    seconds,
    rounds: rounds.length,
    warmUpSeconds: WARM_UP_SECONDS,
    loops: rounds.reduce((n, r) => n + r.loops, 0),
    requests,
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    all: stats(samples.all),
    push: stats(samples.push),
    pull: stats(samples.pull),
    // Push and pull of the loops whose push wrote a change, and of those whose push was a no-op
    // (one in WRITE_EVERY loops writes, on both backends).
    phases: {
      writing: stats(samples.writing),
      noop: stats(samples.noop),
    },
    cpuMsPerRequest,
    perRound: rounds.map((r) => ({
      requests: r.samples.all.length,
      errors: r.errors,
      p99Ms: stats(r.samples.all).p99Ms,
      cpuMsPerRequest: r.cpu,
    })),
  };
}

/**
 * A backend ready for load rounds: seeded, its one-off figures taken, its idle live sockets held
 * from the first round to the last.
 */
interface Side {
  name: 'sqlite' | 'postgres';
  urls: string[];
  token: string;
  /** The feed position the next round's clients start from. */
  cursor: number;
  /** CPU meter of its processes (servers, and PostgreSQL's postmaster with its backends). */
  meter(): ReturnType<typeof loadCpuMeter>;
  /** Figures measured once, before the rounds. */
  oneOff: Record<string, unknown>;
  holdSockets(): Promise<() => IdleSocketsReport>;
  stop(): Promise<void>;
}

/** SQLite, one instance: seeded, with the pull figures measured once. */
async function prepareSqlite(): Promise<Side> {
  const dataDir = mkdtempSync(join(tmpdir(), 'copydesk-bench-'));
  const server = await startBackend(dataDir);
  const stop = async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const token = await loginChief(server.url);
    const auth = { authorization: `Bearer ${token}` };
    const { seedMs, push1000Ms } = await seed(server.url, token);

    // Full initial pull by a new client.
    const reader = randomUUID();
    const pullUrl = (cursor: number, limit = 1000, clientId = reader) =>
      `${server.url}/api/v1/sync/pull?protocolVersion=1&schemaVersion=${SCHEMA_VERSION}&clientId=${clientId}&cursor=${cursor}&limit=${limit}`;
    let cursor = 0;
    let pages = 0;
    let bytes = 0;
    let changes = 0;
    const fullStart = performance.now();
    for (;;) {
      const r = await json(pullUrl(cursor), { headers: auth });
      const b = r.body as { cursor: number; hasMore: boolean; changes: unknown[] };
      pages++;
      bytes += r.bytes;
      changes += b.changes.length;
      cursor = b.cursor;
      if (!b.hasMore) break;
    }
    const fullPullMs = performance.now() - fullStart;

    // Empty incremental pull, and the same bytes from a bare node:http server.
    const emptySamples: number[] = [];
    let emptyBody = '';
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      const r = await fetch(pullUrl(cursor), { headers: auth });
      emptyBody = await r.text();
      if (i >= 20) emptySamples.push(performance.now() - t);
    }
    const floor = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(emptyBody);
    });
    await new Promise<void>((r) => floor.listen(0, '127.0.0.1', () => r()));
    const floorAddress = floor.address();
    const floorUrl = `http://127.0.0.1:${typeof floorAddress === 'object' && floorAddress ? floorAddress.port : 0}/`;
    const floorSamples: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      const r = await fetch(floorUrl, { headers: auth });
      await r.text();
      if (i >= 20) floorSamples.push(performance.now() - t);
    }
    await new Promise<void>((r) => floor.close(() => r()));
    const empty = stats(emptySamples);
    const bare = stats(floorSamples);

    return {
      name: 'sqlite',
      urls: [server.url],
      token,
      cursor,
      meter: () => loadCpuMeter([server.pid]),
      oneOff: {
        instances: 1,
        articles: ARTICLES,
        seed: { articles: ARTICLES - TIMED_PUSH, ms: Math.round(seedMs) },
        push1000: {
          mutations: TIMED_PUSH,
          ms: Math.round(push1000Ms),
          perMutationMs: Math.round((push1000Ms / TIMED_PUSH) * 1000) / 1000,
        },
        fullInitialPull: { ms: Math.round(fullPullMs), pages, changes, bytes, pageLimit: 1000 },
        emptyPull: {
          ...empty,
          bytes: Buffer.byteLength(emptyBody),
          targetP50Ms: 10,
          meetsTarget: empty.p50Ms <= 10,
        },
        bareHttpFloor: { ...bare, bytes: Buffer.byteLength(emptyBody) },
        ratioEmptyPullToFloorP50: Math.round((empty.p50Ms / bare.p50Ms) * 100) / 100,
      },
      holdSockets: async () => {
        const idle = await holdIdleSockets(server.url, token, IDLE_LIVE_SOCKETS);
        return () => idle.finish();
      },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * PostgreSQL with two instances on one database (a private, durable cluster: fsync and
 * synchronous commit on, like SQLite's synchronous=FULL), seeded; the load's clients alternate
 * between the instances.
 */
async function preparePostgres(): Promise<Side | { skipped: string }> {
  const bin = installedPgBin();
  if (!bin) return { skipped: 'no PostgreSQL 15+ server binaries in /usr/lib/postgresql/*/bin' };
  const cluster = await startPgCluster(bin, { durable: true });
  const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'copydesk-bench-pg-')));
  const servers: Awaited<ReturnType<typeof startBackend>>[] = [];
  const stop = async () => {
    for (const s of servers) await s.stop();
    cluster.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const url = await createTestDatabase(cluster.adminUrl);
    const blobs = join(dirs[0] as string, 'blobs');
    for (const dir of dirs) {
      servers.push(await startBackend(dir, ['--database', url, '--blobs', blobs]));
    }
    const urls = servers.map((s) => s.url);
    const token = await loginChief(urls[0] as string);
    const seeded = await seed(urls[0] as string, token);
    // What the seed leaves PostgreSQL to do in the background (autovacuum of 10,000 new rows, a
    // checkpoint) is done now, so that it does not land in a measured round of either side.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query('VACUUM ANALYZE');
      await admin.query('CHECKPOINT');
    } finally {
      await admin.end();
    }
    const postmaster = Number(
      readFileSync(join(cluster.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    return {
      name: 'postgres',
      urls,
      token,
      cursor: seeded.cursor,
      meter: () =>
        loadCpuMeter(
          servers.map((s) => s.pid),
          postmaster,
        ),
      oneOff: {
        instances: servers.length,
        articles: ARTICLES,
        seed: { articles: ARTICLES - TIMED_PUSH, ms: Math.round(seeded.seedMs) },
        push1000: {
          mutations: TIMED_PUSH,
          ms: Math.round(seeded.push1000Ms),
          perMutationMs: Math.round((seeded.push1000Ms / TIMED_PUSH) * 1000) / 1000,
        },
      },
      // Half of the idle live sockets on each instance.
      holdSockets: async () => {
        const idle = await Promise.all(
          urls.map((u) => holdIdleSockets(u, token, IDLE_LIVE_SOCKETS / urls.length)),
        );
        return () => {
          const reports = idle.map((i) => i.finish());
          const sum = (key: keyof IdleSocketsReport) => reports.reduce((n, x) => n + x[key], 0);
          return {
            sockets: sum('sockets'),
            ready: sum('ready'),
            errors: sum('errors'),
            closedEarly: sum('closedEarly'),
            openAtEnd: sum('openAtEnd'),
            pokes: sum('pokes'),
          };
        };
      },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * The load rounds (A B B A …, see rounds.ts) after an uncounted warm-up round per side, with every
 * side's idle live sockets held from the first round to the last; each side's figures pooled over
 * its rounds.
 */
async function runRounds(sides: Side[], seconds: number, rounds: number) {
  const finishSockets = await Promise.all(sides.map((s) => s.holdSockets()));
  // A warm-up round per side, not counted: the first round after the seed ran slower than the
  // next on both sides in every run (the servers' and the clients' code not optimised yet for
  // this load, PostgreSQL's autovacuum after the seed).
  for (const side of sides) {
    side.cursor = (
      await concurrentLoad(side.urls, side.token, WARM_UP_SECONDS, side.cursor)
    ).endCursor;
  }
  const done = new Map<Side, Round[]>(sides.map((s) => [s, []]));
  for (const side of roundOrder(sides, rounds)) {
    const meter = side.meter();
    const load = await concurrentLoad(side.urls, side.token, seconds, side.cursor);
    done.get(side)?.push({ ...load, cpu: meter.stop(load.samples.all.length) });
    side.cursor = load.endCursor;
  }
  const sockets = finishSockets.map((finish) => finish());
  return sides.map((side, i) => ({
    side,
    load: loadReport(done.get(side) ?? [], side.urls.length, seconds),
    liveSockets: liveSocketsResult(sockets[i] as IdleSocketsReport),
  }));
}

/** Which databases to run (COPYDESK_BENCH_DATABASE=sqlite|postgres; both when unset). */
export function benchDatabases(value: string | undefined): { sqlite: boolean; postgres: boolean } {
  if (value === undefined || value === '' || value === 'both')
    return { sqlite: true, postgres: true };
  if (value === 'sqlite') return { sqlite: true, postgres: false };
  if (value === 'postgres') return { sqlite: false, postgres: true };
  throw new Error(`COPYDESK_BENCH_DATABASE must be sqlite, postgres or both, not "${value}"`);
}

/** Seconds of the concurrent phase (COPYDESK_BENCH_SECONDS, default 20). */
export function benchSeconds(value: string | undefined): number {
  if (value === undefined || value === '') return 20;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 600)
    throw new Error(
      `COPYDESK_BENCH_SECONDS must be a number of seconds from 1 to 600, not "${value}"`,
    );
  return n;
}

export async function runServerBench(): Promise<object> {
  const seconds = benchSeconds(process.env.COPYDESK_BENCH_SECONDS);
  const rounds = benchRounds(process.env.COPYDESK_BENCH_ROUNDS);
  const run = benchDatabases(process.env.COPYDESK_BENCH_DATABASE);
  const skipped = { skipped: 'not run (COPYDESK_BENCH_DATABASE)' } as const;
  const sides: Side[] = [];
  let sqlite: object = skipped;
  let postgres: object = skipped;
  try {
    if (run.sqlite) sides.push(await prepareSqlite());
    if (run.postgres) {
      const pg = await preparePostgres();
      if ('skipped' in pg) postgres = pg;
      else sides.push(pg);
    }
    const results = await runRounds(sides, seconds, rounds);
    const of = (name: Side['name']) => results.find((r) => r.side.name === name);
    const sq = of('sqlite');
    const pg = of('postgres');
    if (sq) {
      sqlite = {
        ...sq.side.oneOff,
        concurrent: {
          ...sq.load,
          targetP99Ms: 100,
          meetsTarget: sq.load.all.p99Ms <= 100 && sq.load.errors === 0,
        },
        liveSockets: sq.liveSockets,
      };
    }
    if (pg) {
      const ratio = sq
        ? Math.round((pg.load.all.p99Ms / sq.load.all.p99Ms) * 100) / 100
        : undefined;
      postgres = {
        ...pg.side.oneOff,
        concurrent: pg.load,
        liveSockets: pg.liveSockets,
        ...(sq && ratio !== undefined
          ? {
              p99RatioToSqlite: ratio,
              // Round by round (each PostgreSQL round against the SQLite round next to it).
              p99RatioPerRound: pg.load.perRound.map(
                (r, i) => Math.round((r.p99Ms / (sq.load.perRound[i]?.p99Ms ?? NaN)) * 100) / 100,
              ),
              targetP99Ratio: 1.5,
              meetsTarget: ratio <= 1.5 && pg.load.errors === 0,
            }
          : {}),
      };
    }
  } finally {
    for (const side of sides) await side.stop();
  }
  const result = {
    when: new Date().toISOString(),
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    sqlite,
    postgres,
  };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  // One database alone goes to a file of its own: server.json always holds both from one run.
  const file =
    run.sqlite && run.postgres
      ? 'server.json'
      : `server-${run.sqlite ? 'sqlite' : 'postgres'}.json`;
  writeFileSync(join(ROOT, 'bench', 'results', file), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runServerBench().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
