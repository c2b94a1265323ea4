/**
 * The desk's look and feel as a test: axe-core on every view and dialog in light and dark, English
 * and German (no serious or critical violation); the editor canvas and details panel at 1280 and
 * 1024 px; the theme setting. With COPYDESK_SCREENSHOTS set, the main views are saved as PNGs
 * (docs/screenshots in the repository).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer } from '../sync/support/harness';
import { Client, body as serverBody, completeFields, login } from '../server/helpers';
import type { Started } from '../support/processes';
import { tempDir } from '../support/tmp';
import { fixture } from '../fixtures/images';
import { fixtureArticle, submittableArticle } from '../support/fixture-article';
import { type EditorHost, startEditorHost } from './editor-helpers';
import { audit } from './axe-helpers';

const shots = process.env.COPYDESK_SCREENSHOTS;

let h: EditorHost;
let server: Started;
let tmp: ReturnType<typeof tempDir>;
let draftId: string;

async function shot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`) });
}

const nav = (page: Page, index: number) => page.locator('.app__nav button').nth(index);
const dialog = (page: Page) => page.locator('dialog[open]');

async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog(page).count()).toBe(0);
}

beforeAll(async () => {
  tmp = tempDir('copydesk-desk-ui-');
  server = await startServer(`${tmp.dir}/server`);
  h = await startEditorHost();
  // One article in review on the server, for the chief's queue.
  const editor = new Client(server.url, await login(server.url, 'editor'));
  const id = randomUUID();
  await editor.push([
    {
      name: 'article.create',
      args: {
        id,
        fields: completeFields({ headline: 'Rat beschließt neuen Radweg am Kanal', byline: 'ab' }),
        body: serverBody('Der Rat hat am Abend entschieden.'),
      },
    },
  ]);
  await editor.push([{ name: 'article.transition', args: { id, from: 'draft', to: 'in_review' } }]);
  // A local draft with a long headline, some body and a library image.
  const f = fixtureArticle();
  const draft = await h.call('articles.create', {
    fields: {
      kicker: f.kicker,
      headline:
        'IT-Kooperation beschlossen: Stadt Münster und Landschaftsverband bündeln ihre Rechenzentren ab dem kommenden Jahr',
      teaser: f.teaser,
      byline: f.byline,
    },
    body: f.body,
  });
  draftId = draft.id;
  await h.call('images.import', {
    fileName: 'prinzipalmarkt.jpg',
    dataBase64: fixture('credits-orient6.jpg').toString('base64'),
  });
});
afterAll(async () => {
  await h?.close();
  await server?.stop();
  tmp?.cleanup();
});

describe('accessibility (axe-core) in every view, both themes, both languages', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const lang of ['en', 'de'] as const) {
      it(`${theme}, ${lang}: no serious or critical violations`, async () => {
        await h.call('settings.update', { theme });
        await h.call('sync.logout', {});
        const { page, errors } = await h.open({
          locale: lang === 'de' ? 'de-DE' : 'en-US',
          hash: `#article=${draftId}`,
        });
        await page.setViewportSize({ width: 1280, height: 800 });
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        const found: string[] = [];
        const name = (view: string) => `${view}-${theme}-${lang}`;

        const editable = page.locator('[contenteditable="true"][data-ready="true"]');
        await editable.waitFor();
        found.push(...(await audit(page, 'editor (draft)')));
        await shot(page, name('editor'));
        const timeline = page
          .locator('.article-editor__bar .status-line__button[aria-expanded]')
          .first();
        await timeline.click();
        await page.locator('.timeline').waitFor();
        found.push(...(await audit(page, 'editor with timeline')));
        await timeline.click();

        // The link dialog, from a selected word in the body.
        await editable.click();
        await page.keyboard.press('Home');
        await page.keyboard.press('Shift+ArrowRight');
        await page.keyboard.press('ControlOrMeta+k');
        await dialog(page).waitFor();
        found.push(...(await audit(page, 'link dialog')));
        await shot(page, name('dialog-link'));
        await closeDialog(page);

        await page.getByRole('toolbar').locator('.toolbar__button--image').click();
        await dialog(page).locator('.image-picker__item').first().waitFor();
        found.push(...(await audit(page, 'image picker')));
        await shot(page, name('dialog-image'));
        await closeDialog(page);

        await page.locator('.app__name').click();
        await page.keyboard.press('F1');
        await dialog(page).waitFor();
        found.push(...(await audit(page, 'shortcut help')));
        await closeDialog(page);

        await page.locator('.sync-status button').last().click();
        await dialog(page).waitFor();
        found.push(...(await audit(page, 'sign-in dialog')));
        await shot(page, name('dialog-signin'));
        await closeDialog(page);

        await page.locator('.article-editor__bar button').last().click(); // Close
        await expect.poll(() => page.locator('.article-editor').count()).toBe(0);
        found.push(...(await audit(page, 'article list')));
        await shot(page, name('list'));

        await nav(page, 1).click();
        await page.locator('.image-cell[data-image-id]').first().waitFor();
        found.push(...(await audit(page, 'image library')));
        await shot(page, name('images'));

        await nav(page, 3).click();
        await page.locator('.settings').waitFor();
        found.push(...(await audit(page, 'settings')));
        await shot(page, name('settings'));

        // The review queue is the desk chief's.
        await h.call('sync.login', { serverUrl: server.url, username: 'chief', password: 'chief' });
        await h.call('sync.now', {});
        await expect.poll(() => nav(page, 2).isEnabled(), { timeout: 15_000 }).toBe(true);
        await nav(page, 2).click();
        await expect
          .poll(() => page.getByTestId('review-queue-row').count(), { timeout: 15_000 })
          .toBe(1);
        found.push(...(await audit(page, 'review queue')));
        await shot(page, name('review'));

        expect(found).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }
});

/** Presses Tab `times` times and returns whether focus stayed inside the open dialog. */
async function tabStaysInside(page: Page, times: number, shift = false): Promise<boolean[]> {
  const inside: boolean[] = [];
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    inside.push(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]')));
  }
  return inside;
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase(),
      name: el?.getAttribute('name') ?? el?.getAttribute('aria-label') ?? el?.textContent?.trim(),
      inBody: !!el?.closest('[contenteditable="true"]'),
      testId: el?.getAttribute('data-testid'),
    };
  });

