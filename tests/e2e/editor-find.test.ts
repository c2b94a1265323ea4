import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ensureBlockIdsJson } from '../../src-shared/richtext/blockIds';
import { bodyFromParagraphs } from '../../src-shared/richtext/plainText';
import {
  body,
  type EditorHost,
  openArticle,
  startEditorHost,
  storedBlocks,
  textOf,
  waitSaved,
} from './editor-helpers';
import { audit } from './axe-helpers';

let h: EditorHost;
beforeAll(async () => {
  h = await startEditorHost();
});
afterAll(async () => {
  await h?.close();
});

async function open(paragraphs: string[], headline: string) {
  const a = await h.call('articles.create', {
    fields: { headline },
    body: ensureBlockIdsJson(bodyFromParagraphs(paragraphs)),
  });
  return { id: a.id, ...(await openArticle(h, a.id)) };
}

const count = (page: Page) => page.getByTestId('find-count').textContent();

describe('find and replace in the article', () => {
  it('Ctrl+F counts matches with case and whole-word options and steps through them', async () => {
    const { page, errors } = await open(
      ['Der Rat tagte.', 'Der Stadtrat und der Rat-Vorsitz: rat mal.'],
      'Rat beschließt',
    );
    await body(page).click();
    await page.keyboard.press('Control+F');
    const find = page.getByRole('searchbox', { name: 'Find', exact: true });
    await expect.poll(() => find.evaluate((el) => el === document.activeElement)).toBe(true);
    await find.fill('rat');
    await expect.poll(() => count(page)).toBe('1 of 4 in the body (5 in the article)');
    await page.getByLabel('Whole words').check();
    await expect.poll(() => count(page)).toBe('1 of 3 in the body (4 in the article)');
    await page.getByLabel('Match case').check();
    await expect.poll(() => count(page)).toBe('1 of 1 in the body (1 in the article)');
    await page.getByLabel('Match case').uncheck();
    await find.press('Enter');
    await expect.poll(() => count(page)).toBe('2 of 3 in the body (4 in the article)');
    await find.press('Shift+Enter');
    await find.press('Shift+Enter');
    await expect.poll(() => count(page)).toBe('3 of 3 in the body (4 in the article)');
    // The current match is highlighted, not selected or changed.
    expect(
      await page.evaluate(() =>
        [...(CSS.highlights.get('copydesk-find-current') ?? [])].map((r) =>
          (r as Range).toString(),
        ),
      ),
    ).toEqual(['rat']);
    await find.fill('Zebra');
    await expect.poll(() => count(page)).toBe('No matches');
    await find.press('Escape');
    await expect.poll(() => page.getByRole('search').count()).toBe(0);
    expect(await page.evaluate(() => CSS.highlights.has('copydesk-find'))).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Ctrl+H replaces all in body and fields, reports the count, and one undo restores the body', async () => {
    const { id, page, errors } = await open(
      ['Der Rat tagte.', 'Der Stadtrat und der Rat: Rat mal.'],
      'Rat beschließt',
    );
    await body(page).click();
    await page.keyboard.press('Control+H');
    await page.getByRole('searchbox', { name: 'Find', exact: true }).fill('Rat');
    await page.getByLabel('Whole words').check();
    await page.getByLabel('Match case').check();
    await page.getByLabel('Replace with', { exact: true }).fill('Kreistag');
    await page.getByRole('button', { name: 'Replace all' }).click();
    await expect
      .poll(() => page.getByTestId('replace-count').textContent())
      .toBe('Replaced 4 times');
    await expect.poll(() => count(page)).toBe('No matches');
    await waitSaved(page);
    const a = await h.call('articles.get', { id });
    expect(a.headline).toBe('Kreistag beschließt');
    expect((await storedBlocks(h, id)).map(textOf)).toEqual([
      'Der Kreistag tagte.',
      'Der Stadtrat und der Kreistag: Kreistag mal.',
    ]);

    // One undo step brings the whole body back.
    await body(page).click();
    await page.keyboard.press('Control+Z');
    await waitSaved(page);
    expect((await storedBlocks(h, id)).map(textOf)).toEqual([
      'Der Rat tagte.',
      'Der Stadtrat und der Rat: Rat mal.',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('"Undo" takes a whole "Replace all" back, body and fields, and refuses once the article was edited since', async () => {
    const { id, page, errors } = await open(
      ['Der Rat tagte.', 'Der Rat: Rat mal.'],
      'Rat beschließt',
    );
    const replaceLine = page.getByTestId('replace-count');
    const undo = page.getByRole('button', { name: 'Undo replacement', exact: true });
    const replaceAll = async (find: string, by: string) => {
      await page.keyboard.press('Control+H');
      await page.getByRole('searchbox', { name: 'Find', exact: true }).fill(find);
      await page.getByLabel('Replace with', { exact: true }).fill(by);
      await page.getByRole('button', { name: 'Replace all' }).click();
    };
    const stored = async () => {
      await waitSaved(page);
      const a = await h.call('articles.get', { id });
      return { headline: a.headline, body: (await storedBlocks(h, id)).map(textOf) };
    };
    /** Clicks Undo, waits for what the replace line says, then checks what was stored. */
    const undoAndExpect = async (says: string, expected: Awaited<ReturnType<typeof stored>>) => {
      await undo.click();
      await expect.poll(() => replaceLine.textContent()).toBe(says);
      expect(await stored()).toEqual(expected);
    };
    const UNDONE = 'Replacement undone in the body and the fields';
    await body(page).click();

    // Body and headline replaced, then both back with one click.
    await replaceAll('Rat', 'Kreistag');
    await expect.poll(() => replaceLine.textContent()).toBe('Replaced 4 times');
    expect(await stored()).toEqual({
      headline: 'Kreistag beschließt',
      body: ['Der Kreistag tagte.', 'Der Kreistag: Kreistag mal.'],
    });
    // The bar with all it shows passes axe (labels, names, contrast).
    expect(await audit(page, 'find and replace bar')).toEqual([]);
    await undoAndExpect(UNDONE, {
      headline: 'Rat beschließt',
      body: ['Der Rat tagte.', 'Der Rat: Rat mal.'],
    });
    expect(await undo.count()).toBe(0);

    // Edited after the replace: Undo changes nothing and says how to go back instead.
    await replaceAll('Rat', 'Kreistag');
    await expect.poll(() => replaceLine.textContent()).toBe('Replaced 4 times');
    await body(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Ja.');
    const edited = {
      headline: 'Kreistag beschließt',
      body: ['Der Kreistag tagte.', 'Der Kreistag: Kreistag mal. Ja.'],
    };
    await undoAndExpect('The article was edited since: undo step by step with Ctrl+Z', edited);

    // Only a field matched: Undo gives the field back and leaves the body's last edit alone.
    await replaceAll('beschließt', 'tagt');
    await expect.poll(() => replaceLine.textContent()).toBe('Replaced 1 time');
    await undoAndExpect(UNDONE, edited);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Ctrl+F and Ctrl+H find in the open article from the list too; Ctrl+Shift+F still searches the list', async () => {
    const { page, errors } = await open(['Der Rat tagte.'], 'Rat tagt');
    const find = page.getByRole('searchbox', { name: 'Find', exact: true });
    const listSearch = page.getByRole('searchbox', { name: 'Search articles' });
    const focused = (l: typeof find) => l.evaluate((el) => el === document.activeElement);

    // The focus on the article's row in the list, as after opening it from there.
    await page.getByTestId('article-list').locator('button.row[aria-current="true"]').focus();
    await page.keyboard.press('Control+F');
    await expect.poll(() => focused(find)).toBe(true);
    expect(await listSearch.inputValue()).toBe('');
    await find.fill('rat');
    await expect.poll(() => count(page)).toBe('1 of 1 in the body (2 in the article)');
    expect(await page.getByLabel('Replace with', { exact: true }).count()).toBe(0);

    // From the list search box itself: Ctrl+H opens replace in the article, not the browser's.
    await listSearch.focus();
    await page.keyboard.press('Control+H');
    await expect.poll(() => focused(find)).toBe(true);
    expect(await page.getByLabel('Replace with', { exact: true }).count()).toBe(1);

    await page.keyboard.press('Control+Shift+F');
    await expect.poll(() => focused(listSearch)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in an article that became read only, Ctrl+H finds but offers no replacing, and says why', async () => {
    const { id, page, errors } = await open(['Der Rat tagte.'], 'Rat tagt');
    await body(page).click();
    await page.keyboard.press('Control+H');
    expect(await page.getByRole('button', { name: 'Replace all' }).count()).toBe(1);

    // Moved to the trash elsewhere: the open editor locks, and the replace line goes with it.
    await h.call('articles.delete', { id });
    await page.getByText('In the trash: read only.').waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Replace all' }).count()).toBe(0);
    const why = page.getByRole('note').filter({ hasText: 'Read only: you can find' });
    expect(await why.count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Find', exact: true }).fill('Rat');
    await expect.poll(() => count(page)).toBe('1 of 1 in the body (2 in the article)');

    // Ctrl+H again, from anywhere: still find only, and nothing stored changed.
    await page.locator('.app__name').click();
    await page.keyboard.press('Control+H');
    expect(await page.getByLabel('Replace with', { exact: true }).count()).toBe(0);
    const a = await h.call('articles.get', { id });
    expect([a.headline, (await storedBlocks(h, id)).map(textOf)]).toEqual([
      'Rat tagt',
      ['Der Rat tagte.'],
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('replaces one at a time, and an empty search replaces nothing', async () => {
    const { id, page } = await open(['eins zwei eins zwei eins'], 'Zählung');
    await body(page).click();
    await page.keyboard.press('Control+H');
    const replaceAll = page.getByRole('button', { name: 'Replace all' });
    expect(await replaceAll.isDisabled()).toBe(true);
    await page.getByRole('searchbox', { name: 'Find', exact: true }).fill('eins');
    await page.getByLabel('Replace with', { exact: true }).fill('drei');
    await page.getByRole('button', { name: 'Replace', exact: true }).click();
    await expect.poll(() => count(page)).toBe('1 of 2 in the body (2 in the article)');
    await waitSaved(page);
    expect((await storedBlocks(h, id)).map(textOf)).toEqual(['drei zwei eins zwei eins']);
    await page.close();
  });

  it('finds and replaces in a 1,000-paragraph article', async () => {
    const paragraphs = Array.from(
      { length: 1000 },
      (_, i) => `Absatz ${i + 1}: Die Stadt Münster und der LWL arbeiten zusammen.`,
    );
    const { id, page, errors } = await open(paragraphs, 'Lang');
    await body(page).click();
    await page.keyboard.press('Control+H');
    await page.getByRole('searchbox', { name: 'Find', exact: true }).fill('Münster');
    await expect.poll(() => count(page)).toBe('1 of 1000 in the body (1000 in the article)');
    await page.getByLabel('Replace with', { exact: true }).fill('Bielefeld');
    await page.getByRole('button', { name: 'Replace all' }).click();
    await expect
      .poll(() => page.getByTestId('replace-count').textContent())
      .toBe('Replaced 1000 times');
    await waitSaved(page, 20_000);
    const texts = (await storedBlocks(h, id)).map(textOf);
    expect(texts.filter((t) => t.includes('Bielefeld'))).toHaveLength(1000);
    expect(texts.some((t) => t.includes('Münster'))).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});
