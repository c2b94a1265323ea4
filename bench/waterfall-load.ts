/**
 * The network waterfall of opening the 1,000-paragraph article, ours and bare (a tool beside
 * profile-load.ts and trace-load.ts, no targets): each request (document, scripts, styles, fonts,
 * every `/api/call` with its method) with when it was sent, when its answer started and ended
 * (ms from navigation start, CDP Network events) and its size, then the page's marks.
 * `npx tsx bench/waterfall-load.ts [rounds]` (default 2: the first of each page warms the HTTP
 * cache and is not printed); needs `npx electron-vite build` first. COPYDESK_BASE_RENDERER=dir
 * adds an earlier build, served by its own host.
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

async function waterfall(browser: Browser, url: string): Promise<string[]> {
  const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
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
