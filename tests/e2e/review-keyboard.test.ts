/**
 * The review flow with the keyboard only (Tab, Shift+Tab, Enter, Esc and Alt+N; no clicks):
 * the editor writes an article and submits it; the desk chief opens the review queue, opens it,
 * requests changes with a comment; opens another, approves it and publishes it through the
 * confirmation. After every step and every dialog the focus is where a user expects it. Between
 * the two roles the desk signs in again through the API (sign-in is not what this tests).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSyncEditorPair, type SyncEditorPair } from './sync-editor-helpers';
import { fixtureArticle } from '../support/fixture-article';
import type { EditorHost } from './editor-helpers';

let pair: SyncEditorPair;
let h: EditorHost;

beforeAll(async () => {
  pair = await startSyncEditorPair('copydesk-review-keyboard-', 'chief');
  ({ h } = pair);
});
afterAll(async () => {
  await pair?.close();
});

/** What has the focus: its accessible name as a user hears it, and a few facts. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const by = el?.getAttribute('aria-labelledby');
    const labelledBy = by
      ? by
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
      : null;
    const labelled = el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      name: (
        el?.getAttribute('aria-label') ??
        labelledBy ??
        labelled ??
        el?.getAttribute('name') ??
        el?.textContent ??
        ''
      ).trim(),
      className: el?.className ?? '',
      inDialog: !!el?.closest('dialog[open]'),
    };
  });

/** Presses Tab (or Shift+Tab) until the focused element's name is `name`; fails after `max`. */
async function tabTo(page: Page, name: string | RegExp, shift = false, max = 60): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    seen.push(f.name);
    if (typeof name === 'string' ? f.name === name : name.test(f.name)) return;
  }
  throw new Error(
    `"${String(name)}" not reached by ${shift ? 'Shift+Tab' : 'Tab'}: ${seen.join(' | ')}`,
  );
}

async function signInAs(user: 'editor' | 'chief'): Promise<void> {
  await h.call('sync.now', {});
  await h.call('sync.logout', {});
  await h.call('sync.login', { serverUrl: pair.server.url, username: user, password: user });
  await h.call('sync.now', {});
}

async function expectStatusFocused(page: Page, status: string): Promise<void> {
  await expect
    .poll(() => focused(page))
    .toMatchObject({ className: expect.stringContaining('workflow__status') });
  expect((await focused(page)).name).toContain(status);
}

it('editor submits, chief requests changes, approves and publishes: keyboard only', async () => {
  const f = fixtureArticle();
  // A second article waits in review for the chief's approval.
  const other = await h.call('articles.create', {
    fields: {
      kicker: f.kicker,
      headline: 'Bäderkonzept vorgestellt',
      teaser: f.teaser,
      byline: f.byline,
      section: f.section,
      tags: f.tags,
    },
    body: f.body,
  });
  await h.call('articles.transition', { id: other.id, to: 'in_review' });
  await h.call('sync.now', {});

  const { page, errors } = await h.open();
  await page.setViewportSize({ width: 1280, height: 800 });

  // The editor: Alt+N puts the cursor in the new headline.
  await tabTo(page, /^New article$/);
  await page.keyboard.press('Alt+n');
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'textarea', name: 'Headline' });
  await page.keyboard.type('Radweg am Kanal wird gebaut');
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ name: 'Teaser' });
  await page.keyboard.type('Der Rat hat am Abend entschieden: Der Radweg kommt.');
  await tabTo(page, /^Body/);
  await page.keyboard.type('Die Bauarbeiten beginnen im Frühjahr.');
  // Section and tags in the details panel beside the canvas.
  await tabTo(page, 'Section');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, 'Tags');
  await page.keyboard.type('Verkehr');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.getByTestId('missing-count').textContent())
    .toContain('Checklist complete');
  // Back up to the status line and submit.
  await tabTo(page, 'Submit for review', true, 80);
  await page.keyboard.press('Enter');
  await expectStatusFocused(page, 'In review');

  // The chief: the review queue from the navigation, then the article.
  await signInAs('chief');
  await page.reload();
  await page.locator('.app').waitFor();
  await tabTo(page, /^Review/);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Review queue' }).waitFor();
  await expect
    .poll(() => page.getByTestId('review-queue-row').count(), { timeout: 15_000 })
    .toBe(2);
  await tabTo(page, /Radweg am Kanal wird gebaut/);
  await page.keyboard.press('Enter');
  await page.getByTestId('workflow-status').waitFor();
  expect(await page.getByTestId('workflow-status').textContent()).toBe('In review');

  // Request changes: the comment first (the button stays disabled without it).
  await tabTo(page, 'Comment for the author');
  await page.keyboard.type('Bitte die Quelle nennen.');
  await tabTo(page, 'Request changes', true);
  await page.keyboard.press('Enter');
  await expectStatusFocused(page, 'Draft');

  // The other article: approve, then publish through the confirmation.
  await tabTo(page, /^Review/, true, 80);
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.getByTestId('review-queue-row').count(), { timeout: 15_000 })
    .toBe(1);
  await tabTo(page, /Bäderkonzept vorgestellt/);
  await page.keyboard.press('Enter');
  await page.getByTestId('workflow-status').waitFor();
  await tabTo(page, 'Approve');
  await page.keyboard.press('Enter');
  await expectStatusFocused(page, 'Approved');
  await tabTo(page, 'Publish');
  await page.keyboard.press('Enter');
  await page.locator('dialog[open]').waitFor();
  // The focus is in the dialog, and not on the button that publishes (a stray Enter).
  expect(await focused(page)).toMatchObject({ inDialog: true });
  expect((await focused(page)).name).not.toBe('Publish now');
  // Esc cancels and gives the focus back to Publish.
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
  expect(await focused(page)).toMatchObject({ name: 'Publish', inDialog: false });
  expect((await h.call('articles.get', { id: other.id })).status).toBe('approved');
  await page.keyboard.press('Enter');
  await page.locator('dialog[open]').waitFor();
  await tabTo(page, 'Publish now');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
  await expectStatusFocused(page, 'Published');
  expect((await h.call('articles.get', { id: other.id })).status).toBe('published');
  expect(errors).toEqual([]);
  await page.close();
}, 180_000);
