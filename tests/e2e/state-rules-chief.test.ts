/**
 * A desk chief's workflow steps against the real backend: Publish shows a summary and asks
 * first, Unpublish is a danger button that asks first, and the chief's own steps coming back
 * from the server raise no "Updated by" banner.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSyncEditorPair, type SyncEditorPair } from './sync-editor-helpers';
import { fixtureArticle } from '../support/fixture-article';
import { type EditorHost, openArticle } from './editor-helpers';

let pair: SyncEditorPair;
let h: EditorHost;

beforeAll(async () => {
  pair = await startSyncEditorPair('copydesk-state-chief-', 'editor');
  ({ h } = pair);
  await h.call('sync.logout', {});
  await h.call('sync.login', { serverUrl: pair.server.url, username: 'chief', password: 'chief' });
});
afterAll(async () => {
  await pair?.close();
});

it('publish asks with a summary, unpublish is a danger button that asks, no banner about myself', async () => {
  const f = fixtureArticle();
  const a = await h.call('articles.create', {
    fields: {
      kicker: f.kicker,
      headline: f.headline,
      teaser: f.teaser,
      byline: f.byline,
      section: f.section,
      tags: ['Politik'],
    },
    body: f.body,
  });
  await h.call('articles.transition', { id: a.id, to: 'in_review' });
  await h.call('sync.now', {});
  await h.call('articles.transition', { id: a.id, to: 'approved' });
  await h.call('sync.now', {});

  const { page, errors } = await openArticle(h, a.id);
  const account = page.getByTestId('user-menu');
  // The display name the server has for the demo chief; the user name is its tooltip.
  await expect.poll(() => account.textContent()).toContain('Signed in as Miriam Krause');
  expect(await account.locator('.user-menu__name').getAttribute('title')).toBe('chief');
  expect(await account.textContent()).toContain(new URL(pair.server.url).host);
  const status = page.getByTestId('workflow-status');
  await expect.poll(() => status.textContent()).toBe('Approved');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish this article?' });
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain(f.headline);
  expect(await dialog.textContent()).toMatch(/Section.*Politik/i);
  // Cancel changes nothing.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
  expect((await h.call('articles.get', { id: a.id })).status).toBe('approved');

  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await dialog.getByRole('button', { name: 'Publish now' }).click();
  await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('Published');
  expect(await page.getByTestId('read-only').textContent()).toContain('Publish correction');

  const unpublish = page.getByRole('button', { name: 'Unpublish' });
  expect(await unpublish.getAttribute('class')).toContain('button--danger');
  await unpublish.click();
  const ask = page.getByRole('dialog', { name: 'Unpublish this article?' });
  await ask.waitFor();
  expect(await ask.getByRole('button', { name: 'Unpublish' }).getAttribute('class')).toContain(
    'button--danger',
  );
  await page.keyboard.press('Escape');
  await expect.poll(() => ask.count()).toBe(0);
  expect((await h.call('articles.get', { id: a.id })).status).toBe('published');
  await unpublish.click();
  await ask.getByRole('button', { name: 'Unpublish' }).click();
  await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('Unpublished');

  // The server's echo of the chief's own steps: no "Updated by chief".
  await h.call('sync.now', {});
  for (let i = 0; i < 8; i++) {
    expect(await page.getByTestId('remote-update').count()).toBe(0);
    await page.waitForTimeout(250);
  }
  // Sign out from the header: the account leaves it, the desk says it works locally.
  await account.getByRole('button', { name: 'Sign out' }).click();
  await expect.poll(() => account.count()).toBe(0);
  expect((await h.call('sync.status', {})).user).toBeNull();
  expect(errors).toEqual([]);
  await page.close();
});

it('the header keeps the sync state whole and on one row at 1024 in both languages; the account gives way to the name alone', async () => {
  // The test before signs out at its end.
  await h.call('sync.login', { serverUrl: pair.server.url, username: 'chief', password: 'chief' });
  await h.call('sync.now', {});
  const { language } = await h.call('settings.get', {});
  try {
    for (const [lang, signedIn, synced] of [
      ['de', 'Angemeldet als Miriam Krause', 'Alle Änderungen synchronisiert'],
      ['en', 'Signed in as Miriam Krause', 'All changes synced'],
    ] as const) {
      await h.call('settings.update', { language: lang });
      const { page, errors } = await h.open({ locale: lang === 'de' ? 'de-DE' : 'en-US' });
      const bar = page.locator('.app__bar');
      const account = page.getByTestId('user-menu');
      const text = page.locator('.sync-status__text');
      await expect.poll(() => text.textContent(), { timeout: 10_000 }).toBe(synced);
      for (const width of [1280, 1024]) {
        await page.setViewportSize({ width, height: 768 });
        // One row: every part of the header within the window, none taller than a line.
        const parts = await bar.evaluate((el) =>
          [
            ...el.querySelectorAll<HTMLElement>(
              '.sync-status__text, .sync-status__last, .user-menu > *',
            ),
          ]
            .filter((p) => p.offsetParent !== null)
            .map((p) => {
              const r = p.getBoundingClientRect();
              // One line of text is about 1.2 font sizes high, two are 2.4.
              const line = parseFloat(getComputedStyle(p).fontSize) * 1.5;
              return {
                name: p.className,
                inside: r.right <= window.innerWidth,
                oneLine: r.height <= line || p.tagName === 'BUTTON',
                whole: p.scrollWidth <= p.clientWidth + 1 || p.tagName === 'BUTTON',
              };
            }),
        );
        expect(
          parts.filter((p) => !p.inside || !p.oneLine),
          `${lang} ${width}`,
        ).toEqual([]);
        const sync = parts.filter((p) => p.name.startsWith('sync-status'));
        expect(
          sync.map((p) => p.whole),
          `${lang} ${width}`,
        ).toEqual([true, true]);
        // Who is signed in is always shown; where the full line does not fit, the name alone,
        // with the whole line and the server in its title.
        const shown = account.locator(':is(.user-menu__name, .user-menu__short):visible');
        expect(await shown.count()).toBe(1);
        if (width === 1280) {
          expect(await shown.textContent()).toBe(signedIn);
          expect(await account.locator('.user-menu__server').isVisible()).toBe(true);
        } else {
          expect(await shown.textContent()).toBe('Miriam Krause');
          const title = (await shown.getAttribute('title'))!;
          expect(title).toContain(signedIn);
          expect(title).toContain(new URL(pair.server.url).host);
        }
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  } finally {
    await h.call('settings.update', { language });
  }
});
