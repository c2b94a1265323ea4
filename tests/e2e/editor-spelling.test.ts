import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  body,
  type EditorHost,
  openArticle,
  startEditorHost,
  storedBlocks,
  textOf,
  waitSaved,
} from './editor-helpers';

let h: EditorHost;
beforeAll(async () => {
  h = await startEditorHost();
});
afterAll(async () => {
  await h?.close();
});

/** The words underlined as misspelled, in document order. */
async function marked(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...(CSS.highlights.get('copydesk-spelling') ?? [])]
      .map((r) => r as Range)
      .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
      .map((r) => r.toString()),
  );
}

async function waitMarked(page: Page, expected: string[]): Promise<void> {
  await expect.poll(() => marked(page), { timeout: 15_000 }).toEqual(expected);
}

/** Right-clicks the middle of the underlined `word`. */
async function rightClick(page: Page, word: string): Promise<void> {
  const box = await page.evaluate((w) => {
    const r = [...(CSS.highlights.get('copydesk-spelling') ?? [])]
      .map((x) => x as Range)
      .find((x) => x.toString() === w);
    const b = r?.getBoundingClientRect();
    return b ? { x: b.x + b.width / 2, y: b.y + b.height / 2 } : null;
  }, word);
  if (!box) throw new Error(`"${word}" is not underlined`);
  await page.mouse.click(box.x, box.y, { button: 'right' });
}

async function typeInNewArticle(text: string, locale?: string) {
  const a = await h.call('articles.create', {});
  const app = await openArticle(h, a.id, locale);
  await body(app.page).click();
  await app.page.keyboard.type(text);
  return { id: a.id, ...app };
}

