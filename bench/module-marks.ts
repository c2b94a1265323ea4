/**
 * How long each module's evaluation takes when the app opens the 1,000-paragraph article (a
 * tool, no targets). Build a marked copy first:
 *   COPYDESK_MODULE_MARKS=1 npx electron-vite build && cp -a out/renderer /tmp/marked
 *   npx electron-vite build   # the normal build again
 *   npx tsx bench/module-marks.ts /tmp/marked [rounds]
 * Each module starts with a mark (scripts/module-marks-plugin.ts); the time to the next mark is
 * the module's own evaluation (a CommonJS module's when it is first required). Prints the median
 * per package or source folder and per module (the last module's figure runs on to the end of
 * the page's marks and is left out).
 */
import { READY } from './editor';
import { loadAverageLine, openLoadPages } from './load-pages';

async function main(): Promise<void> {
  const renderer = process.argv[2];
  if (!renderer)
    throw new Error('usage: npx tsx bench/module-marks.ts <marked out/renderer copy> [rounds]');
  const rounds = Number(process.argv[3] ?? 5);
  const { browser, pages, close } = await openLoadPages({ renderer, bare: false, base: false });
  const url = pages[0]![1];
  try {
    const perModule = new Map<string, number[]>();
    const spans: number[] = [];
    for (let i = 0; i <= rounds; i++) {
      const page = await browser.newPage({
        locale: 'en-US',
        viewport: { width: 1280, height: 900 },
      });
      await page.goto(url);
      await page.locator(READY).waitFor({ timeout: 60_000 });
      const marks = await page.evaluate(() =>
        performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('M:'))
          .map((m) => [m.name.slice(2), m.startTime] as [string, number]),
      );
      await page.close();
      if (marks.length === 0) throw new Error(`no module marks: is ${renderer} a marked build?`);
      if (i === 0) continue; // HTTP cache and JIT warm-up
      // The first chunk's modules: up to the entry (main.tsx), whose own figure is left out.
      const end = marks.findIndex(([name]) => name.endsWith('src-renderer/main.tsx'));
      const first = end > 0 ? marks.slice(0, end + 1) : marks;
      spans.push(first[first.length - 1]![1] - first[0]![1]);
      for (let j = 0; j + 1 < first.length; j++) {
        const name = first[j]![0];
        const list = perModule.get(name) ?? [];
        list.push(first[j + 1]![1] - first[j]![1]);
        perModule.set(name, list);
      }
    }
    const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const rows = [...perModule].map(([name, xs]) => [name, med(xs)] as [string, number]);
    const groupOf = (name: string) => {
      const parts = name.replace(/^\//, '').split('/');
      if (parts[0] === 'node_modules')
        return parts.slice(0, parts[1]!.startsWith('@') ? 3 : 2).join('/');
      return parts.slice(0, 2).join('/');
    };
    const groups = new Map<string, number>();
    for (const [name, ms] of rows) groups.set(groupOf(name), (groups.get(groupOf(name)) ?? 0) + ms);
    const line = ([name, ms]: [string, number]) => `${ms.toFixed(1).padStart(7)}  ${name}`;
    console.log(`first chunk, first mark → main.tsx: median ${med(spans).toFixed(1)} ms`);
    console.log('\nby package / folder (ms, sum of module medians)');
    console.log(
      [...groups]
        .sort((x, y) => y[1] - x[1])
        .slice(0, 20)
        .map(line)
        .join('\n'),
    );
    console.log('\nby module (ms, median)');
    console.log(
      rows
        .sort((x, y) => y[1] - x[1])
        .slice(0, 30)
        .map(line)
        .join('\n'),
    );
    console.log(`\n${loadAverageLine()}`);
  } finally {
    await close();
  }
}

void main();
