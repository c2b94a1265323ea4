/**
 * Opening an article, scrolling, moving the caret and selecting never create a
 * save, even when the stored body lacks block ids (the editor repairs them in memory); the first
 * real edit saves the repaired body.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../src-shared/richtext/plainText';
import { fixture } from '../fixtures/images';
import {
  body,
  type EditorHost,
  openArticle,
  settle,
  startEditorHost,
  status,
  waitSaved,
} from './editor-helpers';

let h: EditorHost;
beforeAll(async () => {
  h = await startEditorHost();
});
afterAll(async () => {
  await h?.close();
});

it('opens, scrolls and selects without saving; the first edit saves the repaired ids', async () => {
  const paragraphs = Array.from({ length: 60 }, (_, i) => `Absatz ${i + 1}: ohne Block-Id.`);
  // As an older version stored it: blocks without ids, and an image whose copy of the credit
  // is older than the library's (the editor brings it up to date in memory).
  const image = await h.call('images.import', {
    fileName: 'credits-orient6.jpg',
    dataBase64: fixture('credits-orient6.jpg').toString('base64'),
  });
  const stored = bodyFromParagraphs(paragraphs);
  for (const block of stored.root.children as Record<string, unknown>[]) delete block.$;
  stored.root.children.splice(3, 0, {
    type: 'article-image',
    version: 1,
    imageId: image.id,
    caption: 'Bild',
    credit: 'Alte Agentur',
    alt: '',
  });
  expect(JSON.stringify(stored)).not.toContain('blockId');
  const a = await h.call('articles.create', { fields: { headline: 'Alt' }, body: stored });
  const before = await h.call('articles.get', { id: a.id });

  const { page, errors } = await openArticle(h, a.id);
  await expect
    .poll(() => page.locator('.article-image__credit').first().textContent())
    .toBe('Bildquelle: LWL');
  await body(page).locator('p').nth(2).click();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('ControlOrMeta+a');
  await page.mouse.wheel(0, 4000);
  await body(page).locator('p').nth(50).click();
  await settle(page);
  // Well past the autosave delay (500 ms).
  await page.waitForTimeout(1500);
  expect(await status(page).textContent()).toBe('Saved');
  const after = await h.call('articles.get', { id: a.id });
  expect(after.revision).toBe(before.revision);
  expect(after.updatedAt).toBe(before.updatedAt);
  expect(JSON.stringify(after.body)).toBe(JSON.stringify(before.body));

  // A real edit saves, with every block's id.
  await page.keyboard.press('End');
  await page.keyboard.type(' Geändert.');
  await waitSaved(page);
  const edited = await h.call('articles.get', { id: a.id });
  expect(edited.revision).toBe(before.revision + 1);
  const blocks = edited.body.root.children as {
    blockId?: string;
    credit?: string;
    $?: { blockId?: string };
  }[];
  expect(blocks.every((b) => typeof (b.$?.blockId ?? b.blockId) === 'string')).toBe(true);
  expect(blocks[3]?.credit).toBe('LWL');
  expect(errors).toEqual([]);
  await page.close();
});