describe('spelling', () => {
  it('underlines "Zusammenarbiet" without touching the document, and the menu replaces it with "Zusammenarbeit"', async () => {
    const { id, page, errors } = await typeInNewArticle(
      'Die Zusammenarbiet mit der Straßenbahn-Gesellschaft läuft gut. ',
    );
    await waitMarked(page, ['Zusammenarbiet']);
    await waitSaved(page);
    // Only highlight ranges: no element was added to the editable DOM or the stored body.
    expect(await body(page).locator('mark, [class*="spell"]').count()).toBe(0);
    expect((await storedBlocks(h, id)).map(textOf)).toEqual([
      'Die Zusammenarbiet mit der Straßenbahn-Gesellschaft läuft gut. ',
    ]);

    await rightClick(page, 'Zusammenarbiet');
    const menu = page.getByRole('menu', { name: 'Spelling' });
    // Hunspell's suggestions for a German compound take a while on a busy machine.
    await expect
      .poll(() => menu.getByRole('menuitem').first().textContent(), { timeout: 15_000 })
      .toBe('Zusammenarbeit');
    const items = await menu.getByRole('menuitem').allTextContents();
    expect(items.slice(-2)).toEqual(['Ignore', 'Add to newsroom dictionary']);
    expect(items.length - 2).toBeLessThanOrEqual(5);
    // The first item has the focus, so Enter takes it.
    await page.keyboard.press('Enter');
    await expect.poll(() => menu.count()).toBe(0);
    await waitMarked(page, []);
    await waitSaved(page);
    expect((await storedBlocks(h, id)).map(textOf)).toEqual([
      'Die Zusammenarbeit mit der Straßenbahn-Gesellschaft läuft gut. ',
    ]);
    expect(errors).toEqual([]);
  });

  it('Escape closes the menu and changes nothing; "Ignore" clears the mark for the session', async () => {
    const { id, page } = await typeInNewArticle('Ein Fehlr im Text. ');
    await waitMarked(page, ['Fehlr']);
    await waitSaved(page);
    await rightClick(page, 'Fehlr');
    const menu = page.getByRole('menu');
    await menu.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);
    expect(await marked(page)).toEqual(['Fehlr']);
    expect((await storedBlocks(h, id)).map(textOf)).toEqual(['Ein Fehlr im Text. ']);

    await rightClick(page, 'Fehlr');
    await page.getByRole('menuitem', { name: 'Ignore' }).click();
    await waitMarked(page, []);
    expect((await storedBlocks(h, id)).map(textOf)).toEqual(['Ein Fehlr im Text. ']);
    expect((await h.call('settings.get', {})).personalDictionary).not.toContain('Fehlr');
  });

  it('a replaced word keeps its format: a bold misspelling becomes a bold correction', async () => {
    const a = await h.call('articles.create', {});
    const { page, errors } = await openArticle(h, a.id);
    await body(page).click();
    await page.keyboard.type('Ein ');
    await page.keyboard.press('Control+B');
    await page.keyboard.type('Fehlr');
    await page.keyboard.press('Control+B');
    await page.keyboard.type(' im Text. ');
    await waitMarked(page, ['Fehlr']);
    await rightClick(page, 'Fehlr');
    const fix = page
      .getByRole('menu', { name: 'Spelling' })
      .getByRole('menuitem', { name: 'Fehler', exact: true });
    await fix.waitFor({ timeout: 15_000 });
    await fix.click();
    await waitMarked(page, []);
    await waitSaved(page);
    const [p] = await storedBlocks(h, a.id);
    expect(p!.children!.map((n) => [n.text, n.format])).toEqual([
      ['Ein ', 0],
      ['Fehler', 1],
      [' im Text. ', 0],
    ]);
    expect(errors).toEqual([]);
  });

  it('in an article that became read only, the menu offers no replacements: Ignore and Add only', async () => {
    const { id, page, errors } = await typeInNewArticle('Ein Fehlr im Text. ');
    await waitMarked(page, ['Fehlr']);
    await waitSaved(page);
    await h.call('articles.delete', { id });
    await page.getByText('In the trash: read only.').waitFor();
    await rightClick(page, 'Fehlr');
    const menu = page.getByRole('menu', { name: 'Spelling' });
    await menu.waitFor();
    // Not even asked for suggestions: no "Checking…" while they load, none when they are in.
    expect(await menu.locator('.spelling-menu__note, [role="separator"]').count()).toBe(0);
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      'Ignore',
      'Add to newsroom dictionary',
    ]);
    await page.keyboard.press('Escape');
    expect((await storedBlocks(h, id)).map(textOf)).toEqual(['Ein Fehlr im Text. ']);
    expect(errors).toEqual([]);
  });

  it('"Add to newsroom dictionary" queues "citeq" for every desk and keeps it unmarked, also after a reload', async () => {
    const { id, page } = await typeInNewArticle('Der Dienstleister citeq betreut Vitako. ');
    await waitMarked(page, ['citeq', 'Vitako']);
    await rightClick(page, 'citeq');
    await page.getByRole('menuitem', { name: 'Add to newsroom dictionary' }).click();
    await waitMarked(page, ['Vitako']);
    expect((await h.call('dictionary.list', {})).items).toEqual([
      expect.objectContaining({ word: 'citeq', pending: true }),
    ]);
    // Not signed in: the mutation waits in the outbox for the next sync.
    expect((await h.call('sync.status', {})).pending).toBeGreaterThan(0);
    expect((await h.call('settings.get', {})).personalDictionary).not.toContain('citeq');

    await page.close();
    const again = await openArticle(h, id);
    await waitMarked(again.page, ['Vitako']);
    await again.page.close();
  });

  it('checks in the language chosen for the article, German by default', async () => {
    const { id, page } = await typeInNewArticle('Gute Nachrichten: the council agreed. ');
    await waitMarked(page, ['the', 'council', 'agreed']);
    const select = page.getByLabel('Spelling', { exact: true });
    expect(await select.inputValue()).toBe('de');
    await select.selectOption('en');
    await waitMarked(page, ['Gute', 'Nachrichten']);
    expect((await h.call('settings.get', {})).articleSpelling[id]).toBe('en');
    // Another article keeps German.
    const other = await typeInNewArticle('Ein Satz. ');
    expect(await other.page.getByLabel('Spelling', { exact: true }).inputValue()).toBe('de');
    await other.page.close();
    await page.close();
  });
});
