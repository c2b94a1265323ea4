/**
 * The sync status line and sign-in dialog in browser mode, against the real backend: local-only
 * before sign-in, "All changes synced" after, and the change count while a change waits.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startBrowserMode, type Started } from '../support/processes';
import { tempDir } from '../support/tmp';
import { openClient, signIn, startServer } from './support/harness';
import { waitSaved } from '../e2e/editor-helpers';

let browser: Browser;
let server: Started;
let host: Started;
let tmp: ReturnType<typeof tempDir>;

beforeAll(async () => {
  tmp = tempDir('copydesk-sync-ui-');
  server = await startServer(`${tmp.dir}/server`);
  // Local changes wait 5 s before they are pushed: the edit below stays on this desk while
  // another desk changes the same field, so that both really edit at the same time.
  host = await startBrowserMode(`${tmp.dir}/profile`, 0, {
    env: { COPYDESK_PUSH_DELAY_MS: '5000' },
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.kill();
  await server?.stop();
  tmp?.cleanup();
});

it('signs in from the app and shows the sync status', async () => {
  const page = await browser.newPage({ locale: 'en-US' });
  await page.goto(host.url);
  const status = page.getByRole('status').filter({ hasText: /sync|signed in/i });
  // Nothing written yet: no "0 changes".
  await expect
    .poll(() => status.textContent())
    .toContain('Not signed in — work stays on this computer');

  await page.getByRole('button', { name: 'New article' }).click();
  await expect.poll(() => status.textContent()).toContain('Not signed in — 1 change');

  await page.getByRole('button', { name: 'Sign in …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in to the Copydesk server' });
  await dialog.getByLabel('Server address').fill(server.url);
  await dialog.getByLabel('User name').fill('editor');
  await dialog.getByLabel('Password').fill('wrong');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => dialog.getByRole('alert').count()).toBe(1);
  await dialog.getByLabel('Password').fill('editor');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
  // Everything written before signing in is uploaded.
  await expect
    .poll(() => status.textContent(), { timeout: 15_000 })
    .toContain('All changes synced');
  await expect.poll(() => status.textContent()).toMatch(/last sync/);

  // This desk changes the headline, and meanwhile another client of the same editor changes
  // it too and syncs first: a conflict to decide.
  await page.getByLabel('Headline').fill('Meine Schlagzeile');
  await waitSaved(page);
  const other = await openClient(tmp.dir, 'other');
  try {
    await signIn(other, server.url, 'editor');
    await other.api['sync.now']({});
    const [article] = (await other.api['articles.list']({})).items;
    await other.api['articles.save']({ id: article!.id, fields: { headline: 'Von nebenan' } });
    await other.api['sync.now']({});
  } finally {
    await other.close();
  }
  const conflictButton = page.getByRole('button', { name: '1 conflict' });
  await conflictButton.waitFor({ timeout: 20_000 });
  await conflictButton.click();
  const panel = page.getByRole('dialog', { name: 'Changes that need your decision' });
  await expect.poll(() => panel.textContent()).toContain('Meine Schlagzeile');
  await expect.poll(() => panel.textContent()).toContain('Von nebenan');
  // Both sides side by side, what only mine has marked as inserted, theirs' own as deleted.
  expect(await panel.locator('ins').allTextContents()).toEqual(['Meine Schlagzeile']);
  expect(await panel.locator('del').allTextContents()).toEqual(['Von nebenan']);
  await panel.getByRole('button', { name: 'Keep mine' }).click();
  await expect.poll(() => panel.textContent()).toContain('Nothing to decide.');
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect
    .poll(() => status.textContent(), { timeout: 15_000 })
    .toContain('All changes synced');
});
