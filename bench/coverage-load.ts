/**
 * How much of each script opening the 1,000-paragraph article loads has run by the ready mark,
 * ours and bare Lexical (a tool beside waterfall-load.ts, no targets): V8's precise coverage at
 * function granularity, so a function that ran counts whole. `npx tsx bench/coverage-load.ts` (needs `npx electron-vite
 * build` first); the first load warms up and is not printed. Bytes that never ran before the
 * mark are what a lazily loaded chunk could take off the first load. With a build that has
 * source maps (`COPYDESK_SOURCEMAP=1 npx electron-vite build`) it also lists, for ours, which
 * packages and which of our modules ran how much (COPYDESK_COVERAGE_TOP lines, default 40).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { READY } from './editor';
import { coverageBySource, type SourceShare } from './coverage-sources';
import { loadAverageLine, openLoadPages } from './load-pages';

interface ScriptCoverage {
  url: string;
  functions: { ranges: { startOffset: number; endOffset: number; count: number }[] }[];
}

/** Bytes of the script and bytes inside functions that ran (inner ranges override outer). */
function usedBytes(script: ScriptCoverage): { size: number; used: number; ran: Uint8Array } {
  let size = 0;
  for (const f of script.functions) for (const r of f.ranges) size = Math.max(size, r.endOffset);
  const ran = new Uint8Array(size);
  for (const f of script.functions)
    for (const r of f.ranges) ran.fill(r.count > 0 ? 1 : 0, r.startOffset, r.endOffset);
  return { size, used: ran.reduce((n, b) => n + b, 0), ran };
}

const ASSETS = join(import.meta.dirname, '..', 'out', 'renderer', 'assets');

/** Adds the script's shares per source to `into`, when the build wrote its source map. */
function addSources(url: string, ran: Uint8Array, into: Map<string, SourceShare>): boolean {
  const file = join(ASSETS, url.split('/').pop() ?? '');
  if (!existsSync(`${file}.map`)) return false;
  const shares = coverageBySource(
    readFileSync(file, 'utf8'),
    readFileSync(`${file}.map`, 'utf8'),
    ran,
  );
  for (const [group, s] of shares) {
    const total = into.get(group) ?? { size: 0, used: 0 };
    total.size += s.size;
    total.used += s.used;
    into.set(group, total);
  }
  return true;
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
      const bySource = new Map<string, SourceShare>();
      let mapped = false;
      console.log(`== ${name}\n     bytes      ran  share  script`);
      for (const script of result.filter((s) => /\/assets\/|\/index-[\w-]+\.js/.test(s.url))) {
        const c = usedBytes(script);
        size += c.size;
        used += c.used;
        console.log(row(c.size, c.used, script.url.split('/').pop() ?? ''));
        if (name !== 'bare' && addSources(script.url, c.ran, bySource)) mapped = true;
      }
      console.log(row(size, used, 'in all'));
      if (mapped) {
        const top = Number(process.env.COPYDESK_COVERAGE_TOP ?? 40);
        console.log(
          `-- ${name}: the ${top} sources that ran most\n     bytes      ran  share  source`,
        );
        for (const [group, s] of [...bySource].sort((a, b) => b[1].used - a[1].used).slice(0, top))
          console.log(row(s.size, s.used, group));
      }
    }
  console.log(loadAverageLine());
} finally {
  await pages.close();
}
