/**
 * Where typing in suggestion mode on the 1,000-paragraph article spends its time, beside normal
 * typing (a tool, not a bench: no targets). `npx tsx bench/profile-suggest.ts [keys]` signs in
 * as the demo chief, types `keys` keys (default 100) into each page under the CDP profiler and
 * breaks both profiles down by file and function. Build with COPYDESK_NO_MINIFY=1 npx
 * electron-vite build first to read the names.
 */
import { chromium, type Page } from 'playwright-core';
import { findChromium } from '../tests/support/browser';
import { startBrowserMode, startTs } from '../tests/support/processes';
import { tempDir } from '../tests/support/tmp';
import { breakdown, type Profile } from './cpu-profile';
import { call, load, makeDoc, prepareTyping, startSuggesting, typeKeys } from './editor';

async function profiledTyping(page: Page, keys: number): Promise<Profile> {
  await prepareTyping(page, 500);
  await typeKeys(page, 10); // warm-up
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await typeKeys(page, keys);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  return profile;
}

async function main(): Promise<void> {
  const keys = Number(process.argv[2] ?? 100);
  const doc = makeDoc('large', 1000);
  const profileDir = tempDir('copydesk-profile-suggest-');
  const serverDir = tempDir('copydesk-profile-suggest-server-');
  const host = await startBrowserMode(profileDir.dir);
  const server = await startTs(
    'src-server/cli.ts',
    ['--data', serverDir.dir, '--port', '0', '--demo'],
    /listening on (http:\/\/[0-9.:]+)/,
    60_000,
  );
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    await call(host, 'sync.login', { serverUrl: server.url, username: 'chief', password: 'chief' });
    for (const mode of ['normal', 'suggesting'] as const) {
      const article = (await call(host, 'articles.create', {
        fields: { headline: `Profile ${mode}` },
        body: doc.body,
      })) as { id: string };
      await call(host, 'sync.now', {});
      const { page } = await load(browser, `${host.url}#article=${article.id}`);
      if (mode === 'suggesting') await startSuggesting(page);
      console.log(`\n===== ${mode}: ${keys} keys`);
      breakdown(await profiledTyping(page, keys));
      await page.close();
    }
  } finally {
    await browser.close().catch(() => undefined);
    await host.kill().catch(() => undefined);
    await server.stop().catch(() => undefined);
    profileDir.cleanup();
    serverDir.cleanup();
  }
}

void main();
