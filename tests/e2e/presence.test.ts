/**
 * Presence in the app: two browser-mode profiles on one backend. When the desk chief opens an
 * article, the editor's list row and editor show "Open at: Miriam Krause" (the chief's display
 * name; German: "Geöffnet bei: Miriam Krause"), the username on hover; it goes when the chief
 * closes the article or the window. Presence is no lock: the
 * editor keeps writing meanwhile.
 *
 * COPYDESK_SCREENSHOTS=DIR keeps screenshots of the list and the editor with presence shown.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBrowserMode, type Started } from '../support/processes';
import { tempDir } from '../support/tmp';
import { startServer } from '../sync/support/harness';
import { callHost, waitSaved } from './editor-helpers';

let tmp: ReturnType<typeof tempDir>;
let server: Started;
let chiefHost: Started;
let editorHost: Started;
let browser: Browser;
let articleId: string;

const shots = process.env.COPYDESK_SCREENSHOTS;
async function shoot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`) });
}

beforeAll(async () => {
  tmp = tempDir('copydesk-presence-');
  server = await startServer(join(tmp.dir, 'server'));
  [chiefHost, editorHost] = await Promise.all([
    startBrowserMode(join(tmp.dir, 'chief')),
    startBrowserMode(join(tmp.dir, 'editor')),
  ]);
  browser = await launchChromium();
  for (const [host, user] of [
    [chiefHost, 'chief'],
    [editorHost, 'editor'],
  ] as const) {
    await callHost(host, 'sync.login', { serverUrl: server.url, username: user, password: user });
  }
  const a = await callHost(editorHost, 'articles.create', {
    fields: {
      kicker: 'Münster:',
      headline: 'Rathaus beschließt neuen Radweg',
      section: 'verwaltung',
    },
  });
  articleId = a.id;
  await callHost(editorHost, 'sync.now', {});
  await callHost(chiefHost, 'sync.now', {});
});

afterAll(async () => {
  await browser?.close();
  await chiefHost?.kill();
  await editorHost?.kill();
  await server?.stop();
  tmp?.cleanup();
});

async function open(host: Started, locale: string, hash = ''): Promise<Page> {
  const page = await browser.newPage({ locale, viewport: { width: 1280, height: 800 } });
  await page.goto(host.url + hash);
  await page.locator('.app').waitFor();
  return page;
}

const row = (page: Page) =>
  page
    .getByTestId('article-list')
    .locator('button.row')
    .filter({ hasText: /Rathaus beschließt/ });

it('shows who has the article open in the list and the editor, and drops it when they leave', async () => {
  const mine = await open(editorHost, 'en-US');
  await row(mine).waitFor();
  expect(await row(mine).getByTestId('presence').count()).toBe(0);

  let chief = await open(chiefHost, 'en-US', `#article=${articleId}`);
  await chief.locator('[contenteditable="true"][data-ready="true"]').waitFor();
  await expect
    .poll(() => row(mine).getByTestId('presence').textContent(), { timeout: 10_000 })
    .toBe('Open at: Miriam Krause');
  expect(await row(mine).getByTestId('presence').getAttribute('title')).toMatch(
    /^Open at: Miriam Krause \(chief\) — Also open on another desk/,
  );
  await shoot(mine, 'presence-list-en');

  await row(mine).click();
  const badge = mine.locator('.article-editor').getByTestId('presence');
  await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toBe('Open at: Miriam Krause');
  // Now the editor has it open too: the chief sees the editor, never themself.
  await expect
    .poll(() => chief.locator('.article-editor').getByTestId('presence').textContent(), {
      timeout: 10_000,
    })
    .toBe('Open at: Anna Berg');
  await shoot(mine, 'presence-editor-en');

  // A hint, not a lock: the editor writes on, and the change reaches the chief's desk.
  await mine.getByLabel('Headline').fill('Rathaus beschließt zwei Radwege');
  await waitSaved(mine);
  await expect
    .poll(async () => (await callHost(chiefHost, 'articles.get', { id: articleId })).headline, {
      timeout: 10_000,
    })
    .toBe('Rathaus beschließt zwei Radwege');

  // The chief closes the article: gone within a few seconds.
  await chief.getByRole('button', { name: 'Close', exact: true }).click();
  await expect.poll(() => badge.count(), { timeout: 5_000 }).toBe(0);

  // The chief opens it again and then closes the window.
  chief = await open(chiefHost, 'en-US', `#article=${articleId}`);
  await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toBe('Open at: Miriam Krause');
  await chief.close({ runBeforeUnload: true }); // as when a person closes the window
  await expect.poll(() => badge.count(), { timeout: 5_000 }).toBe(0);
  await mine.close();
});

it('says it in German', async () => {
  const chief = await open(chiefHost, 'en-US', `#article=${articleId}`);
  const mine = await open(editorHost, 'de-DE');
  await expect
    .poll(() => row(mine).getByTestId('presence').textContent(), { timeout: 10_000 })
    .toBe('Geöffnet bei: Miriam Krause');
  await shoot(mine, 'presence-list-de');
  await row(mine).click();
  const badge = mine.locator('.article-editor').getByTestId('presence');
  await expect
    .poll(() => badge.textContent(), { timeout: 10_000 })
    .toBe('Geöffnet bei: Miriam Krause');
  await shoot(mine, 'presence-editor-de');
  await chief.close();
  await mine.close();
});
