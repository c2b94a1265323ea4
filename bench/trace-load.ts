/**
 * Main-thread time of opening the 1,000-paragraph article, ours and bare, by trace event
 * (style, layout, script compile, parse…): a tool beside profile-load.ts, no targets.
 * `npx tsx bench/trace-load.ts [rounds]`; needs `npx electron-vite build` first. TRACE_LIST=1
 * lists our long events, before and after the ready mark. (An injected style sheet cannot A/B a
 * CSS change: the app's CSP blocks it.) COPYDESK_BASE_RENDERER=dir (a copy of an earlier
 * `out/renderer`) adds that build, served by its own host, as a third column: an A/B of two builds.
 */
import { loadavg } from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '../tests/support/browser';
import { startBrowserMode } from '../tests/support/processes';
import { tempDir } from '../tests/support/tmp';
import { buildBarePage, call, makeDoc, serveBare } from './editor';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

const NAMES = [
  'ParseHTML',
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.produceModuleCache',
  'CompileCode',
  'FunctionCall',
  'RunMicrotasks',
  'TimerFire',
  'EventDispatch',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'ParseAuthorStyleSheet',
  'MajorGC',
  'MinorGC',
  'V8.GC_SCAVENGER',
  'BlinkGC.AtomicPhase',
  'ResourceReceivedData',
  'ResourceFinish',
  'HitTest',
  'FireAnimationFrame',
  'CommitLoad',
];

async function traced(browser: Browser, url: string): Promise<Record<string, number>> {
  const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8',
      'v8.execute',
      'blink.user_timing',
      'loading',
      '__metadata',
    ],
  });
  await page.goto(url);
  await page.locator('[data-ready="true"]').waitFor({ timeout: 60_000 });
  const events = (
    JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }
  ).traceEvents;
  await page.close();
  const main = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const ready = events.find((e) => e.name === 'copydesk:editor-ready');
  const nav = events.find((e) => e.name === 'navigationStart' && main.has(`${e.pid}:${e.tid}`));
  const readyTs = ready?.ts ?? Infinity;
  const out: Record<string, number> = {};
  // Busy main-thread time: union of top-level RunTask slices before ready.
  let busy = 0;
  for (const e of events) {
    if (!main.has(`${e.pid}:${e.tid}`) || e.ph !== 'X' || e.ts > readyTs) continue;
    if (nav && e.ts < nav.ts) continue;
    if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')
      busy += (e.tdur ?? e.dur ?? 0) / 1000;
    if (NAMES.includes(e.name)) out[e.name] = (out[e.name] ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000;
  }
  out['(busy, RunTask)'] = busy;
  if (process.env.TRACE_LIST && url.includes('#article')) {
    for (const e of events) {
      if (!main.has(`${e.pid}:${e.tid}`) || e.ph !== 'X' || e.ts > readyTs + 3e6) continue;
      if (nav && e.ts < nav.ts) continue;
      if (
        !['Layout', 'Paint', 'UpdateLayoutTree', 'FunctionCall', 'v8.evaluateModule'].includes(
          e.name,
        ) ||
        (e.dur ?? 0) < 8000 ||
        e.name === 'RunTask' ||
        e.name.startsWith('ThreadController')
      )
        continue;
      const a = e.args as Record<string, unknown> | undefined;
      const d = JSON.stringify(a?.data ?? a?.beginData ?? '').slice(0, 160);
      console.log(
        `${e.ts > readyTs ? 'after mark' : 'before    '} ${((e.ts - (nav?.ts ?? 0)) / 1000).toFixed(0).padStart(6)} ${((e.dur ?? 0) / 1000).toFixed(1).padStart(7)} ${e.name} ${d}`,
      );
    }
  }
  out['(nav→ready)'] = nav && ready ? (ready.ts - nav.ts) / 1000 : NaN;
  return out;
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 2);
  const doc = makeDoc('large', 1000);
  const bareDir = tempDir('copydesk-trace-bare-');
  const profileDir = tempDir('copydesk-trace-load-');
  await buildBarePage(bareDir.dir);
  const bare = await serveBare(bareDir.dir, [doc]);
  const host = await startBrowserMode(profileDir.dir);
  const baseRenderer = process.env.COPYDESK_BASE_RENDERER;
  const baseProfileDir = baseRenderer ? tempDir('copydesk-trace-base-') : null;
  const baseHost = baseProfileDir
    ? await startBrowserMode(baseProfileDir.dir, 0, { args: ['--renderer', baseRenderer!] })
    : null;
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const article = (await call(host, 'articles.create', {
      fields: { headline: 'Trace load' },
      body: doc.body,
    })) as { id: string };
    const urls: Record<string, string> = {
      ours: `${host.url}#article=${article.id}`,
      bare: `${bare.origin}/?name=large`,
    };
    if (baseHost) {
      const baseArticle = (await call(baseHost, 'articles.create', {
        fields: { headline: 'Trace load' },
        body: doc.body,
      })) as { id: string };
      urls.base = `${baseHost.url}#article=${baseArticle.id}`;
    }
    const columns = Object.keys(urls);
    const sums: Record<string, Record<string, number[]>> = Object.fromEntries(
      columns.map((c) => [c, {}]),
    );
    for (let i = 0; i <= rounds; i++) {
      for (const which of columns) {
        const r = await traced(browser, urls[which]!);
        if (i === 0) continue;
        for (const [k, v] of Object.entries(r)) (sums[which]![k] ??= []).push(v);
      }
    }
    const med = (xs: number[] = []) => {
      const s = [...xs].sort((a, b) => a - b);
      return s.length ? s[Math.floor(s.length / 2)]! : 0;
    };
    const keys = new Set(columns.flatMap((c) => Object.keys(sums[c]!)));
    console.log('event'.padEnd(28), ...columns.map((c) => c.padStart(8)));
    for (const k of keys) {
      console.log(k.padEnd(28), ...columns.map((c) => med(sums[c]![k]).toFixed(1).padStart(8)));
    }
    console.log(
      'load average',
      loadavg()
        .map((x) => x.toFixed(1))
        .join(' '),
    );
  } finally {
    await browser.close().catch(() => undefined);
    await host.kill().catch(() => undefined);
    await baseHost?.kill().catch(() => undefined);
    baseProfileDir?.cleanup();
    bare.server.close();
    bareDir.cleanup();
    profileDir.cleanup();
  }
}

void main();
