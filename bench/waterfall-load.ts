/**
 * The network waterfall of opening the 1,000-paragraph article, ours and bare (a tool beside
 * profile-load.ts and trace-load.ts, no targets): each request (document, scripts, styles, fonts,
 * every `/api/call` with its method) with when it was sent, when its answer started and ended
 * (ms from navigation start, CDP Network events) and its size, then the page's marks.
 * `npx tsx bench/waterfall-load.ts [rounds]` (default 2: the first of each page warms the HTTP
 * cache and is not printed); needs `npx electron-vite build` first. COPYDESK_BASE_RENDERER=dir
 * adds an earlier build, served by its own host. After each waterfall: the main thread's long
 * animation frames (over 50 ms) up to the ready mark, with the scripts that ran in them over 3 ms
 * (the Long Animation Frames API: no tracer's overhead, so the durations are the page's own).
 */
import type { Browser } from 'playwright-core';
import { READY } from './editor';
import { loadAverageLine, openLoadPages } from './load-pages';

interface Row {
  what: string;
  sent: number;
  firstByte?: number;
  done?: number;
  bytes?: number;
}

/** The fields of a PerformanceLongAnimationFrameTiming this tool reads (not in lib.dom yet). */
interface LongFrame {
  startTime: number;
  duration: number;
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: {
    startTime: number;
    duration: number;
    invoker: string;
    invokerType: string;
    sourceURL: string;
  }[];
}

/** Long animation frames before the ready mark, one line each, their scripts indented. */
function longFrameLines(frames: LongFrame[], ready: number): string[] {
  const ms = (n: number) => String(Math.round(n)).padStart(5);
  const lines: string[] = [];
  for (const f of frames.filter((x) => x.startTime < ready)) {
    const styleLayout = f.styleAndLayoutStart
      ? f.startTime + f.duration - f.styleAndLayoutStart
      : 0;
    lines.push(`frame ${ms(f.startTime)} +${ms(f.duration)}   style and layout ${ms(styleLayout)}`);
    for (const sc of f.scripts.filter((x) => x.duration > 3)) {
      const file = sc.sourceURL.split('/').pop() ?? '';
      lines.push(`  script ${ms(sc.startTime)} +${ms(sc.duration)}   ${sc.invokerType} ${file}`);
    }
  }
  return lines;
}

async function waterfall(browser: Browser, url: string): Promise<string[]> {
  const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    const w = window as unknown as { __longFrames: unknown[] };
    w.__longFrames = [];
    new PerformanceObserver((list) => w.__longFrames.push(...list.getEntries())).observe({
      type: 'long-animation-frame',
      buffered: true,
    });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const rows = new Map<string, Row>();
  let t0 = NaN;
  cdp.on('Network.requestWillBeSent', (e) => {
    const u = new URL(e.request.url);
    if (Number.isNaN(t0)) t0 = e.timestamp;
    let what = u.pathname.split('/').pop() || '/';
    if (e.request.postData) {
      try {
        const body = JSON.parse(e.request.postData) as { method?: string };
        if (body.method) what = `${u.pathname} ${body.method}`;
      } catch {
        // not JSON
      }
    }
    rows.set(e.requestId, { what, sent: (e.timestamp - t0) * 1000 });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = rows.get(e.requestId);
    if (r) r.firstByte = (e.timestamp - t0) * 1000;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = rows.get(e.requestId);
    if (r) {
      r.done = (e.timestamp - t0) * 1000;
      r.bytes = e.encodedDataLength;
    }
  });
  await page.goto(url);
  await page.locator(READY).waitFor({ timeout: 60_000 });
  const marks = await page.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .concat(performance.getEntriesByType('navigation'))
      .map((m) => {
        const n = m as PerformanceNavigationTiming;
        return n.domInteractive !== undefined
          ? `domInteractive ${Math.round(n.domInteractive)} | domContentLoaded ${Math.round(n.domContentLoadedEventEnd)}`
          : `${m.name} ${Math.round(m.startTime)}`;
      }),
  );
  const { frames, ready } = await page.evaluate(() => ({
    frames: JSON.parse(
      JSON.stringify((window as unknown as { __longFrames: unknown[] }).__longFrames),
    ) as unknown,
    ready: performance.getEntriesByName('copydesk:editor-ready')[0]?.startTime ?? Infinity,
  }));
  await page.close();
  const f = (n?: number) => (n === undefined ? '   -' : String(Math.round(n)).padStart(5));
  return [
    '  sent  first   done    bytes  request',
    ...[...rows.values()]
      .sort((a, b) => a.sent - b.sent)
      .map(
        (r) =>
          `${f(r.sent)} ${f(r.firstByte)} ${f(r.done)} ${String(r.bytes ?? '-').padStart(8)}  ${r.what}`,
      ),
    `marks: ${marks.join(' | ')}`,
    'long animation frames up to the mark (ms from navigation start):',
    ...longFrameLines(frames as LongFrame[], ready),
  ];
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 2);
  const { browser, pages, close } = await openLoadPages();
  try {
    for (let i = 0; i < rounds; i++) {
      for (const [name, url] of pages) {
        const lines = await waterfall(browser, url);
        if (i === 0) continue;
        console.log(`\n== ${name}, round ${i}`);
        console.log(lines.join('\n'));
      }
    }
    console.log(`\n${loadAverageLine()}`);
  } finally {
    await close();
  }
}

void main();
