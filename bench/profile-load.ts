/**
 * Where opening the 1,000-paragraph article spends its time (a tool, not a bench: no targets).
 * `npx tsx bench/profile-load.ts [rounds]` alternates ours and bare (A/B in one process), prints
 * the medians, and records one CPU profile of ours (CDP Profiler, 100 µs sampling) whose time it
 * breaks down by function and by bundle. Needs `npx electron-vite build` first.
 * COPYDESK_PROFILE_OUT=dir also writes the .cpuprofile there. COPYDESK_BASE_RENDERER=dir (a copy of
 * an earlier `out/renderer`) adds a third page, that build served by its own host, to the
 * alternation: an A/B of two builds on the same machine load. COPYDESK_PROFILE=0 skips the profile.
 * Its order of pages is fixed, which by itself moved an A/A run by 6 %: for a figure of a few per
 * cent use bench/ab-load.ts, which goes through every order.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '../tests/support/browser';
import { startBrowserMode } from '../tests/support/processes';
import { tempDir } from '../tests/support/tmp';
import { buildBarePage, call, load, makeDoc, serveBare } from './editor';
import { breakdown, type Profile } from './cpu-profile';
import { summarize } from './stats';

async function profiledLoad(browser: Browser, origin: string, url: string): Promise<Profile> {
  const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  // Same origin first, so the navigation stays in the renderer process the profiler watches.
  await page.goto(`${origin}/favicon.svg`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  await page.locator('[data-ready="true"]').waitFor({ timeout: 60_000 });
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const marks = await page.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .concat(performance.getEntriesByType('measure'))
      .map((m) => `${m.name} ${Math.round(m.startTime)} ${Math.round(m.duration)}`),
  );
  console.log('marks:', marks.join(' | '));
  await page.close();
  return profile;
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 4);
  const doc = makeDoc('large', 1000);
  const bareDir = tempDir('copydesk-profile-bare-');
  const profileDir = tempDir('copydesk-profile-load-');
  await buildBarePage(bareDir.dir);
  const bare = await serveBare(bareDir.dir, [doc]);
  const host = await startBrowserMode(profileDir.dir);
  const baseRenderer = process.env.COPYDESK_BASE_RENDERER;
  const baseProfileDir = baseRenderer ? tempDir('copydesk-profile-base-') : null;
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
      fields: { headline: 'Profile load' },
      body: doc.body,
    })) as { id: string };
    const oursUrl = `${host.url}#article=${article.id}`;
    const bareUrl = `${bare.origin}/?name=large`;
    const ours: number[] = [];
    const bareMs: number[] = [];
    const baseMs: number[] = [];
    const pages: [number[], string][] = [
      [ours, oursUrl],
      [bareMs, bareUrl],
    ];
    if (baseHost) {
      const baseArticle = (await call(baseHost, 'articles.create', {
        fields: { headline: 'Profile load' },
        body: doc.body,
      })) as { id: string };
      pages.push([baseMs, `${baseHost.url}#article=${baseArticle.id}`]);
    }
    for (let i = 0; i <= rounds; i++) {
      for (const [list, url] of pages) {
        const { page, ms } = await load(browser, url);
        if (i > 0) list.push(ms);
        await page.close();
      }
    }
    const o = summarize(ours).median;
    const b = summarize(bareMs).median;
    console.log(`load ours ${o} bare ${b} ratio ${(o / b).toFixed(2)}`);
    console.log('ours', ours.map(Math.round).join(' '), 'bare', bareMs.map(Math.round).join(' '));
    if (baseHost) {
      const a = summarize(baseMs).median;
      console.log(
        `base ${a} ratio base/bare ${(a / b).toFixed(2)} ours/base ${(o / a).toFixed(2)}`,
      );
      console.log('base', baseMs.map(Math.round).join(' '));
    }
    console.log(
      'load average',
      loadavg()
        .map((x) => x.toFixed(1))
        .join(' '),
    );
    if (process.env.COPYDESK_PROFILE !== '0') {
      const profile = await profiledLoad(browser, new URL(host.url).origin, oursUrl);
      if (process.env.COPYDESK_PROFILE_OUT) {
        writeFileSync(
          join(process.env.COPYDESK_PROFILE_OUT, 'ours.cpuprofile'),
          JSON.stringify(profile),
        );
      }
      breakdown(profile);
    }
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
