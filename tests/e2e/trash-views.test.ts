/**
 * The article list's saved views and filters, and the Trash: delete from the editor and from
 * the list with "Undo", who deleted what and when (here and on another desk), restore, and the
 * rule that a published article is unpublished first. A (browser) is the editor, B the chief.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSyncEditorPair, type SyncEditorPair } from './sync-editor-helpers';
import { fixtureArticle } from '../support/fixture-article';
import type { Client } from '../sync/support/harness';
import { placeholderRoom, type EditorHost } from './editor-helpers';

/** With COPYDESK_SCREENSHOTS=DIR, the views are saved there as PNGs to look at. */
const shots = process.env.COPYDESK_SCREENSHOTS;
const shoot = async (page: Page, name: string) =>
  shots ? void (await page.screenshot({ path: `${shots}/${name}.png` })) : undefined;

let pair: SyncEditorPair;
let h: EditorHost;
let b: Client;

beforeAll(async () => {
  pair = await startSyncEditorPair('copydesk-trash-views-', 'chief');
  ({ h, b } = pair);
});
afterAll(async () => {
  await pair?.close();
});

const f = fixtureArticle();
const complete = (headline: string) => ({
  fields: {
    kicker: f.kicker,
    headline,
    teaser: f.teaser,
    byline: f.byline,
    section: f.section,
    tags: ['Politik'],
  },
  body: f.body,
});

/** The headlines the list shows now (after it settled on `count`). */
async function listed(page: Page, count: number): Promise<string[]> {
  const rows = page.getByTestId('article-list').locator('.row__headline');
  await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(count);
  return (await rows.allTextContents()).sort();
}

async function chooseView(page: Page, label: string, expected: string[]): Promise<void> {
  await page.getByLabel('View', { exact: true }).selectOption({ label });
  const rows = page.getByTestId('article-list').locator('.row__headline');
  // Wait for this view's rows, not the previous view's (which may have as many).
  await expect
    .poll(async () => (await rows.allTextContents()).sort(), { timeout: 10_000 })
    .toEqual([...expected].sort());
}

