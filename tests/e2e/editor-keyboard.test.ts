import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, type EditorHost, startEditorHost } from './editor-helpers';

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
});
