import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  body,
  type EditorHost,
  type JsonBlock,
  openArticle,
  settle,
  startEditorHost,
  storedBlocks,
  textOf,
  waitSaved,
  writeClipboard,
} from './editor-helpers';

let h: EditorHost;
beforeAll(async () => {
  h = await startEditorHost();
});
afterAll(async () => {
  await h?.close();
});

async function newArticle(): Promise<{ id: string; page: Page; errors: string[] }> {
  const a = await h.call('articles.create', {});
  const app = await openArticle(h, a.id);
  return { id: a.id, ...app };
}

/** Dispatches a synthetic paste with the given clipboard types into the focused body. */
async function paste(page: Page, data: Record<string, string>): Promise<void> {
  await page.evaluate((items) => {
    const dt = new DataTransfer();
    for (const [type, value] of Object.entries(items)) dt.setData(type, value);
    const target = document.querySelector('[contenteditable="true"]')!;
    target.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
    );
  }, data);
}

const blockIds = (blocks: JsonBlock[]) => blocks.map((b) => b.$?.blockId ?? '');

describe('article body', () => {
  it('an empty body says where to write, on its first line, until there is text; a read-only one does not', async () => {
    const { page, errors } = await newArticle();
    const hint = page.locator('.body__placeholder');
    const editable = body(page);
    await expect.poll(() => hint.textContent()).toBe('Write the article here…');
    expect(await editable.getAttribute('aria-placeholder')).toBe('Write the article here…');
    // On the first line: its text starts where typed text starts.
    await editable.click();
    const offset = await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('.body__placeholder')!);
      const text = range.getBoundingClientRect();
      const line = document.querySelector('.body__editable > p')!.getBoundingClientRect();
      // The text's box is its font's height, the line's is the line height: compare centres.
      const centre = (r: DOMRect) => r.y + r.height / 2;
      return { x: text.x - line.x, y: centre(text) - centre(line) };
    });
    expect(Math.abs(offset.x)).toBeLessThan(2);
    expect(Math.abs(offset.y)).toBeLessThan(2);
    // Clicking it puts the caret in the body (it takes no clicks itself).
    expect(await hint.evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
    await page.keyboard.type('Am');
    await expect.poll(() => hint.count()).toBe(0);
    expect(await editable.getAttribute('aria-placeholder')).toBeNull();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await expect.poll(() => hint.count()).toBe(1);
    // A second, empty paragraph is text to come: no hint.
    await page.keyboard.press('Enter');
    await expect.poll(() => hint.count()).toBe(0);
    await page.keyboard.press('Backspace');
    await expect.poll(() => hint.count()).toBe(1);
    await waitSaved(page);
    await page.close();
    expect(errors).toEqual([]);

    // Read only (submitted with an empty body): no invitation to write.
    const submitted = await h.call('articles.create', {
      fields: { headline: 'Leer', teaser: 'Leer', section: 'politik', tags: ['Politik'] },
    });
    await h.call('articles.transition', { id: submitted.id, to: 'in_review' });
    const ro = await h.open({ hash: `#article=${submitted.id}` });
    await ro.page.getByTestId('read-only').waitFor();
    await expect
      .poll(() => ro.page.locator('.body__editable').getAttribute('contenteditable'))
      .toBe('false');
    expect(await ro.page.locator('.body__placeholder').count()).toBe(0);
    expect(await ro.page.locator('.body__editable').getAttribute('aria-placeholder')).toBeNull();
    await ro.page.close();
    expect(ro.errors).toEqual([]);
  });

  it('formats text, makes H2/H3, lists and quotes by shortcut and markdown, undoes and redoes', async () => {
    const { id, page, errors } = await newArticle();
    await body(page).click();
    // Each shortcut is typed, then the text once the block has changed, as a person sees it
    // change. Typed in one burst on a busy machine, the heading once kept the shortcut's space
    // (' Zwischentitel', a CI run), likely several keys reaching Lexical in one update.
    const shortcut = async (marker: string, block: string) => {
      await page.keyboard.type(marker);
      await body(page).locator(block).last().waitFor();
    };
    await shortcut('## ', 'h2');
    await page.keyboard.type('Zwischentitel');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Erster Absatz mit ');
    await page.keyboard.press('Control+B');
    await page.keyboard.type('fettem');
    await page.keyboard.press('Control+B');
    await page.keyboard.type(' und ');
    await page.keyboard.press('Control+I');
    await page.keyboard.type('kursivem');
    await page.keyboard.press('Control+I');
    await page.keyboard.type(' Text.');
    await page.keyboard.press('Enter');
    await shortcut('- ', 'ul');
    await page.keyboard.type('Punkt eins');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Punkt zwei');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // leaves the list
    await shortcut('1. ', 'ol');
    await page.keyboard.type('Erstens');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await shortcut('> ', 'blockquote');
    await page.keyboard.type('„Ein Zitat“');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Unterzeile');
    await page.keyboard.press('Control+Alt+3');
    await waitSaved(page);

    const blocks = await storedBlocks(h, id);
    expect(blocks.map((b) => [b.type, b.listType ?? b.tag ?? null, textOf(b)])).toEqual([
      ['heading', 'h2', 'Zwischentitel'],
      ['paragraph', null, 'Erster Absatz mit fettem und kursivem Text.'],
      ['list', 'bullet', 'Punkt einsPunkt zwei'],
      ['list', 'number', 'Erstens'],
      ['quote', null, '„Ein Zitat“'],
      ['heading', 'h3', 'Unterzeile'],
    ]);
    const runs = blocks[1]!.children!;
    expect(runs.find((r) => r.text === 'fettem')?.format).toBe(1);
    expect(runs.find((r) => r.text === 'kursivem')?.format).toBe(2);
    // Every block and list item has its own id.
    const ids = blockIds(blocks);
    expect(ids.every((x) => /^[A-Za-z0-9_-]{1,64}$/.test(x))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);

    // Ctrl+Alt+2 toggles the heading; Ctrl+Alt+0 back to a paragraph; undo and redo.
    await page.keyboard.press('Control+Alt+2');
    await expect.poll(() => page.locator('[contenteditable] h2').count()).toBe(2);
    await page.keyboard.press('Control+Alt+0');
    await expect.poll(() => page.locator('[contenteditable] h2').count()).toBe(1);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => page.locator('[contenteditable] h2').count()).toBe(2);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => page.locator('[contenteditable] h2').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('inserts, edits and removes links with Ctrl+K and refuses javascript: with a clear message', async () => {
    const { id, page, errors } = await newArticle();
    await body(page).click();
    await page.keyboard.type('Mehr beim LWL');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Control+K');
    const dialog = page.getByRole('dialog', { name: 'Link' });
    const url = dialog.getByLabel('Link address');
    await url.fill('javascript:alert(1)');
    await url.press('Enter');
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toBe('Links with "javascript:" are not allowed; only https, http and mailto.');
    await url.fill('//evil.example/x');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toContain('start with https://');
    await url.fill('www.lwl.org');
    await url.press('Enter');
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toContain('not a complete address');
    await url.fill('https://www.lwl.org');
    await url.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect
      .poll(() => page.locator('[contenteditable] a').getAttribute('href'))
      .toBe('https://www.lwl.org/');

    // Edit: caret inside the link, Ctrl+K shows the current address.
    await page.locator('[contenteditable] a').click();
    await settle(page);
    await page.keyboard.press('Control+K');
    await expect.poll(() => url.inputValue()).toBe('https://www.lwl.org/');
    await url.fill('mailto:presse@lwl.org');
    await url.press('Enter');
    await expect
      .poll(() => page.locator('[contenteditable] a').getAttribute('href'))
      .toBe('mailto:presse@lwl.org');
    await waitSaved(page);
    let blocks = await storedBlocks(h, id);
    const link = blocks[0]!.children!.find((c) => c.type === 'link');
    expect(link).toMatchObject({ url: 'mailto:presse@lwl.org' });
    expect(textOf(link!)).toBe('LWL');

    // Remove.
    await page.locator('[contenteditable] a').click();
    await settle(page);
    await page.keyboard.press('Control+K');
    await dialog.getByRole('button', { name: 'Remove link' }).click();
    await expect.poll(() => page.locator('[contenteditable] a').count()).toBe(0);
    await waitSaved(page);
    blocks = await storedBlocks(h, id);
    expect(blocks[0]!.children!.map((c) => c.type)).toEqual(['text']);
    expect(textOf(blocks[0]!)).toBe('Mehr beim LWL');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reduces hostile pasted HTML to article nodes and pastes plain text with Ctrl+Shift+V', async () => {
    const { id, page, errors } = await newArticle();
    await body(page).click();
    const hostile = [
      '<meta charset="utf-8"><style>p{color:red}</style>',
      '<script>window.__pwned = 1</script>',
      '<h1 style="position:fixed;top:0">Titel aus Word</h1>',
      '<p class="MsoNormal" style="color:red;font-size:40px" onclick="window.__pwned=2">',
      'Normal <b>fett</b> <i>kursiv</i> <span style="background:url(javascript:alert(1))">bunt</span>',
      ' <a href="javascript:alert(1)">böse</a> <a href="https://www.lwl.org" target="_blank" onmouseover="x()">gut</a>',
      '</p>',
      '<iframe src="https://evil.example/"></iframe>',
      '<img src="x" onerror="window.__pwned=3">',
      '<svg onload="window.__pwned=4"><text>svgtext</text></svg>',
      '<ul><li>eins</li><li>zwei</li></ul>',
      '<blockquote>Zitat</blockquote>',
      '<table><tr><td>Zelle</td></tr></table>',
    ].join('');
    await paste(page, { 'text/html': hostile, 'text/plain': 'plain version' });
    await waitSaved(page);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    const html = await body(page).innerHTML();
    expect(html).not.toMatch(
      /<script|<iframe|<img|<svg|<style|onclick|onerror|onload|onmouseover|javascript:/i,
    );
    expect(html).not.toMatch(/style="/);

    const blocks = await storedBlocks(h, id);
    const json = JSON.stringify(blocks);
    expect(json).not.toMatch(/javascript:|position:fixed|color:red|background|iframe|script/i);
    const allowed = new Set([
      'paragraph',
      'heading',
      'quote',
      'list',
      'listitem',
      'text',
      'link',
      'linebreak',
      'tab',
    ]);
    const walk = (n: JsonBlock): void => {
      expect(allowed.has(n.type), n.type).toBe(true);
      if (n.type === 'text') expect(n.style ?? '').toBe('');
      if (n.type === 'heading') expect(['h2', 'h3', 'h4']).toContain(n.tag);
      if (n.type === 'link') expect(n.url).toBe('https://www.lwl.org/');
      for (const c of n.children ?? []) walk(c);
    };
    blocks.forEach(walk);
    const text = blocks.map(textOf).join('|');
    expect(text).toContain('Titel aus Word');
    expect(text).toContain('Normal fett kursiv bunt böse gut');
    expect(text).toContain('eins');
    expect(text).toContain('Zitat');
    expect(blocks.some((b) => b.type === 'list')).toBe(true);
    const ids = blockIds(blocks);
    expect(new Set(ids).size).toBe(ids.length);

    // The real clipboard: Ctrl+V keeps bold and the link, Ctrl+Shift+V pastes plain text.
    await writeClipboard(
      page,
      '<p><b>nur</b> <a href="https://x.example/">Text</a></p><p>zweite Zeile</p>',
      'nur Text\nzweite Zeile',
    );
    await page.keyboard.press('Control+End');
    await settle(page);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+V');
    await expect
      .poll(() => page.locator('[contenteditable] a[href="https://x.example/"]').count())
      .toBe(1);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Shift+V');
    await waitSaved(page);
    const after = await storedBlocks(h, id);
    const tail = after.slice(-4);
    expect(tail.map((b) => [b.type, textOf(b)])).toEqual([
      ['paragraph', 'nur Text'],
      ['paragraph', 'zweite Zeile'],
      ['paragraph', 'nur Text'],
      ['paragraph', 'zweite Zeile'],
    ]);
    expect(tail[0]!.children!.map((c) => [c.type, c.type === 'text' ? c.format : null])).toEqual([
      ['text', 1],
      ['text', 0],
      ['link', null],
    ]);
    expect(tail[2]!.children!.map((c) => [c.type, c.format])).toEqual([['text', 0]]);
    // Parsing the clipboard (DOMParser, inert) makes Chromium report the CSP-blocked inline
    // styles and handlers of the payload; nothing else may have gone wrong.
    expect(errors.filter((e) => !/Content Security Policy.*blocked/.test(e))).toEqual([]);
    await page.close();
  });

  it('keeps block ids unique after copying and pasting blocks inside the body', async () => {
    const { id, page, errors } = await newArticle();
    await body(page).click();
    await page.keyboard.type('Absatz eins');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Absatz zwei');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- Liste');
    await waitSaved(page);
    const before = await storedBlocks(h, id);
    const beforeIds = blockIds(before);

    // Copy everything (Lexical's own clipboard format carries the block ids) and paste it at the end.
    await page.keyboard.press('Control+A');
    const copied = await page.evaluate(() => {
      const dt = new DataTransfer();
      const target = document.querySelector('[contenteditable="true"]')!;
      target.dispatchEvent(
        new ClipboardEvent('copy', { clipboardData: dt, bubbles: true, cancelable: true }),
      );
      return Object.fromEntries(dt.types.map((t) => [t, dt.getData(t)]));
    });
    expect(copied['application/x-lexical-editor']).toContain('blockId');
    await page.keyboard.press('Control+End');
    await settle(page);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // out of the list
    await paste(page, copied);
    await waitSaved(page);
    const after = await storedBlocks(h, id);
    const texts = after.map(textOf).filter(Boolean);
    expect(texts.filter((t) => t === 'Absatz eins')).toHaveLength(2);
    const ids = blockIds(after);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // The originals keep their ids.
    expect(ids.slice(0, 2)).toEqual(beforeIds.slice(0, 2));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('bounds the undo history at 100 steps', async () => {
    const { page, errors } = await newArticle();
    await body(page).click();
    await page.keyboard.type('Wort');
    await page.keyboard.press('Control+A');
    await settle(page);
    // 105 separate undo steps: bold on, off, on, … — bold after an odd number.
    for (let i = 0; i < 105; i++) await page.keyboard.press('Control+B');
    const bold = () => page.locator('[contenteditable] strong').count();
    expect(await bold()).toBe(1);
    // Undoing 105 times goes back only 100 steps (to after toggle 5: bold), not to the start.
    for (let i = 0; i < 105; i++) await page.keyboard.press('Control+Z');
    expect(await bold()).toBe(1);
    expect(await body(page).textContent()).toBe('Wort');
    await page.keyboard.press('Control+B');
    expect(await bold()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
