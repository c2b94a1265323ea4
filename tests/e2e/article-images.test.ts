/**
 * Images in articles: inline `article-image` nodes inserted from the library,
 * keyboard and undo around them, per-use captions in plain inputs, the lead image (library or
 * import on the spot), and the checklist that names images without a credit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { fixture, type FixtureName } from '../fixtures/images/index';
import {
  body,
  caretTaken,
  type EditorHost,
  type JsonBlock,
  openArticle,
  settle,
  startEditorHost,
  storedBlocks,
  textOf,
  waitSaved,
} from './editor-helpers';

let h: EditorHost;
let credited: string; // credits-orient6.jpg: credit "LWL"
let uncredited: string; // plain.png: no metadata, no credit

async function importImage(name: FixtureName): Promise<string> {
  const image = await h.call('images.import', {
    fileName: name,
    dataBase64: fixture(name).toString('base64'),
  });
  return image.id;
}

beforeAll(async () => {
  h = await startEditorHost();
  credited = await importImage('credits-orient6.jpg');
  uncredited = await importImage('plain.png');
});
afterAll(async () => {
  await h?.close();
});

async function newArticle(): Promise<{ id: string; page: Page; errors: string[] }> {
  const a = await h.call('articles.create', {});
  const app = await openArticle(h, a.id);
  return { id: a.id, ...app };
}

const figures = (page: Page) => page.getByTestId('article-image');

/** Opens "Insert image" from the toolbar and picks `imageId` from the library. */
/** Inserts a library image; the picker's second step asks for its alt text (kept as given). */
async function insertFromLibrary(page: Page, imageId: string, alt?: string): Promise<void> {
  await page.getByRole('toolbar').getByRole('button', { name: 'Insert image' }).click();
  const dialog = page.getByRole('dialog', { name: 'Insert an image' });
  await dialog.locator(`button[data-image-id="${imageId}"]`).click();
  if (alt !== undefined) await dialog.getByLabel('Alt text').fill(alt);
  await dialog.getByRole('button', { name: 'Use image' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
}

/** The image's web rendition is really shown (decoded, non-zero size). */
async function imageShown(page: Page, index = 0): Promise<boolean> {
  return figures(page)
    .nth(index)
    .locator('img')
    .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)
    .catch(() => false);
}

const isSelected = (page: Page, index = 0) =>
  figures(page)
    .nth(index)
    .evaluate((f) => f.classList.contains('article-image__figure--selected'));

const shape = (blocks: JsonBlock[]) =>
  blocks.map((b) => (b.type === 'article-image' ? `image:${String(b.imageId)}` : textOf(b)));

describe('images in the article body', () => {
  it('inserts a library image from the toolbar as an article-image node with caption and credit; keys in the caption stay out of the body', async () => {
    const { id, page, errors } = await newArticle();
    await body(page).click();
    await page.keyboard.type('Erster Absatz');
    await insertFromLibrary(page, credited);
    await expect.poll(() => figures(page).count()).toBe(1);
    await expect.poll(() => imageShown(page)).toBe(true);
    await expect
      .poll(() => figures(page).locator('.article-image__credit').textContent())
      .toBe('Bildquelle: LWL');
    // The caret is in the paragraph below the image.
    await page.keyboard.type('Nach dem Bild');

    // The per-use caption starts as the library's caption and is a plain input.
    const caption = figures(page).getByRole('textbox', { name: 'Image caption' });
    expect(await caption.inputValue()).toBe('Blick über den Prinzipalmarkt in Münster');
    await caption.click();
    await page.keyboard.press('Control+Z'); // not an undo in the body
    await settle(page);
    expect(await body(page).locator('p.body__p').allTextContents()).toEqual([
      'Erster Absatz',
      'Nach dem Bild',
    ]);
    await expect.poll(() => figures(page).count()).toBe(1);
    await caption.press('Control+A');
    await page.keyboard.type('Markt am Morgenx');
    await page.keyboard.press('Backspace'); // deletes in the input, not the image or the body
    await page.keyboard.press('Control+B'); // not bold in the body
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Delete'); // "n" in the input
    await page.keyboard.type('n');
    expect(await caption.inputValue()).toBe('Markt am Morgen');
    await expect.poll(() => figures(page).count()).toBe(1);
    // With the image selected (a click on it), Backspace in its caption still edits the caption.
    await figures(page).locator('img').click();
    await settle(page);
    expect(await isSelected(page)).toBe(true);
    await caption.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await settle(page);
    await expect.poll(() => figures(page).count()).toBe(1);
    expect(await caption.inputValue()).toBe('Markt am Morge');
    await page.keyboard.type('n');
    await waitSaved(page);

    const blocks = await storedBlocks(h, id);
    expect(shape(blocks)).toEqual(['Erster Absatz', `image:${credited}`, 'Nach dem Bild']);
    const image = blocks[1]!;
    expect(image).toMatchObject({
      type: 'article-image',
      imageId: credited,
      caption: 'Markt am Morgen',
      credit: 'LWL',
      width: 160, // EXIF orientation 6 applied: 240 × 160 shows as 160 × 240
      height: 240,
    });
    expect(image.$?.blockId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(blocks.every((b) => (b.children ?? []).every((c) => !c.format))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moves across an image with arrow up and down; Backspace after it selects, then deletes it; undo restores it', async () => {
    const { id, page, errors } = await newArticle();
    await body(page).click();
    await page.keyboard.type('Oben');
    await insertFromLibrary(page, credited);
    await page.keyboard.type('Unten');
    await expect.poll(() => figures(page).count()).toBe(1);
    await waitSaved(page);
    const stored = (await storedBlocks(h, id))[1]!;

    // Up from the line below: the image is selected, then the caret goes on into "Oben".
    await page.keyboard.press('Home');
    await settle(page);
    await page.keyboard.press('ArrowUp');
    await settle(page);
    expect(await isSelected(page)).toBe(true);
    await page.keyboard.press('ArrowUp');
    await settle(page);
    expect(await isSelected(page)).toBe(false);
    await page.keyboard.press('End');
    await page.keyboard.type('1');
    // Down from "Oben": over the image into "Unten".
    await page.keyboard.press('ArrowDown');
    await settle(page);
    expect(await isSelected(page)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await settle(page);
    await page.keyboard.press('End');
    await page.keyboard.type('2');
    await waitSaved(page);
    expect(shape(await storedBlocks(h, id))).toEqual(['Oben1', `image:${credited}`, 'Unten2']);

    // A click on the image selects it; arrow down leaves it for the line below.
    await figures(page).locator('img').click();
    await settle(page);
    expect(await isSelected(page)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await settle(page);
    expect(await isSelected(page)).toBe(false);
    await page.keyboard.type('3');
    await waitSaved(page);
    expect(shape(await storedBlocks(h, id))).toEqual(['Oben1', `image:${credited}`, '3Unten2']);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('End');

    // Backspace at the start of the line below: first selects the image, then deletes it.
    await page.keyboard.press('Home');
    await page.waitForTimeout(800); // a separate undo step (history delay 700 ms)
    await page.keyboard.press('Backspace');
    await settle(page);
    expect(await isSelected(page)).toBe(true);
    await page.keyboard.press('Backspace');
    await expect.poll(() => figures(page).count()).toBe(0);
    await waitSaved(page);
    expect(shape(await storedBlocks(h, id))).toEqual(['Oben1', 'Unten2']);

    // Undo brings it back, with its id and fields.
    await page.keyboard.press('Control+Z');
    await expect.poll(() => figures(page).count()).toBe(1);
    await expect.poll(() => imageShown(page)).toBe(true);
    await waitSaved(page);
    const blocks = await storedBlocks(h, id);
    expect(shape(blocks)).toEqual(['Oben1', `image:${credited}`, 'Unten2']);
    expect(blocks[1]).toMatchObject({ caption: stored.caption, $: { blockId: stored.$?.blockId } });

    // Delete at the end of the line above selects it too; Delete again removes it.
    await body(page).locator('p').first().click();
    await page.keyboard.press('End');
    await settle(page);
    await page.keyboard.press('Delete');
    await settle(page);
    expect(await isSelected(page)).toBe(true);
    await page.keyboard.press('Delete');
    await expect.poll(() => figures(page).count()).toBe(0);
    await page.keyboard.type('!');
    await waitSaved(page);
    const after = shape(await storedBlocks(h, id));
    expect(after).not.toContain(`image:${credited}`);
    expect(after.join('|')).toContain('Unten2');
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** Bytes of a file in tests/fixtures/metadata (ExifTool-made: with and without a credit). */
const metadataFixture = (name: string) =>
  readFileSync(new URL(`../fixtures/metadata/${name}`, import.meta.url)).toString('base64');

/**
 * Sends a file to the body the way the desktop does: a drop at a paragraph's first character,
 * or a paste at the caret, with a DataTransfer built in the page from the file's bytes.
 */
async function sendFile(
  page: Page,
  how: 'drop' | 'paste',
  file: { name: string; type: string; base64: string },
  paragraph = 0,
): Promise<void> {
  await body(page).evaluate(
    (root, { how, file, paragraph }) => {
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], file.name, { type: file.type }));
      if (how === 'paste') {
        root.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
        return;
      }
      const target = root.querySelectorAll('p')[paragraph]!.getBoundingClientRect();
      const at = { clientX: target.left + 1, clientY: target.top + target.height / 2 };
      const init = { dataTransfer: data, bubbles: true, cancelable: true, ...at };
      root.dispatchEvent(new DragEvent('dragover', init));
      root.dispatchEvent(new DragEvent('drop', init));
    },
    { how, file, paragraph },
  );
}

describe('image files dropped or pasted into the body', () => {
  it('imports a dropped file with its metadata at the drop point, a pasted one at the caret; the checklist asks for the missing credit; other files change nothing', async () => {
    const { id, page, errors } = await newArticle();
    await body(page).click();
    await page.keyboard.type('Erster Absatz');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Zweiter Absatz');
    await waitSaved(page);
    const before = (await h.call('images.list', {})).total;

    // Dropped at the start of the second paragraph: imported (XMP credit read) and put there.
    await sendFile(
      page,
      'drop',
      { name: 'rathaus.jpg', type: 'image/jpeg', base64: metadataFixture('xmp-utf8.jpg') },
      1,
    );
    await expect.poll(() => figures(page).count()).toBe(1);
    const dropped = (await h.call('images.list', { sort: 'newest' })).items[0]!;
    expect(dropped.fileName).toBe('rathaus.jpg');
    expect(dropped.credit).not.toBe('');
    await expect
      .poll(() => figures(page).first().locator('.article-image__credit').textContent())
      .toBe(`Bildquelle: ${dropped.credit}`);
    await waitSaved(page);
    expect(shape(await storedBlocks(h, id))).toEqual([
      'Erster Absatz',
      `image:${dropped.id}`,
      'Zweiter Absatz',
    ]);

    // Pasted at the end: EXIF only, no credit, so the checklist asks for it.
    await body(page).getByText('Zweiter Absatz').click();
    await page.keyboard.press('End');
    // The synthetic paste comes faster than any hand: wait until Lexical has taken the caret.
    await caretTaken(page);
    await sendFile(page, 'paste', {
      name: 'pressefoto.jpg',
      type: 'image/jpeg',
      base64: metadataFixture('exif-rights.jpg'),
    });
    await expect.poll(() => figures(page).count()).toBe(2);
    const pasted = (await h.call('images.list', { sort: 'newest' })).items[0]!;
    expect(pasted.fileName).toBe('pressefoto.jpg');
    expect(pasted.credit).toBe('');
    expect(pasted.creator).not.toBe(''); // EXIF Artist read as on the image desk
    await waitSaved(page);
    expect(shape(await storedBlocks(h, id)).slice(0, 4)).toEqual([
      'Erster Absatz',
      `image:${dropped.id}`,
      'Zweiter Absatz',
      `image:${pasted.id}`,
    ]);
    await expect
      .poll(() =>
        page.getByTestId('article-checklist').locator('li[data-code$="credit_missing"]').count(),
      )
      .toBe(1);

    // A text file and an oversized image are refused with a message; nothing changes.
    const stored = JSON.stringify(await storedBlocks(h, id));
    await sendFile(page, 'drop', { name: 'notiz.txt', type: 'text/plain', base64: btoa('Notiz') });
    const alert = page.getByRole('alert').filter({ hasText: 'notiz.txt' });
    await expect
      .poll(() => alert.textContent())
      .toContain(
        '"notiz.txt" was not inserted: only images (JPEG, PNG or WebP) can go into the text.',
      );
    await sendFile(page, 'paste', { name: 'leer.pdf', type: 'application/pdf', base64: '' });
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'leer.pdf' }).count())
      .toBe(1);
    expect(await figures(page).count()).toBe(2);
    expect((await h.call('images.list', {})).total).toBe(before + 2);
    expect(JSON.stringify(await storedBlocks(h, id))).toBe(stored);

    // Text on the clipboard still pastes as text.
    await body(page).getByText('Erster Absatz').click();
    await page.keyboard.press('End');
    await caretTaken(page);
    await body(page).evaluate((root) => {
      const data = new DataTransfer();
      data.setData('text/plain', ' und mehr');
      root.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    await expect
      .poll(() => body(page).locator('p').first().textContent())
      .toBe('Erster Absatz und mehr');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('lead image and the checklist', () => {
  it('chooses a lead image from the library with a per-use caption, or imports one on the spot', async () => {
    const { id, page, errors } = await newArticle();
    await page.getByRole('button', { name: 'Choose lead image' }).click();
    const dialog = page.getByRole('dialog', { name: 'Choose a lead image' });
    // The library shows which images lack a credit.
    await expect
      .poll(() => dialog.locator(`button[data-image-id="${uncredited}"]`).textContent())
      .toContain('No credit');
    await dialog.locator(`button[data-image-id="${credited}"]`).click();
    // The alt text is asked for, prefilled from the library; a change is this article's (the
    // record, which an editor may not be allowed to change, keeps its own).
    const alt = dialog.getByLabel('Alt text');
    expect(await alt.evaluate((el) => el === document.activeElement)).toBe(true);
    const libraryAlt = (await h.call('images.get', { id: credited })).alt;
    expect(await alt.inputValue()).toBe(libraryAlt);
    await alt.fill('Giebelhäuser am Prinzipalmarkt');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    expect((await h.call('images.get', { id: credited })).alt).toBe(libraryAlt);
    const lead = page.getByTestId('lead-image');
    await expect.poll(() => lead.getAttribute('data-image-id')).toBe(credited);
    await expect
      .poll(() => lead.locator('.lead-image__credit').textContent())
      .toBe('Bildquelle: LWL');
    const caption = page.getByRole('textbox', { name: 'Lead image caption' });
    await caption.fill('Der Prinzipalmarkt am Abend');
    await caption.blur();
    await waitSaved(page);
    let article = await h.call('articles.get', { id });
    expect(article.leadImage).toEqual({
      imageId: credited,
      caption: 'Der Prinzipalmarkt am Abend',
      alt: 'Giebelhäuser am Prinzipalmarkt',
    });
    // The field shows it and edits it; emptied, the record's text (its placeholder) applies again.
    const leadAlt = page.getByRole('textbox', { name: 'Lead image alt text' });
    expect(await leadAlt.inputValue()).toBe('Giebelhäuser am Prinzipalmarkt');
    await leadAlt.fill('');
    await leadAlt.blur();
    await waitSaved(page);
    expect((await h.call('articles.get', { id })).leadImage).toEqual({
      imageId: credited,
      caption: 'Der Prinzipalmarkt am Abend',
    });
    expect(await leadAlt.getAttribute('placeholder')).toBe(libraryAlt);
    await leadAlt.fill('Giebelhäuser im Abendlicht');
    await leadAlt.blur();
    await waitSaved(page);
    article = await h.call('articles.get', { id });
    expect(article.leadImage?.alt).toBe('Giebelhäuser im Abendlicht');

    // Import a new file on the spot: it becomes the lead image and lands in the library.
    await page.getByRole('button', { name: 'Change lead image' }).click();
    await dialog.getByTestId('article-image-file-input').setInputFiles({
      name: 'koeln.jpg',
      mimeType: 'image/jpeg',
      buffer: fixture('iptc-latin1.jpg'),
    });
    await dialog.getByRole('button', { name: 'Use image' }).click({ timeout: 20_000 });
    await expect.poll(() => dialog.count()).toBe(0);
    const imported = await h.call('images.list', { query: 'Köln' });
    expect(imported.items.map((i) => i.fileName)).toEqual(['koeln.jpg']);
    await expect.poll(() => lead.getAttribute('data-image-id')).toBe(imported.items[0]!.id);
    await expect
      .poll(() => lead.locator('.lead-image__credit').textContent())
      .toBe('Bildquelle: dpa');
    await waitSaved(page);
    article = await h.call('articles.get', { id });
    // The caption chosen for this article stays; the alt text was for the other picture.
    expect(article.leadImage).toEqual({
      imageId: imported.items[0]!.id,
      caption: 'Der Prinzipalmarkt am Abend',
    });

    await page.getByRole('button', { name: 'Remove lead image' }).click();
    await waitSaved(page);
    expect((await h.call('articles.get', { id })).leadImage).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists every image without a credit by name, and clears once the library has the credit', async () => {
    const { id, page, errors } = await newArticle();
    const checklist = page.getByTestId('article-checklist');
    await expect
      .poll(() => checklist.locator('li').allTextContents())
      .toEqual([
        'The headline is missing.',
        'The teaser is missing.',
        'No section is chosen.',
        'Add at least one tag.',
      ]);

    // Lead image and an inline image, both without a credit.
    await page.getByRole('button', { name: 'Choose lead image' }).click();
    const leadDialog = page.getByRole('dialog', { name: 'Choose a lead image' });
    await leadDialog.locator(`button[data-image-id="${uncredited}"]`).click();
    await leadDialog.getByRole('button', { name: 'Use image' }).click();
    await body(page).click();
    await page.keyboard.type('Text');
    await insertFromLibrary(page, uncredited, '');
    await insertFromLibrary(page, credited, 'Giebelhäuser am Prinzipalmarkt');
    const caption = figures(page).first().getByRole('textbox', { name: 'Image caption' });
    await caption.fill('Das Modell');
    await expect.poll(() => figures(page).first().textContent()).toContain('No credit');

    const imageItems = () =>
      checklist.locator('li[data-code$="credit_missing"] > span').allTextContents();
    await expect
      .poll(imageItems)
      .toEqual([
        'The lead image "plain.png" has no credit (Bildquelle).',
        'The image "Das Modell" in the body has no credit (Bildquelle).',
      ]);
    await waitSaved(page);
    // Images without alt text are warnings apart from what blocks (the one with alt text is fine).
    const warnings = page.getByTestId('checklist-warnings');
    await expect
      .poll(() => warnings.locator('li > span').allTextContents())
      .toEqual([
        'The lead image "plain.png" has no alt text.',
        'The image "Das Modell" in the body has no alt text.',
      ]);
    expect(await page.getByTestId('missing-count').textContent()).toMatch(
      /^6 items missing · 2 warnings$/,
    );

    // A photo editor adds the credit in the library: the editor follows without a reload.
    await h.call('images.setMeta', { id: uncredited, meta: { credit: 'Eigenes Foto' } });
    await expect.poll(imageItems, { timeout: 10_000 }).toEqual([]);
    await expect
      .poll(() => figures(page).first().locator('.article-image__credit').textContent())
      .toBe('Bildquelle: Eigenes Foto');
    // The node's copy of the credit (used by the published page) is updated and saved.
    await waitSaved(page);
    await expect
      .poll(async () => (await storedBlocks(h, id)).find((b) => b.imageId === uncredited)?.credit)
      .toBe('Eigenes Foto');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the checklist in German', async () => {
    await h.call('settings.update', { language: 'de' });
    try {
      const a = await h.call('articles.create', {});
      await h.call('articles.save', {
        id: a.id,
        fields: { leadImage: { imageId: credited, caption: '' } },
      });
      await h.call('images.setMeta', { id: credited, meta: { credit: '' } });
      const { page, errors } = await openArticle(h, a.id, 'de-DE');
      const checklist = page.getByTestId('article-checklist');
      await expect
        .poll(() => checklist.locator('li[data-code="lead_image_credit_missing"]').textContent())
        .toBe(
          'Das Aufmacherbild „Blick über den Prinzipalmarkt in Münster“ hat keine Bildquelle. In der Bildverwaltung ergänzen',
        );
      await expect
        .poll(() => page.getByTestId('lead-image').textContent())
        .toContain('Keine Bildquelle');
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await h.call('images.setMeta', { id: credited, meta: { credit: 'LWL' } });
      await h.call('settings.update', { language: 'en' });
    }
  });
});