it('lists each saved view, filters with the search, deletes with undo, and restores from the Trash', async () => {
  const draft = await h.call('articles.create', complete('Entwurf Eins'));
  const waiting = await h.call('articles.create', complete('Zur Abnahme'));
  const sentBack = await h.call('articles.create', complete('Zurückgeschickt'));
  const live = await h.call('articles.create', complete('Schon online'));
  const doomed = await h.call('articles.create', complete('Vom Chef gelöscht'));
  for (const a of [waiting, sentBack, live]) {
    await h.call('articles.transition', { id: a.id, to: 'in_review' });
  }
  await h.call('sync.now', {});
  await b.api['sync.now']({});
  await b.api['articles.transition']({ id: sentBack.id, to: 'draft', comment: 'Quelle fehlt.' });
  await b.api['articles.transition']({ id: live.id, to: 'approved' });
  await b.api['sync.now']({});
  await b.api['articles.transition']({ id: live.id, to: 'published' });
  await b.api['articles.delete']({ id: doomed.id });
  await b.api['sync.now']({});
  await h.call('sync.now', {});
  expect((await h.call('articles.get', { id: live.id })).status).toBe('published');

  // A published article cannot be deleted here either, with the server's reason; nothing changes.
  const refused = await h.call('articles.delete', { id: live.id }).catch((e: unknown) => e);
  expect(String(refused)).toMatch(/"code":"conflict".*"serverCode":"published"/);
  expect((await h.call('articles.get', { id: live.id })).deletedAt).toBeNull();

  const { page, errors } = await h.open();
  const all = ['Entwurf Eins', 'Schon online', 'Zur Abnahme', 'Zurückgeschickt'];
  expect(await listed(page, 4)).toEqual([...all].sort());
  await chooseView(page, 'My drafts', ['Entwurf Eins', 'Zurückgeschickt']);
  await chooseView(page, 'Waiting for review', ['Zur Abnahme']);
  await chooseView(page, 'Changes requested', ['Zurückgeschickt']);
  await chooseView(page, 'Published', ['Schon online']);
  // A published row offers no "Delete".
  expect(await page.getByRole('button', { name: /^Delete/ }).count()).toBe(0);

  // Filters on top of a view, and the search inside the view's filter.
  await chooseView(page, 'All articles', all);
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Draft' });
  expect(await listed(page, 2)).toEqual(['Entwurf Eins', 'Zurückgeschickt']);
  await page.getByLabel('Author', { exact: true }).selectOption({ label: 'editor' });
  expect(await listed(page, 2)).toEqual(['Entwurf Eins', 'Zurückgeschickt']);
  await page.getByLabel('Changed', { exact: true }).selectOption({ label: 'Today' });
  expect(await listed(page, 2)).toEqual(['Entwurf Eins', 'Zurückgeschickt']);
  await shoot(page, 'list-filters');
  await page.getByLabel('Search articles').fill('Eins');
  await expect.poll(() => page.locator('.list__count').textContent()).toBe('1 result');
  await page.getByLabel('Search articles').fill('');
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'In review' });
  await page.getByLabel('Search articles').fill('Eins');
  await expect.poll(() => page.locator('.list__count').textContent()).toBe('0 results');
  await page.getByLabel('Search articles').fill('');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  expect(await listed(page, 4)).toHaveLength(4);

  // Delete the open article from the editor: it closes; "Undo" puts it back.
  await page.locator('button.row', { hasText: 'Entwurf Eins' }).click();
  await page.locator('[contenteditable="true"][data-ready="true"]').waitFor();
  await page.locator('.article-editor').getByRole('button', { name: 'Delete' }).click();
  const toast = page.getByTestId('trash-toast');
  await expect
    .poll(() => toast.textContent(), { timeout: 10_000 })
    .toContain('“Entwurf Eins” moved to the Trash.');
  expect(await page.getByText('No article open').count()).toBe(1);
  await shoot(page, 'deleted-undo');
  expect(await page.getByRole('status').filter({ hasText: 'moved to the Trash' }).count()).toBe(1);
  expect(await listed(page, 3)).not.toContain('Entwurf Eins');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect
    .poll(() => toast.textContent(), { timeout: 10_000 })
    .toContain('“Entwurf Eins” restored.');
  expect(await listed(page, 4)).toContain('Entwurf Eins');

  // Delete from the list by keyboard (Delete on the focused row).
  await page.locator('button.row', { hasText: 'Zurückgeschickt' }).focus();
  await page.keyboard.press('Delete');
  await expect
    .poll(() => toast.textContent(), { timeout: 10_000 })
    .toContain('“Zurückgeschickt” moved to the Trash.');
  expect(await listed(page, 3)).not.toContain('Zurückgeschickt');

  // The Trash: who deleted what; Restore puts it back. The view survives a reload.
  await chooseView(page, 'Trash', ['Vom Chef gelöscht', 'Zurückgeschickt']);
  const trash = page.getByTestId('article-list');
  // By display name, the username on hover.
  const deletedBy = (headline: string) =>
    trash.getByRole('listitem').filter({ hasText: headline }).locator('.row__meta');
  await expect
    .poll(() => deletedBy('Zurückgeschickt').textContent())
    .toMatch(/^Deleted by Anna Berg\d/);
  expect(await deletedBy('Zurückgeschickt').getAttribute('title')).toBe('editor');
  await expect
    .poll(() => deletedBy('Vom Chef gelöscht').textContent())
    .toMatch(/^Deleted by Miriam Krause\d/);
  expect(await deletedBy('Vom Chef gelöscht').getAttribute('title')).toBe('chief');
  // The time is shown whole beside the name, however narrow the list.
  const time = deletedBy('Vom Chef gelöscht').locator('time');
  expect(await time.textContent()).toMatch(/\d{1,2}:\d{2}/);
  expect(await time.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  await shoot(page, 'trash');
  // In German ("Wiederherstellen") on a narrow window, "Restore" never covers the headline.
  {
    const de = await h.open({ locale: 'de-DE' });
    await de.page.setViewportSize({ width: 1000, height: 700 });
    // The view chosen above is kept (a setting of this desk).
    const rows = de.page.getByTestId('article-list').getByRole('listitem');
    await expect.poll(() => rows.locator('.trash-row__restore').count()).toBe(2);
    for (const row of await rows.all()) {
      const headline = (await row.locator('.row__headline').boundingBox())!;
      const restore = (await row.locator('.trash-row__restore').boundingBox())!;
      expect(headline.x + headline.width).toBeLessThanOrEqual(restore.x);
    }
    await shoot(de.page, 'trash-de-narrow');
    expect(de.errors).toEqual([]);
    await de.page.close();
  }
  await page.reload();
  await expect
    .poll(() => page.getByLabel('View', { exact: true }).inputValue(), { timeout: 10_000 })
    .toBe('trash');
  expect(await listed(page, 2)).toHaveLength(2);
  await page.getByRole('button', { name: 'Restore “Zurückgeschickt”' }).click();
  expect(await listed(page, 1)).toEqual(['Vom Chef gelöscht']);
  expect((await h.call('articles.get', { id: sentBack.id })).deletedAt).toBeNull();
  await h.call('sync.now', {});
  await b.api['sync.now']({});
  expect((await b.api['articles.get']({ id: sentBack.id })).status).toBe('draft');
  expect((await b.api['articles.get']({ id: sentBack.id })).deletedAt).toBeNull();
  expect((await h.call('articles.get', { id: draft.id })).deletedAt).toBeNull();
  expect(errors).toEqual([]);
  await page.close();
});

