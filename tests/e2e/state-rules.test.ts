/**
 * Workflow state in the editor without a server: an article in review is read only for an
 * editor, with a banner saying why and what to do; a submit that cannot reach the server says
 * it is queued.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixtureArticle } from '../support/fixture-article';
import { type EditorHost, openArticle, startEditorHost } from './editor-helpers';

let h: EditorHost;
beforeAll(async () => {
  h = await startEditorHost();
});
afterAll(async () => {
  await h?.close();
});

async function completeDraft() {
  const f = fixtureArticle();
  return h.call('articles.create', {
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
}

it('submitting offline says queued, then the article is read only with a banner', async () => {
  const a = await completeDraft();
  const { page, errors } = await openArticle(h, a.id);
  expect(await page.getByTestId('read-only').count()).toBe(0);
  // The checklist names the step it guards: submitting now, approving once submitted.
  const checklistTitle = page.getByTestId('article-checklist').locator('h2');
  await expect.poll(() => checklistTitle.textContent()).toBe('Before submitting');
  const submit = page.getByRole('button', { name: 'Submit for review' });
  await expect.poll(() => submit.isDisabled()).toBe(false);
  await submit.click();
  const message = page.locator('.workflow__message');
  await expect
    .poll(() => message.textContent())
    .toBe('Queued: will be submitted for review when online.');

  const banner = page.getByTestId('read-only');
  await expect.poll(() => banner.textContent()).toContain('In review: read only.');
  expect(await banner.textContent()).toContain('Ask the desk to request changes');
  expect(await checklistTitle.textContent()).toBe('Before approving');
  // An editor deletes drafts only: the status line's Delete went with the submit.
  const bar = page.locator('.article-editor__bar');
  expect(await bar.getByRole('button', { name: 'Delete', exact: true }).count()).toBe(0);
  expect(await page.getByRole('region', { name: 'Before approving' }).count()).toBe(1);
  const headline = page.getByLabel('Headline', { exact: true });
  expect(await headline.isDisabled()).toBe(true);
  expect(await page.getByLabel('Tags', { exact: true }).isDisabled()).toBe(true);
  const bodyEl = page.locator('.body__editable');
  await expect.poll(() => bodyEl.getAttribute('contenteditable')).toBe('false');
  // Typing goes nowhere: the stored article keeps its text.
  await bodyEl.click();
  await page.keyboard.type('Nicht erlaubt');
  await page.waitForTimeout(800);
  const stored = await h.call('articles.get', { id: a.id });
  expect(JSON.stringify(stored.body)).not.toContain('Nicht erlaubt');
  expect(stored.headline).toBe(fixtureArticle().headline);
  expect(errors).toEqual([]);
  await page.close();
});

it('opens an article in review read only for an editor', async () => {
  const a = await completeDraft();
  await h.call('articles.transition', { id: a.id, to: 'in_review' });
  const { page, errors } = await h.open({ hash: `#article=${a.id}` });
  const banner = page.getByTestId('read-only');
  await expect.poll(() => banner.textContent()).toContain('In review: read only.');
  expect(await page.getByLabel('Teaser', { exact: true }).isDisabled()).toBe(true);
  expect(errors).toEqual([]);
  await page.close();
});

it('shows an empty state while no article is open, and Strg in the German shortcut help', async () => {
  const { page, errors } = await h.open();
  const empty = page.getByTestId('empty-state');
  await expect.poll(() => empty.textContent()).toContain('No article open');
  expect(await page.getByTestId('user-menu').count()).toBe(0);

  await h.call('settings.update', { language: 'de' });
  const de = await h.open({ locale: 'de-DE' });
  await expect
    .poll(() => de.page.getByTestId('empty-state').textContent())
    .toContain('Kein Artikel geöffnet');
  await de.page.keyboard.press('F1');
  const help = de.page.getByRole('dialog', { name: 'Tastenkürzel' });
  await help.waitFor();
  expect(await help.textContent()).toContain('Strg+B');
  expect(await help.textContent()).toContain('Strg+Umschalt+F');
  expect(await help.textContent()).not.toContain('Ctrl');
  await h.call('settings.update', { language: 'en' });
  expect([...errors, ...de.errors]).toEqual([]);
  await page.close();
  await de.page.close();
});
