/**
 * Where opening the 1,000-paragraph article spends its main-thread time, by source: the CPU
 * profile of each load from its first script to the ready mark, its self time summed per npm package and per module
 * of ours through the source maps, ours beside bare Lexical (a tool, no targets). Loads alternate
 * ours and bare; the table shows medians over the measured loads (the first of each warms up).
 *
 *   COPYDESK_SOURCEMAP=1 npx electron-vite build
 *   COPYDESK_SOURCEMAP=1 npx tsx bench/profile-sources-load.ts [loads, default 5]
 *
 * COPYDESK_BASE_RENDERER=dir (a copy of an earlier out/renderer, built with maps) adds that
 * build as a third column, served by its own host: an A/B of two builds in one process.
 */
import { READY } from './editor';
import type { Profile } from './cpu-profile';
import { loadAverageLine, openLoadPages } from './load-pages';
import { mapsIn, selfBySource } from './profile-sources';
import { summarize } from './stats';

const MARK = 'copydesk:editor-ready';
const loads = Number(process.argv[2] ?? 5);
const top = Number(process.env.COPYDESK_PROFILE_TOP ?? 45);
const pages = await openLoadPages();
try {
  const maps = new Map([...pages.assets].map(([name, dir]) => [name, mapsIn(dir)]));
  const runs = new Map<string, Map<string, number>[]>(pages.pages.map(([name]) => [name, []]));
  const idle = new Map<string, number[]>(pages.pages.map(([name]) => [name, []]));
  const span = new Map<string, number[]>(pages.pages.map(([name]) => [name, []]));
  for (let round = 0; round <= loads; round++)
    for (const [name, url] of pages.pages) {
      const page = await pages.browser.newPage({
        locale: 'en-US',
        viewport: { width: 1280, height: 900 },
      });
      // The profile runs from the page's first script to the mark, exactly: console.profile()
      // in an init script, console.profileEnd() inside performance.mark of the ready mark.
      await page.addInitScript((mark) => {
        if (location.pathname === '/robots.txt') return;
        console.profile('load');
        const markFn = performance.mark.bind(performance);
        performance.mark = (name: string, options?: PerformanceMarkOptions) => {
          const entry = markFn(name, options);
          if (name === mark) console.profileEnd('load');
          return entry;
        };
      }, MARK);
      // Same origin first, so the navigation stays in the renderer process the profiler watches.
      await page.goto(new URL('/robots.txt', url).href).catch(() => undefined);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      const finished = new Promise<Profile>((resolve) =>
        cdp.on('Profiler.consoleProfileFinished', (e) => resolve(e.profile as Profile)),
      );
      await page.goto(url);
      await page.locator(READY).waitFor({ timeout: 60_000 });
      const profile = await finished;
      await page.close();
      if (round === 0) continue;
      const self = selfBySource(profile, maps.get(name) ?? (() => null));
      // Idle is where the main thread waited (for scripts, the answer, other threads): kept
      // apart from the busy sum, with the profile's whole span beside it.
      idle.get(name)?.push(self.get('(idle)') ?? 0);
      span.get(name)?.push((profile.endTime - profile.startTime) / 1000);
      self.delete('(idle)');
      self.delete('(root)');
      runs.get(name)?.push(self);
    }

  const names = pages.pages.map(([name]) => name);
  const median = (name: string, group: string) =>
    summarize((runs.get(name) ?? []).map((r) => r.get(group) ?? 0)).median;
  const groups = new Set(names.flatMap((n) => (runs.get(n) ?? []).flatMap((r) => [...r.keys()])));
  const rows = [...groups]
    .map((g) => ({ g, ms: names.map((n) => median(n, g)) }))
    .sort((a, b) => Math.max(...b.ms) - Math.max(...a.ms));
  const fmt = (ms: number) => ms.toFixed(1).padStart(8);
  console.log(`self ms, median of ${loads} loads (profiles up to the ready mark)`);
  console.log(`${names.map((n) => n.padStart(8)).join('')}  source`);
  const totals = names.map(
    (n) =>
      summarize((runs.get(n) ?? []).map((r) => [...r.values()].reduce((a, b) => a + b, 0))).median,
  );
  const medianOf = (m: Map<string, number[]>) => names.map((n) => summarize(m.get(n) ?? []).median);
  console.log(`${medianOf(span).map(fmt).join('')}  profile span (first script to the mark)`);
  console.log(`${medianOf(idle).map(fmt).join('')}  idle (waiting)`);
  console.log(`${totals.map(fmt).join('')}  busy in all (median of the loads' sums)`);
  for (const { g, ms } of rows.slice(0, top)) console.log(`${ms.map(fmt).join('')}  ${g}`);
  console.log(loadAverageLine());
} finally {
  await pages.close();
}
