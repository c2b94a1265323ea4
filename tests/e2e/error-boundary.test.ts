/**
 * A view that throws while rendering (made to, through the test-only --test-hooks trigger): its
 * error boundary says what happened, the rest of the app keeps working, the error is in the desk
 * log, and the text typed just before the crash survives the reload the boundary offers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  body,
  openArticle,
  startEditorHost,
  textOf,
  storedBlocks,
  type EditorHost,
} from './editor-helpers';

const shots = process.env.COPYDESK_SCREENSHOTS;

/** Makes the view throw, once its probe listens (it starts listening after an async core call). */
async function crash(page: Page, view: string): Promise<void> {
  await page.locator(`[data-crash-probe="${view}"]`).waitFor({ state: 'attached' });
  await page.evaluate(
    (v) => void window.dispatchEvent(new CustomEvent('copydesk:test-crash', { detail: v })),
    view,
  );
}

function deskLog(profile: string): string {
  const dir = join(profile, 'logs');
  return readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('');
}

let h: EditorHost;
beforeAll(async () => {
  h = await startEditorHost({ args: ['--test-hooks'] });
});
afterAll(async () => {
  await h?.close();
});

describe('error boundary', () => {
  it('contains a crashed editor, keeps the app usable and keeps what was typed', async () => {
    const WORD = 'Pflaumenmusbeweis';
    const a = await h.call('articles.create', { fields: { headline: 'Crash drill' } });
    const { page } = await openArticle(h, a.id);
    await body(page).click();
    await page.keyboard.press('End');
    await page.keyboard.type(` ${WORD} typed just before`);
    await crash(page, 'editor'); // at once: the autosave delay has not passed

    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'This part of Copydesk stopped working' });
    await alert.waitFor();
    await expect.poll(() => alert.textContent()).toContain('Test crash in the editor view');
    await alert.getByText('Everything you typed is saved.').waitFor();
    if (shots) await page.screenshot({ path: join(shots, 'error-boundary-en.png') });

    // The article list (another boundary) and the navigation still work.
    await page.getByRole('list', { name: 'Articles' }).getByText('Crash drill').waitFor();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.getByRole('button', { name: 'Articles' }).click();

    // Stored already, before any reload.
    const stored = (await storedBlocks(h, a.id)).map(textOf).join('\n');
    expect(stored).toContain(WORD);

    // The crash went into the desk log, without the article's text.
    const log = deskLog(h.profile);
    expect(log).toContain('"renderer.error"');
    expect(log).toContain('Test crash in the editor view');
    expect(log).not.toContain(WORD);
    await page.close();
  });

  it('offers a reload that brings the article back with the text typed before the crash', async () => {
    const WORD = 'Quittengeleezeuge';
    const a = await h.call('articles.create', { fields: { headline: 'Reload drill' } });
    const { page } = await openArticle(h, a.id);
    await body(page).click();
    await page.keyboard.type(`${WORD} `);
    await crash(page, 'editor');
    const reload = page.getByRole('button', { name: 'Reload Copydesk' });
    await expect.poll(() => reload.isEnabled()).toBe(true);
    await reload.click();
    await page.locator('[contenteditable="true"][data-ready="true"]').waitFor();
    await expect.poll(() => body(page).textContent()).toContain(WORD);
    expect(await page.getByRole('alert').filter({ hasText: 'stopped working' }).count()).toBe(0);
    await page.close();
  });

  it('shows the boundary in German, and "Try again" brings the view back', async () => {
    const { page } = await h.open({ locale: 'de-DE' });
    await page.getByRole('button', { name: 'Einstellungen' }).click();
    await crash(page, 'settings');
    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'Dieser Teil von Copydesk funktioniert nicht mehr' });
    await alert.waitFor();
    await alert.getByText('Alles, was Sie getippt haben, ist gespeichert.').waitFor();
    if (shots) await page.screenshot({ path: join(shots, 'error-boundary-de.png') });
    await alert.getByRole('button', { name: 'Erneut versuchen' }).click();
    await page.getByRole('heading', { name: 'Einstellungen' }).waitFor();
    await page.close();
  });

  it('a list the core cannot give (articles, search, images) says so with "Try again", instead of loading forever', async () => {
    await h.call('articles.create', { fields: { headline: 'Liste geht wieder' } });
    const { page } = await h.open({ locale: 'en-US' });
    // The core's answers to the lists and the search fail until the test lets them through.
    let failing = true;
    await page.route('**/api/call', async (route) => {
      const method = (route.request().postDataJSON() as { method: string }).method;
      if (failing && ['articles.list', 'articles.search', 'images.list'].includes(method)) {
        await route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({
            ok: false,
            error: { code: 'internal', message: 'disk I/O error' },
          }),
        });
      } else await route.continue();
    });
    await page.reload();
    const failed = page.getByRole('alert').filter({ hasText: 'The list could not be loaded' });
    await failed.waitFor();
    expect(await page.locator('.list__note').filter({ hasText: 'Loading…' }).count()).toBe(0);
    // The search says so too, and so does the image library.
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('Liste');
    await failed.waitFor();
    await page.getByRole('button', { name: 'Images', exact: true }).click();
    const images = page.getByRole('alert').filter({ hasText: 'The images could not be loaded' });
    await images.waitFor();
    failing = false;
    await images.getByRole('button', { name: 'Try again' }).click();
    await page.getByTestId('image-count').waitFor();
    expect(await images.count()).toBe(0);
    // Back in the articles, the search (still "Liste") fails once more, then comes back.
    failing = true;
    await page.getByRole('button', { name: 'Articles', exact: true }).click();
    expect(await page.getByRole('searchbox', { name: 'Search articles' }).inputValue()).toBe(
      'Liste',
    );
    await failed.waitFor();
    failing = false;
    await failed.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => failed.count()).toBe(0);
    await page.getByTestId('article-list').getByText('Liste geht wieder').waitFor();
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('');
    await page.getByTestId('list-count').waitFor();
    expect(await failed.count()).toBe(0);
    await page.close();
  });
});
