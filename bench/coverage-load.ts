/**
 * How much of each script opening the 1,000-paragraph article loads has run by the ready mark,
 * ours and bare Lexical (a tool beside waterfall-load.ts, no targets): V8's precise coverage at
 * function granularity, so a function that ran counts whole. `npx tsx bench/coverage-load.ts` (needs `npx electron-vite
 * build` first); the first load warms up and is not printed. Bytes that never ran before the
 * mark are what a lazily loaded chunk could take off the first load.
 */
import { READY } from './editor';
import { loadAverageLine, openLoadPages } from './load-pages';

interface ScriptCoverage {
  url: string;
  functions: { ranges: { startOffset: number; endOffset: number; count: number }[] }[];
}

/** Bytes of the script and bytes inside functions that ran (inner ranges override outer). */
function usedBytes(script: ScriptCoverage): { size: number; used: number } {
  let size = 0;
  for (const f of script.functions) for (const r of f.ranges) size = Math.max(size, r.endOffset);
  const ran = new Uint8Array(size);
  for (const f of script.functions)
    for (const r of f.ranges) ran.fill(r.count > 0 ? 1 : 0, r.startOffset, r.endOffset);
  return { size, used: ran.reduce((n, b) => n + b, 0) };
}

/** One line of the table: bytes, bytes that ran, their share, what. */
function row(size: number, used: number, what: string): string {
  const share = `${Math.round((100 * used) / size)} %`;
  return `${String(size).padStart(10)} ${String(used).padStart(8)} ${share.padStart(6)}  ${what}`;
}

const pages = await openLoadPages({ base: false });
try {
  for (const [name, url] of pages.pages)
    for (let round = 0; round < 2; round++) {
      const page = await pages.browser.newPage({
        locale: 'en-US',
        viewport: { width: 1280, height: 900 },
      });
      // Same origin first, so the navigation stays in the renderer process the profiler watches.
      // (A 404 there is fine: only the origin matters.)
      await page.goto(new URL('/robots.txt', url).href).catch(() => undefined);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.startPreciseCoverage', { callCount: false, detailed: false });
      await page.goto(url);
      await page.locator(READY).waitFor({ timeout: 60_000 });
      const { result } = (await cdp.send('Profiler.takePreciseCoverage')) as {
        result: ScriptCoverage[];
      };
      await page.close();
      if (round === 0) continue;
      let size = 0;
      let used = 0;
      console.log(`== ${name}\n     bytes      ran  share  script`);
      for (const script of result.filter((s) => /\/assets\/|\/index-[\w-]+\.js/.test(s.url))) {
        const c = usedBytes(script);
        size += c.size;
        used += c.used;
        console.log(row(c.size, c.used, script.url.split('/').pop() ?? ''));
      }
      console.log(row(size, used, 'in all'));
    }
  console.log(loadAverageLine());
} finally {
  await pages.close();
}
