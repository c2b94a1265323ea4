/**
 * `npm run bench -- editor-load`: opening the 1,000-paragraph article, ours against bare Lexical,
 * alternating ours (spelling on), ours (spelling off) and bare in one process so that all see the
 * same machine load (the first round is dropped: HTTP cache and JIT warm-up). Besides the
 * medians it reports where our load spends its time (navigation → first call sent → article
 * answered → body editable), to show what the start-up waits for.
 * Each round loads the three in another order (bench/stats.ts, roundOrder).
 * COPYDESK_BENCH_ROUNDS sets the number of measured rounds (default 12: each order twice).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { findChromium } from '../tests/support/browser';
import { repoRoot, startBrowserMode } from '../tests/support/processes';
import { tempDir } from '../tests/support/tmp';
import { buildBarePage, call, load, makeDoc, serveBare } from './editor';
import { printTable, ratio, roundOrder, summarize, writeResult } from './stats';

const ROUNDS = Number(process.env.COPYDESK_BENCH_ROUNDS ?? 12);

interface Phases {
  /** The request of the article (the first articles.get) started, ms after navigation start. */
  articleRequested: number;
  /** Its answer fully arrived. */
  articleAnswered: number;
}

/** Resource timing of the first `/api/call` request that carried articles.get, else NaN. */
async function phasesOf(page: Page): Promise<Phases> {
  return page.evaluate(() => {
    const calls = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/api/call')) as PerformanceResourceTiming[];
    // The article answer is by far the largest call answer at start.
    const article = calls.reduce<PerformanceResourceTiming | null>(
      (big, e) => (!big || e.encodedBodySize > big.encodedBodySize ? e : big),
      null,
    );
    return {
      articleRequested: article?.startTime ?? NaN,
      articleAnswered: article?.responseEnd ?? NaN,
    };
  });
}

export async function runEditorLoadBench(): Promise<object> {
  if (!existsSync(join(repoRoot, 'out', 'renderer', 'index.html'))) {
    execFileSync(
      process.execPath,
      [join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
      { cwd: repoRoot, stdio: 'inherit' },
    );
  }
  const doc = makeDoc('large', 1000);
  const bareDir = tempDir('copydesk-bench-bare-');
  const profile = tempDir('copydesk-bench-load-');
  await buildBarePage(bareDir.dir);
  const bare = await serveBare(bareDir.dir, [doc]);
  const host = await startBrowserMode(profile.dir);
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const samples = {
    ours: [] as number[],
    oursNoSpelling: [] as number[],
    bare: [] as number[],
    articleRequested: [] as number[],
    articleAnswered: [] as number[],
  };
  try {
    const article = (await call(host, 'articles.create', {
      fields: { headline: 'Bench load' },
      body: doc.body,
    })) as { id: string };
    const oursUrl = `${host.url}#article=${article.id}`;
    const bareUrl = `${bare.origin}/?name=large`;
    for (let i = 0; i <= ROUNDS; i++) {
      const pages = [
        ['ours', oursUrl, true],
        ['oursNoSpelling', oursUrl, false],
        ['bare', bareUrl, true],
      ] as const;
      for (const [which, url, spelling] of roundOrder(pages, i)) {
        const { page, ms } = await load(browser, url, spelling);
        if (i > 0) {
          samples[which].push(ms);
          if (which === 'ours') {
            const p = await phasesOf(page);
            samples.articleRequested.push(p.articleRequested);
            samples.articleAnswered.push(p.articleAnswered);
          }
        }
        await page.close();
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
    await host.kill().catch(() => undefined);
    bare.server.close();
    bareDir.cleanup();
    profile.cleanup();
  }
  const ours = summarize(samples.ours);
  const oursNoSpelling = summarize(samples.oursNoSpelling);
  const bareLoad = summarize(samples.bare);
  const data = {
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    method: `navigation start → body editable (copydesk:editor-ready), 1,000 paragraphs; ${ROUNDS} rounds after 1 warm-up, alternating ours, ours with spelling off, bare, each round in another order`,
    paragraphs: doc.paragraphs,
    words: doc.words,
    loadMs: {
      ours,
      bare: bareLoad,
      spellingOff: oursNoSpelling,
      ratioMedian: ratio(ours.median, bareLoad.median),
      spellingOffRatioMedian: ratio(oursNoSpelling.median, bareLoad.median),
      spellingEffectMedian: ratio(ours.median, oursNoSpelling.median),
      /** Per-round ratios ours/bare (each round's loads ran back to back). */
      roundRatios: samples.ours.map((o, i) => ratio(o, samples.bare[i]!)),
    },
    oursPhasesMs: {
      articleRequested: summarize(samples.articleRequested),
      articleAnswered: summarize(samples.articleAnswered),
    },
    targets: { loadRatio: { target: 1.15, actual: ratio(ours.median, bareLoad.median) } },
  };
  printTable('editor load, 1,000 paragraphs (ms, medians)', [
    {
      ours: ours.median,
      'ours (spelling off)': oursNoSpelling.median,
      bare: bareLoad.median,
      'ours/bare': data.loadMs.ratioMedian,
      'spelling effect': data.loadMs.spellingEffectMedian,
      'article requested': data.oursPhasesMs.articleRequested.median,
      'article answered': data.oursPhasesMs.articleAnswered.median,
    },
  ]);
  console.log('wrote', writeResult('editor-load', data));
  return data;
}
