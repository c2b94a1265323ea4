/**
 * axe-core on the editor in every workflow state (draft, in review — read only for the editor —,
 * changes requested, approved, published), on the conflict panel and the SYNC CONFLICTS dialog,
 * the image picker's alt-text step, the Discard confirmation, the revision comparison, the
 * Trash toast and (signed in as desk chief) the publish confirmation: light and dark, English
 * and German, on one page (the settings change and the page reloads in place). Fails on any
 * serious or critical violation, and on heading-order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSyncEditorPair, type SyncEditorPair } from './sync-editor-helpers';
import { fixtureArticle } from '../support/fixture-article';
import { fixture } from '../fixtures/images';
import type { AppPage, EditorHost } from './editor-helpers';
import { audit } from './axe-helpers';

let pair: SyncEditorPair;
let h: EditorHost;
let app: AppPage;
/** Article ids by the state the editor sees them in. */
const ids: Record<string, string> = {};

type Step = { to: 'draft' | 'approved' | 'published'; comment?: string };

/** A complete article, moved through `steps` by the desk chief (the second desk). */
async function articleIn(headline: string, steps: Step[]): Promise<string> {
  const f = fixtureArticle();
  const a = await h.call('articles.create', {
    fields: {
      kicker: f.kicker,
      headline,
      teaser: f.teaser,
      byline: f.byline,
      section: f.section,
      tags: f.tags,
    },
    body: f.body,
  });
  if (steps.length === 0) return a.id;
  await h.call('articles.transition', { id: a.id, to: 'in_review' });
  await h.call('sync.now', {});
  await pair.b.api['sync.now']({});
  for (const step of steps) {
    await pair.b.api['articles.transition']({ id: a.id, ...step });
    await pair.b.api['sync.now']({});
  }
  await h.call('sync.now', {});
  return a.id;
}

beforeAll(async () => {
  pair = await startSyncEditorPair('copydesk-a11y-states-', 'chief');
  ({ h } = pair);
  ids.draft = await articleIn('Entwurf: Radweg am Kanal', []);
  // Two saves: the revision history has something to compare.
  await h.call('articles.save', {
    id: ids.draft,
    fields: { headline: 'Entwurf: Radweg am Hafen' },
  });
  ids.in_review = await articleIn('In Prüfung: Stadtwerke', []);
  await h.call('articles.transition', { id: ids.in_review, to: 'in_review' });
  ids.changes = await articleIn('Zurück: Haushalt 2027', [
    { to: 'draft', comment: 'Bitte die Quelle nennen.' },
  ]);
  ids.approved = await articleIn('Freigegeben: Bäderkonzept', [{ to: 'approved' }]);
  ids.published = await articleIn('Veröffentlicht: Marktplatz', [
    { to: 'approved' },
    { to: 'published' },
  ]);
  // A change the server refuses (the chief submitted it meanwhile): a conflict to decide.
  ids.conflict = await articleIn('Konflikt: Lärmschutz', []);
  await h.call('sync.now', {});
  await pair.b.api['sync.now']({});
  await pair.b.api['articles.transition']({ id: ids.conflict, to: 'in_review' });
  await pair.b.api['sync.now']({});
  await h.call('articles.save', { id: ids.conflict, fields: { teaser: 'Abgelehnter Vorspann' } });
  await h.call('sync.now', {});
  await h.call('sync.now', {});
  await h.call('images.import', {
    fileName: 'prinzipalmarkt.jpg',
    dataBase64: fixture('credits-orient6.jpg').toString('base64'),
  });
  app = await h.open({ hash: `#article=${ids.draft}` });
  await app.page.setViewportSize({ width: 1280, height: 800 });
}, 120_000);
afterAll(async () => {
  await app?.page.close();
  await pair?.close();
});

const dialog = (page: Page) => page.locator('dialog[open]');

/** Opens an article in the one page (reloading it) and waits until its body is shown. */
async function show(page: Page, id: string): Promise<void> {
  await page.evaluate((hash) => (location.hash = hash), `#article=${id}`);
  await page.reload();
  await page.locator('.body__editable p').first().waitFor();
  await page.getByTestId('workflow-status').waitFor();
  // Editable, or read only with the canvas reachable by Tab.
  await page
    .locator('.body__editable[contenteditable="true"], .article-editor__canvas[tabindex="0"]')
    .first()
    .waitFor();
}