it('a list row keeps its status and time whole however narrow the list: a clock time for today, the whole date on hover', async () => {
  for (const [locale, clock, view] of [
    ['de-DE', /^\d{2}:\d{2}$/, 'Alle Artikel'],
    ['en-US', /^\d{1,2}:\d{2}\s?[AP]M$/, 'All articles'],
  ] as const) {
    const { page, errors } = await h.open({ locale });
    await page.setViewportSize({ width: 1000, height: 700 });
    const views = page.getByTestId('list-view');
    await views.waitFor();
    // The view chosen last is kept (a setting of this desk): let it load before choosing.
    await expect
      .poll(() => page.locator('.list__count').textContent(), { timeout: 10_000 })
      .toMatch(/\d/);
    await views.selectOption({ label: view });
    const rows = page.getByTestId('article-list').locator('button.row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    for (const row of await rows.all()) {
      // The time at the end of the top line, beside the kicker, but last in the row's text: the
      // row's name reads kicker and headline first.
      const time = row.locator('.row__time');
      const shownTime = (await time.textContent())!;
      expect(shownTime).toMatch(clock);
      const name = (await row.textContent())!;
      expect(name.startsWith('Münster/LWL:')).toBe(true);
      expect(name.endsWith(shownTime)).toBe(true);
      const [top, timeBox] = [
        await row.locator('.row__top').boundingBox(),
        await time.boundingBox(),
      ];
      expect(Math.abs(top!.y - timeBox!.y)).toBeLessThan(4);
      // The whole date and time on hover, with the year.
      expect(await time.getAttribute('title')).toContain(String(new Date().getFullYear()));
      for (const whole of [time, row.locator('.row__meta > .status')]) {
        const fits = await whole.evaluate((el) => {
          const box = el.getBoundingClientRect();
          const line = el.parentElement!.getBoundingClientRect();
          return el.scrollWidth <= el.clientWidth && box.right <= line.right + 0.5;
        });
        expect(fits).toBe(true);
      }
      // The status line shows nothing cut: each part is whole on it or left out (on the hidden
      // second line); the status and any badge are on it.
      const parts = await row.locator('.row__meta').evaluate((line) => {
        const box = line.getBoundingClientRect();
        return [...line.children].map((el) => {
          const r = el.getBoundingClientRect();
          const shown = r.top < box.bottom - 0.5;
          return {
            name: el.className,
            shown,
            whole: !shown || (r.right <= box.right + 0.5 && r.bottom <= box.bottom + 0.5),
          };
        });
      });
      expect(parts.filter((p) => !p.whole)).toEqual([]);
      for (const p of parts)
        if (/status|badge/.test(p.name))
          expect(p, `${p.name} is shown`).toMatchObject({ shown: true });
    }
    // The search box's placeholder is whole, with no article open and beside an open one.
    const search = page.getByRole('searchbox').first();
    const fit = async () => {
      const { text, room } = await placeholderRoom(search);
      expect(text).toBeGreaterThan(40);
      expect(text).toBeLessThanOrEqual(room);
    };
    await fit();
    await rows.first().click();
    await page
      .locator('[contenteditable="true"][data-ready="true"]')
      .waitFor({ state: 'attached' });
    await fit();
    await shoot(page, `list-narrow-${locale}`);
    expect(errors).toEqual([]);
    await page.close();
  }
});
