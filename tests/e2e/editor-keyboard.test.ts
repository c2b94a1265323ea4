import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, type EditorHost, openArticle, startEditorHost } from './editor-helpers';

let h: EditorHost;
beforeAll(async () => {
  h = await startEditorHost();
});
afterAll(async () => {
  await h?.close();
});

describe('keyboard', () => {
  it('Alt+N makes a new article, Ctrl+Shift+F and "/" focus the list search, F1 and "?" show the shortcut help', async () => {
    const { page, errors } = await h.open();
    const before = (await h.call('articles.list', {})).total;

    // Alt+N: new article, opened in the editor with the body ready.
    await page.keyboard.press('Alt+N');
    await body(page).waitFor();
    await expect.poll(async () => (await h.call('articles.list', {})).total).toBe(before + 1);
    expect(
      await page.getByRole('button', { name: 'New article' }).getAttribute('aria-keyshortcuts'),
    ).toBe('Alt+N');

    // "?" typed in the body is text, not the help.
    await body(page).click();
    await page.keyboard.type('Warum?');
    expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(0);

    // Ctrl+Shift+F from inside the body focuses the list search (Ctrl+F finds in the article).
    await page.keyboard.press('Control+Shift+F');
    const search = page.getByRole('searchbox', { name: 'Search articles' });
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.locator('.app__name').click(); // focus outside any text field
    await page.keyboard.press('/');
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await search.inputValue()).toBe('');

    // F1 opens the help (also from a text field); Escape closes it and returns the focus.
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    const rows = await help.getByRole('row').allTextContents();
    for (const expected of [
      'BoldCtrl+B',
      'ItalicCtrl+I',
      'Insert, edit or remove a linkCtrl+K',
      'Heading 2Ctrl+Alt+2',
      'Heading 3Ctrl+Alt+3',
      'New articleAlt+N',
      'Search the article listCtrl+Shift+F / /',
      'Find in the articleCtrl+F',
      'Find and replace in the articleCtrl+H',
      'Show this helpF1 / ?',
      'Paste as plain textCtrl+Shift+V',
      'Move between the rows of the article list↑ / ↓ / Page Up / Page Down / Home / End',
      'Move the article of a list row to the trashDelete',
    ]) {
      expect(rows).toContain(expected);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.locator('.app__name').click();
    await page.keyboard.press('Shift+?');
    await help.waitFor();
    await help.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => help.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Tab goes from the teaser to the body through one stop on the toolbar; arrows, Home, End and Escape work inside it', async () => {
    const a = await h.call('articles.create', { fields: { headline: 'Ampel am Ring' } });
    const { page, errors } = await openArticle(h, a.id);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return el.isContentEditable ? 'body' : (el.getAttribute('aria-label') ?? el.tagName);
      });
    await page.getByLabel('Teaser', { exact: true }).click();
    const stops: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      stops.push(await focused());
    }
    expect(stops).toEqual(['SELECT', 'Bold', 'body']); // spelling language, toolbar, body

    // Inside the toolbar: arrows move and wrap, Home and End go to the ends.
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('Bold');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('Italic');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const last = await focused();
    expect(last).not.toBe('Bold');
    await page.keyboard.press('Home');
    expect(await focused()).toBe('Bold');
    await page.keyboard.press('End');
    expect(await focused()).toBe(last);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight'); // Heading 2
    // The toolbar keeps the button last used as its tab stop.
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('body');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('Heading 2');
    // Escape goes back to the body.
    await page.keyboard.press('Escape');
    await expect.poll(focused).toBe('body');
    // Enter on a button acts, and typing goes on in the body.
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('Heading 2');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('body');
    await page.keyboard.type('Bauarbeiten');
    await expect.poll(() => page.locator('.body__editable h2').textContent()).toBe('Bauarbeiten');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the article list is one tab stop: arrows, Page keys, Home and End move between rows, Enter opens one', async () => {
    for (const headline of ['Liste Eins', 'Liste Zwei', 'Liste Drei'])
      await h.call('articles.create', { fields: { headline } });
    const { page, errors } = await h.open();
    const count = Number(
      (await page.getByTestId('list-count').textContent())?.match(/\d+/)?.[0] ?? 'NaN',
    );
    expect(count).toBeGreaterThanOrEqual(3);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return {
          row: el.closest<HTMLElement>('[data-index]')?.dataset.index ?? null,
          isRow: el.classList.contains('row'),
        };
      });
    // From the filter bar, Tab lands on the first row: the delete buttons are no tab stops.
    await page.getByRole('button', { name: 'Filters' }).focus();
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ row: '0', isRow: true });
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toEqual({ row: '1', isRow: true });
    await page.keyboard.press('End');
    await expect.poll(focused).toEqual({ row: String(count - 1), isRow: true });
    await page.keyboard.press('PageUp');
    await expect.poll(async () => Number((await focused()).row)).toBeLessThan(count - 1);
    await page.keyboard.press('Home');
    await expect.poll(focused).toEqual({ row: '0', isRow: true });
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toEqual({ row: '1', isRow: true });
    // Tab leaves the list; Shift+Tab comes back to the row last on.
    await page.keyboard.press('Tab');
    expect((await focused()).row).toBeNull();
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toEqual({ row: '1', isRow: true });
    // Enter opens it.
    const headline = await page.locator('[data-index="1"] .row__headline').textContent();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByLabel('Headline', { exact: true }).inputValue())
      .toBe(headline);
    expect(errors).toEqual([]);
    await page.close();
  });
});