async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog(page).count()).toBe(0);
}

describe('accessibility (axe-core) in every workflow state and dialog', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const language of ['en', 'de'] as const) {
      it(`${theme}, ${language}: no serious or critical violations`, async () => {
        const { page } = app;
        await h.call('sync.logout', {});
        await h.call('sync.login', {
          serverUrl: pair.server.url,
          username: 'editor',
          password: 'editor',
        });
        await h.call('settings.update', { theme, language });
        const found: string[] = [];
        const check = async (view: string) => found.push(...(await audit(page, view)));

        for (const state of ['draft', 'in_review', 'changes', 'approved', 'published']) {
          await show(page, ids[state]!);
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
          expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
          await check(`editor (${state})`);
        }
        // Read only for the editor: the canvas is in the Tab order, with a name.
        await show(page, ids.in_review!);
        const readOnlyName =
          language === 'en' ? 'Article text, read only' : 'Artikeltext, schreibgeschützt';
        const canvas = page.getByRole('region', { name: readOnlyName });
        expect(await canvas.getAttribute('tabindex')).toBe('0');
        await canvas.focus();
        expect(await canvas.evaluate((el) => el === document.activeElement)).toBe(true);

        // The conflict panel in the editor, and the list of all conflicts in the header.
        await show(page, ids.conflict!);
        await page.getByTestId('conflict-panel').waitFor({ timeout: 10_000 });
        await check('editor with conflict panel');
        await page.locator('.sync-status__conflicts').click();
        await dialog(page).waitFor();
        await check('sync conflicts dialog');
        await closeDialog(page);

        // The draft: the image picker's alt-text step, the revision comparison, the Trash toast.
        await show(page, ids.draft!);
        await page.locator('[contenteditable="true"][data-ready="true"]').waitFor();
        await page.getByRole('toolbar').locator('.toolbar__button--image').click();
        await dialog(page).locator('.image-picker__item').first().click();
        await page.getByTestId('image-alt-input').waitFor();
        await check('image picker, alt-text step');
        await closeDialog(page);

        await page.locator('.article-editor__bar .status-line__button').nth(2).click(); // Revisions
        await page.locator('.revisions__item').last().click();
        await page.locator('.revisions__preview').waitFor();
        await check('revision comparison');
        await page.locator('.revisions__bar .button').click();

        await page.locator('.article-editor__bar .status-line__button').nth(3).click(); // Delete
        const toast = page.getByTestId('trash-toast');
        await toast.waitFor();
        await check('trash toast');
        await toast.locator('.button--primary').click(); // Undo
        await expect
          .poll(async () => (await h.call('articles.get', { id: ids.draft })).deletedAt)
          .toBeNull();

        // The open article moved to the trash elsewhere: read only, with Restore in the banner.
        await show(page, ids.draft!);
        await h.call('articles.delete', { id: ids.draft! });
        const trashBanner = page.getByTestId('read-only');
        await trashBanner.getByRole('button').waitFor();
        await check('editor, article in the trash');
        await trashBanner.getByRole('button').click();
        await expect
          .poll(async () => (await h.call('articles.get', { id: ids.draft })).deletedAt)
          .toBeNull();

        // A new draft offers Discard, which asks first once something is written.
        await page.locator('.app__name').click();
        await page.keyboard.press('Alt+n');
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')))
          .toBe('headline');
        await page.keyboard.type('Neu');
        await page.getByTestId('discard-draft').click();
        await dialog(page).waitFor();
        await check('discard confirmation');
        await dialog(page).locator('.button--danger').click();
        await expect.poll(() => page.locator('.article-editor').count()).toBe(0);

        // The desk chief: the publish confirmation.
        await h.call('sync.logout', {});
        await h.call('sync.login', {
          serverUrl: pair.server.url,
          username: 'chief',
          password: 'chief',
        });
        await show(page, ids.approved!);
        await page.locator('.workflow__bar .button--primary').first().click();
        await dialog(page).waitFor();
        await check('publish confirmation');
        await closeDialog(page);
        await show(page, ids.in_review!);
        await check('editor (in review, chief)');

        expect(found).toEqual([]);
      }, 120_000);
    }
  }
});