describe('keyboard only', () => {
  it('every dialog takes the focus, keeps Tab inside, closes on Esc and gives the focus back', async () => {
    await h.call('settings.update', { theme: 'system' });
    await h.call('sync.logout', {});
    const { page, errors } = await h.open({ hash: `#article=${draftId}` });
    const editable = page.locator('[contenteditable="true"][data-ready="true"]');
    await editable.click();

    // Link: Ctrl+K with the cursor in the body; typing goes to the address, not the text.
    await page.keyboard.press('ControlOrMeta+k');
    await dialog(page).waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'input' });
    expect(await dialog(page).getAttribute('aria-label')).toBe('Link');
    await page.keyboard.type('https://example.org');
    expect(await dialog(page).getByLabel('Link address').inputValue()).toBe('https://example.org');
    expect(await tabStaysInside(page, 6)).toEqual(Array(6).fill(true));
    expect(await tabStaysInside(page, 6, true)).toEqual(Array(6).fill(true));
    // The page behind is inert: its fields cannot take the focus.
    await page.getByLabel('Byline', { exact: true }).evaluate((el) => (el as HTMLElement).focus());
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true);
    await closeDialog(page);
    expect((await focused(page)).inBody).toBe(true);
    expect(await editable.textContent()).not.toContain('https://example.org');

    // Insert image (toolbar button reached by mouse; the dialog by keyboard).
    await page.getByRole('toolbar').locator('.toolbar__button--image').click();
    await dialog(page).locator('.image-picker__item').first().waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'input' });
    expect(await tabStaysInside(page, 8)).toEqual(Array(8).fill(true));
    await closeDialog(page);
    expect((await focused(page)).inBody).toBe(true);

    // Lead image picker: focus goes back to the button that opened it.
    const choose = page.getByRole('button', { name: 'Choose lead image' });
    await choose.focus();
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    expect(await tabStaysInside(page, 8)).toEqual(Array(8).fill(true));
    await closeDialog(page);
    expect(await choose.evaluate((el) => el === document.activeElement)).toBe(true);

    // Shortcut help from a button in the header.
    const help = page.getByRole('button', { name: 'Keyboard shortcuts' });
    await help.focus();
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'button', name: 'Close' });
    expect(await tabStaysInside(page, 3)).toEqual(Array(3).fill(true));
    await closeDialog(page);
    expect(await help.evaluate((el) => el === document.activeElement)).toBe(true);

    // Sign-in: Enter in the form does not reach the editor behind it.
    const signIn = page.locator('.sync-status button').last();
    await signIn.focus();
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'input' });
    expect(await tabStaysInside(page, 8)).toEqual(Array(8).fill(true));
    await closeDialog(page);
    expect(await signIn.evaluate((el) => el === document.activeElement)).toBe(true);

    // App shortcuts stand still while a dialog is open: Alt+N creates nothing.
    const before = (await h.call('articles.list', {})).items.length;
    await help.focus();
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    await page.keyboard.press('Alt+n');
    await closeDialog(page);
    expect((await h.call('articles.list', {})).items.length).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('new article puts the cursor in the headline; Add link in the new address field', async () => {
    const { page, errors } = await h.open();
    await page.locator('.app__name').click();
    await page.keyboard.press('Alt+n');
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'textarea', name: 'headline' });
    await page.keyboard.type('Neue Meldung');
    expect(await page.getByLabel('Headline', { exact: true }).inputValue()).toBe('Neue Meldung');
    // Enter does not break the headline into lines.
    await page.keyboard.press('Enter');
    expect(await page.getByLabel('Headline', { exact: true }).inputValue()).toBe('Neue Meldung');

    await page.getByRole('button', { name: 'Add link' }).click();
    expect(await focused(page)).toMatchObject({ tag: 'input', name: 'Link 1 address' });
    await page.keyboard.type('https://www.lwl.org');
    await page.getByRole('button', { name: 'Add link' }).click();
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'input', name: 'Link 2 address' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('after Submit the focus is on the new status', async () => {
    const f = fixtureArticle();
    const a = await h.call('articles.create', submittableArticle(f));
    const { page, errors } = await h.open({ hash: `#article=${a.id}` });
    const submit = page.getByRole('button', { name: 'Submit for review' });
    await expect.poll(() => submit.isEnabled()).toBe(true);
    await submit.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className ?? ''))
      .toContain('workflow__status');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('In review');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('layout', () => {
  for (const [width, height] of [
    [1280, 800],
    [1024, 768],
  ] as const) {
    it(`${width}×${height}: the canvas wraps a long headline and nothing scrolls sideways`, async () => {
      const { page, errors } = await h.open({ hash: `#article=${draftId}` });
      await page.setViewportSize({ width, height });
      await page.reload();
      await page.locator('[contenteditable="true"][data-ready="true"]').waitFor();
      const headline = page.getByLabel('Headline', { exact: true });
      const box = await headline.evaluate((el) => ({
        tag: el.tagName,
        scrollWidth: el.scrollWidth,
        clientWidth: el.clientWidth,
        height: el.getBoundingClientRect().height,
        lineHeight: parseFloat(getComputedStyle(el).lineHeight),
      }));
      expect(box.tag).toBe('TEXTAREA');
      expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
      expect(box.height).toBeGreaterThan(box.lineHeight * 1.9); // it wraps onto lines
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      const canvas = await page.locator('.canvas').boundingBox();
      expect(canvas!.width).toBeGreaterThanOrEqual(420);
      // The one status line is compact.
      const bar = await page.locator('.article-editor__bar').boundingBox();
      expect(bar!.height).toBeLessThanOrEqual(52);

      // The details panel: beside the canvas when wide, closed and in its place when narrow.
      const details = page.getByRole('complementary', { name: 'Article details' });
      const toggle = page.locator('.article-editor__bar [aria-controls]');
      if (width >= 1200) {
        expect(await details.isVisible()).toBe(true);
      } else {
        expect(await details.isVisible()).toBe(false);
        await toggle.click();
      }
      await details.waitFor();
      // Narrow, the open panel takes the canvas's place instead of lying over the headline.
      expect(await page.locator('.canvas').isVisible()).toBe(width >= 1200);
      for (const name of ['Section', 'Byline'])
        expect(await details.getByLabel(name, { exact: true }).isVisible()).toBe(true);
      expect(await details.getByRole('combobox', { name: 'Tags', exact: true }).isVisible()).toBe(
        true,
      );
      // The missing count opens the list.
      await toggle.click();
      expect(await details.isVisible()).toBe(false);
      await page.getByTestId('missing-count').click();
      await details.waitFor();
      // The focus moves in the frame after the panel opens.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
        .toBe('article-checklist');
      if (shots) await page.screenshot({ path: join(shots, `editor-${width}.png`) });
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('a window made narrow with the details open shows the text; wide again, the details are back', async () => {
    const { page, errors } = await h.open({ hash: `#article=${draftId}` });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.reload();
    await page.locator('[contenteditable="true"][data-ready="true"]').waitFor();
    const details = page.getByRole('complementary', { name: 'Article details' });
    const canvas = page.locator('.canvas');
    await details.waitFor();

    // Snapped to half of a 1920 px screen: the text stays, the details close.
    await page.setViewportSize({ width: 960, height: 800 });
    await expect.poll(() => details.isVisible()).toBe(false);
    expect(await canvas.isVisible()).toBe(true);
    expect(
      await page.locator('.article-editor__bar [aria-controls]').getAttribute('aria-expanded'),
    ).toBe('false');

    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => details.isVisible()).toBe(true);
    expect(await canvas.isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const [width, height] of [
    [1280, 800],
    [1024, 768],
  ] as const) {
    it(`${width}×${height}: the revision history takes the details panel's place, never the canvas's width`, async () => {
      const { page, errors } = await h.open({ hash: `#article=${draftId}` });
      await page.setViewportSize({ width, height });
      await page.reload();
      await page.locator('[contenteditable="true"][data-ready="true"]').waitFor();
      const bar = page.locator('.article-editor__bar');
      const details = page.getByRole('complementary', { name: 'Article details' });
      const history = page.getByRole('complementary', { name: 'Revision history' });
      const detailsToggle = bar.locator('[aria-controls]');
      if (!(await details.isVisible())) await detailsToggle.click();
      await details.waitFor();

      await bar.getByRole('button', { name: 'Revisions' }).click();
      await history.waitFor();
      expect(await details.isVisible()).toBe(false);
      expect(await detailsToggle.getAttribute('aria-expanded')).toBe('false');
      if (width >= 1200) {
        // Beside the history the canvas keeps the width it has beside the details.
        expect((await page.locator('.canvas').boundingBox())!.width).toBeGreaterThanOrEqual(420);
      } else {
        // Narrow, the history takes the canvas's place, as the details do.
        expect(await page.locator('.canvas').isVisible()).toBe(false);
        expect((await history.boundingBox())!.width).toBeGreaterThanOrEqual(420);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      if (shots) await page.screenshot({ path: join(shots, `history-${width}.png`) });

      // The details toggle brings the details back and closes the history; closing the history
      // brings back what was open before.
      await detailsToggle.click();
      await details.waitFor();
      expect(await history.count()).toBe(0);
      await bar.getByRole('button', { name: 'Revisions' }).click();
      await history.waitFor();
      await history.getByRole('button', { name: 'Close history' }).click();
      await details.waitFor();
      expect(await detailsToggle.getAttribute('aria-expanded')).toBe('true');
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  for (const lang of ['en', 'de'] as const) {
    it(`1024×768, ${lang}: the status line shows the save state with its time on one row`, async () => {
      const { language } = await h.call('settings.get', {});
      await h.call('settings.update', { language: lang });
      try {
        const { page, errors } = await h.open({
          locale: lang === 'de' ? 'de-DE' : 'en-US',
          hash: `#article=${draftId}`,
        });
        await page.setViewportSize({ width: 1024, height: 768 });
        await page
          .locator('[contenteditable="true"][data-ready="true"]')
          .waitFor({ state: 'attached' });
        const bar = page.locator('.article-editor__bar');
        // The byline is in the details panel (at 1024 it takes the canvas's place when open).
        // Opened at 1280 px, the page closed its details when it was made narrow.
        const details = page.locator('aside.details');
        await expect.poll(() => details.isVisible()).toBe(false);
        await bar.locator('[aria-controls]').click();
        const saveTime = bar.getByTestId('save-time');
        expect(await saveTime.count()).toBe(0); // nothing saved in this session yet
        // Without a time, "Saved" is not cut on the tight line: its icon, the words in the title.
        const save = bar.locator('.status-line__save');
        expect(
          await save.evaluate((el) => ({
            cut: el.scrollWidth > el.clientWidth + 1,
            icon: getComputedStyle(el.querySelector('.status-line__saved-icon')!).display,
          })),
        ).toEqual({ cut: false, icon: 'inline-block' });
        expect(await save.getAttribute('title')).toBe(lang === 'de' ? 'Gespeichert' : 'Saved');
        // Visiting a field that saves on leaving it, unchanged, saves nothing: still no time.
        await page.getByLabel(lang === 'de' ? 'Webadresse (Slug)' : 'Web address (slug)').focus();
        await page.keyboard.press('Tab');
        await page.waitForTimeout(300);
        expect(await saveTime.count()).toBe(0);
        // An edit and its undo (the byline ends as it was): a save, and its time on the line.
        await page.getByLabel(lang === 'de' ? 'Autorenzeile' : 'Byline', { exact: true }).click();
        await page.keyboard.press('End');
        await page.keyboard.type('x');
        await page.keyboard.press('Backspace');
        await expect.poll(() => saveTime.isVisible()).toBe(true);
        const time = await saveTime.textContent();
        expect(time).toMatch(lang === 'de' ? /^\d\d:\d\d$/ : /^\d{1,2}:\d\d\s[AP]M$/);
        // The words stay for screen readers and in the title.
        expect(await bar.getByTestId('save-status').textContent()).toBe(
          lang === 'de' ? 'Gespeichert' : 'Saved',
        );
        expect(await bar.locator('.status-line__save').getAttribute('title')).toBe(
          lang === 'de' ? `Gespeichert um ${time}` : `Saved at ${time}`,
        );
        if (shots) await page.screenshot({ path: join(shots, `editor-1024-${lang}.png`) });
        // On the line, inside the window, not covered, and the line is one row.
        const box = (await saveTime.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(1024);
        expect(
          await saveTime.evaluate((el) => {
            const r = el.getBoundingClientRect();
            return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
          }),
        ).toBe(true);
        expect((await bar.boundingBox())!.height).toBeLessThanOrEqual(52);
        expect(errors).toEqual([]);
        await page.close();
      } finally {
        await h.call('settings.update', { language });
      }
    });
  }

  it('at 200 % zoom in a 1024 px window nothing scrolls sideways; toolbar and details stay reachable', async () => {
    // Browser zoom (Ctrl +, the View menu's zoom in Electron) halves the CSS viewport: a 1024×768
    // window at 200 % lays out as 512×384 CSS pixels.
    const { page, errors } = await h.open({ hash: `#article=${draftId}` });
    await page.setViewportSize({ width: 512, height: 384 });
    await page.reload();
    await page.locator('[contenteditable="true"][data-ready="true"]').waitFor();
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    // Every toolbar button can be scrolled to and clicked.
    const toolbar = page.getByRole('toolbar');
    const buttons = toolbar.getByRole('button');
    expect(await buttons.count()).toBeGreaterThan(5);
    for (let i = 0; i < (await buttons.count()); i++) {
      const box = await buttons.nth(i).boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(512);
    }
    // The details panel opens from the status line and its fields are inside the window.
    // The canvas takes the width of the window.
    expect((await page.locator('.canvas').boundingBox())!.width).toBeGreaterThan(400);
    const details = page.getByRole('complementary', { name: 'Article details' });
    expect(await details.isVisible()).toBe(false);
    await page.locator('.article-editor__bar [aria-controls]').click();
    await details.waitFor();
    const byline = details.getByLabel('Byline', { exact: true });
    await byline.scrollIntoViewIfNeeded();
    const box = await byline.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(512);
    expect(await overflow()).toBeLessThanOrEqual(0);
    if (shots) await page.screenshot({ path: join(shots, 'editor-zoom-200.png') });
    // The open article takes the width; Close brings the list back, and every status-line
    // button is inside the window.
    for (const b of await page.locator('.article-editor__bar button').all()) {
      const r = await b.boundingBox();
      expect(r!.x + r!.width).toBeLessThanOrEqual(512);
    }
    await page.locator('.article-editor__bar button').last().click();
    await page.locator('.list').waitFor();
    expect(await page.locator('.list').boundingBox()).toMatchObject({ x: 0 });
    expect(await overflow()).toBeLessThanOrEqual(0);
    if (shots) await page.screenshot({ path: join(shots, 'list-zoom-200.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the over-limit counter is in the danger colour', async () => {
    const { page } = await h.open({ hash: `#article=${draftId}` });
    const count = page.getByTestId('headline-count');
    await count.waitFor();
    const [colour, danger] = await count.evaluate((el) => [
      getComputedStyle(el).color,
      getComputedStyle(document.documentElement).getPropertyValue('--danger').trim(),
    ]);
    expect(danger).toBe('#a3231a');
    expect(colour).toBe('rgb(163, 35, 26)');
    await page.close();
  });

  it('colours follow the system unless Settings says Light or Dark', async () => {
    await h.call('settings.update', { theme: 'system' });
    const { page, errors } = await h.open();
    const bg = () =>
      page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await bg()).toBe('rgb(21, 24, 28)');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await bg()).toBe('rgb(244, 245, 247)');
    await nav(page, 3).click();
    await page.getByLabel('Colours').selectOption('dark');
    await expect.poll(bg).toBe('rgb(21, 24, 28)');
    expect((await h.call('settings.get', {})).theme).toBe('dark');
    await page.getByLabel('Colours').selectOption('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(bg).toBe('rgb(244, 245, 247)');
    expect(errors).toEqual([]);
    await page.close();
    await h.call('settings.update', { theme: 'system' });
  });
});
