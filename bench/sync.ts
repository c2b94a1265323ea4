/**
 * Sync benchmark against the real backend process:
 * - initial sync of 10,000 articles into an empty profile (pull pages applied with rebase);
 * - an incremental sync with nothing to do;
 * - an edit on client A until it is visible on client B, with explicit syncs (median, p95);
 * - the same with default client settings and no sync call at all: the server pokes B over the
 *   live socket (`live.sqlite.editAtoB`, see live.ts).
 * Results: bench/results/sync.json.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { createDesktopApi, type DesktopApi } from '../src-shared/api';
import { openCore } from '../src-main/core/core';
import type { CoreHandle, CoreOptions } from '../src-main/core/types';
import { SyncHttp } from '../src-main/core/sync/http';
import { bodyFromParagraphs } from '../src-shared/richtext/plainText';
import { startTs } from '../tests/support/processes';
import { printTable, summarize, timeAsync, writeResult } from './stats';
import { liveEditAToB, postgresLiveSetup, sqliteLiveSetup, type LiveFigures } from './live';

const ARTICLES = Number(process.env.BENCH_SYNC_ARTICLES ?? 10_000);
const SAMPLES = Number(process.env.BENCH_SYNC_SAMPLES ?? 30);

interface Client {
  core: CoreHandle;
  api: DesktopApi;
}

async function client(dir: string, sync: CoreOptions['sync'] = {}): Promise<Client> {
  const core = await openCore({
    profileDir: dir,
    host: 'cli',
    backgroundIntegrityCheck: false,
    sync,
  });
  return {
    core,
    api: createDesktopApi({ call: (m, i) => core.call(m, i), onEvent: (l) => core.onEvent(l) }),
  };
}

export async function runSyncBench(): Promise<object> {
  const root = mkdtempSync(join(tmpdir(), 'copydesk-bench-sync-'));
  const server = await startTs(
    'src-server/cli.ts',
    // One token drives the whole bench: a cap far above it, so the limiter runs but never refuses.
    ['--data', join(root, 'server'), '--port', '0', '--demo', '--requests-per-minute', '10000000'],
    /listening on (http:\/\/[0-9.:]+)/,
  );
  const clients: Client[] = [];
  try {
    // Seed the server directly with push batches (the largest the protocol allows).
    const login = await new SyncHttp(server.url, null).login('chief', 'chief');
    const http = new SyncHttp(server.url, login.token, { timeoutMs: 120_000 });
    const seedClient = `bench-seed-${Date.now()}`;
    let id = 0;
    const [seedMs] = await timeAsync(async () => {
      while (id < ARTICLES) {
        const batch = [];
        for (let i = 0; i < 1000 && id < ARTICLES; i++, id++) {
          batch.push({
            id: id + 1,
            name: 'article.create' as const,
            args: {
              id: uuidv7(),
              fields: {
                headline: `Artikel ${id}`,
                teaser: 'Vorspann',
                section: 'politik',
                tags: ['Bench'],
              },
              body: bodyFromParagraphs([
                `Absatz eins von Artikel ${id}.`,
                'Absatz zwei mit etwas mehr Text.',
              ]),
            },
          });
        }
        await http.push(seedClient, batch);
      }
    });

    const b = await client(join(root, 'b'));
    clients.push(b);
    await b.api['sync.login']({ serverUrl: server.url, username: 'chief', password: 'chief' });
    const [initialMs, st] = await timeAsync(() => b.api['sync.now']({}));
    const local = await b.api['articles.list']({ limit: 1 });
    if (st.state !== 'idle' || local.total < ARTICLES)
      throw new Error(`initial sync incomplete: ${JSON.stringify(st)}`);

    const empty: number[] = [];
    for (let i = 0; i < SAMPLES; i++) empty.push((await timeAsync(() => b.api['sync.now']({})))[0]);

    const a = await client(join(root, 'a'));
    clients.push(a);
    await a.api['sync.login']({ serverUrl: server.url, username: 'chief', password: 'chief' });
    const art = await a.api['articles.create']({ fields: { headline: 'Bench A→B' } });
    await a.api['sync.now']({});
    await b.api['sync.now']({});
    const explicit: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const headline = `explicit ${i}`;
      await a.api['articles.save']({ id: art.id, fields: { headline } });
      const [ms] = await timeAsync(async () => {
        await a.api['sync.now']({});
        await b.api['sync.now']({});
      });
      if ((await b.api['articles.get']({ id: art.id })).headline !== headline)
        throw new Error('edit did not arrive');
      explicit.push(ms);
    }

    const liveSetup = await sqliteLiveSetup(join(root, 'live-server'));
    let sqliteLive;
    try {
      sqliteLive = await liveEditAToB(join(root, 'live-sqlite'), liveSetup, SAMPLES);
    } finally {
      await liveSetup.close();
    }
    const pgSetup = await postgresLiveSetup(join(root, 'live-pg'));
    let postgresLive: { editAtoB: LiveFigures } | { skipped: string };
    if (pgSetup) {
      try {
        postgresLive = {
          editAtoB: await liveEditAToB(join(root, 'live-postgres'), pgSetup, SAMPLES),
        };
      } finally {
        await pgSetup.close();
      }
    } else {
      postgresLive = { skipped: 'no PostgreSQL 15+ server binaries in /usr/lib/postgresql/*/bin' };
    }
    const live = { sqlite: { editAtoB: sqliteLive }, postgres: postgresLive };

    const result = {
      articles: ARTICLES,
      seedPushMs: Math.round(seedMs),
      initialSyncMs: Math.round(initialMs),
      initialSyncArticlesPerSecond: Math.round((ARTICLES / initialMs) * 1000),
      emptySyncMs: summarize(empty),
      editAToBExplicitSyncMs: summarize(explicit),
      live,
      targets: {
        editAToBExplicitMedianMs: 100,
        liveEditAtoBMedianMs: 300,
        liveEditAtoBP95Ms: 600,
      },
    };
    printTable('sync', [
      { what: `initial sync (${ARTICLES} articles)`, ms: result.initialSyncMs },
      { what: 'empty incremental sync, median', ms: result.emptySyncMs.median },
      { what: 'edit A→B, explicit sync, median', ms: result.editAToBExplicitSyncMs.median },
      { what: 'edit A→B, explicit sync, p95', ms: result.editAToBExplicitSyncMs.p95 },
      { what: 'edit A→B live (SQLite), median', ms: live.sqlite.editAtoB.medianMs },
      { what: 'edit A→B live (SQLite), p95', ms: live.sqlite.editAtoB.p95Ms },
      ...('editAtoB' in postgresLive
        ? [
            {
              what: 'edit A→B live (PostgreSQL, 2 instances), median',
              ms: postgresLive.editAtoB.medianMs,
            },
            {
              what: 'edit A→B live (PostgreSQL, 2 instances), p95',
              ms: postgresLive.editAtoB.p95Ms,
            },
          ]
        : []),
    ]);
    console.log(`written ${writeResult('sync', result)}`);
    return result;
  } finally {
    for (const c of clients) await c.core.close();
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
