/**
 * A/B of renderer builds on opening the 1,000-paragraph article (a tool, no targets):
 *
 *   npx tsx bench/ab-load.ts ROUNDS DIR_A DIR_B [DIR_C …]
 *
 * Each DIR is a built `out/renderer` (copy it away before building the next), served by a
 * browser-mode host of its own; bare Lexical loads beside them. Every round loads all pages,
 * each round in another order (bench/stats.ts, roundOrder), so that no build always has the
 * same place in a round; the first round warms up. Prints each page's median and, for every
 * build against the first, the geometric mean of the per-round ratios with a 95 % interval.
 * Run an A/A (the same build twice) now and then: it shows how large a difference the machine
 * makes up by itself. docs/performance.md, "Opening, tenth step".
 */
import { basename } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../tests/support/browser';
import { startBrowserMode } from '../tests/support/processes';
import { tempDir } from '../tests/support/tmp';
import { call, load, makeDoc } from './editor';
import { loadAverageLine, openBarePage } from './load-pages';
import { pairedRatio, roundOrder, summarize } from './stats';

async function main(): Promise<void> {
  const [roundsArg, ...dirs] = process.argv.slice(2);
  const rounds = Number(roundsArg);
  if (!Number.isInteger(rounds) || rounds < 2 || dirs.length < 2) {
    throw new Error('usage: npx tsx bench/ab-load.ts ROUNDS DIR_A DIR_B [DIR_C …]');
  }
  const doc = makeDoc('large', 1000);
  const cleanups: (() => unknown)[] = [];
  const pages: [string, string][] = [];
  try {
    for (const [i, dir] of dirs.entries()) {
      const profile = tempDir('copydesk-ab-');
      cleanups.push(() => profile.cleanup());
      const host = await startBrowserMode(profile.dir, 0, { args: ['--renderer', dir] });
      cleanups.push(() => host.kill());
      const article = (await call(host, 'articles.create', {
        fields: { headline: 'Opening' },
        body: doc.body,
      })) as { id: string };
      pages.push([
        `${String.fromCharCode(65 + i)} ${basename(dir)}`,
        `${host.url}#article=${article.id}`,
      ]);
    }
    pages.push(['bare', (await openBarePage(doc, cleanups)).url]);
    const browser = await chromium.launch({
      executablePath: findChromium(),
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    cleanups.push(() => browser.close());

    const ms = new Map<string, number[]>(pages.map(([name]) => [name, []]));
    for (let round = 0; round <= rounds; round++) {
      for (const [name, url] of roundOrder(pages, round)) {
        const { page, ms: t } = await load(browser, url);
        await page.close();
        if (round > 0) ms.get(name)!.push(t);
      }
    }
    const first = ms.get(pages[0]![0])!;
    const bareMs = ms.get('bare')!;
    for (const [name, samples] of ms) {
      const vsBare = summarize(samples).median / summarize(bareMs).median;
      console.log(
        `${name.padEnd(30)} median ${summarize(samples).median.toFixed(1)} ms, /bare ${vsBare.toFixed(2)}`,
      );
    }
    for (const [name] of pages.slice(1, -1)) {
      const r = pairedRatio(first, ms.get(name)!);
      console.log(
        `${name} / ${pages[0]![0]}: ${r.geo.toFixed(3)} (95 % ${r.low.toFixed(3)}–${r.high.toFixed(3)}), ${rounds} rounds`,
      );
    }
    console.log(loadAverageLine());
  } finally {
    for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => undefined);
  }
}

if (process.argv[1]?.endsWith('ab-load.ts')) await main();
