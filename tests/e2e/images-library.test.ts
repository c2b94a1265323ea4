import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fixture,
  garbledJpeg,
  pngClaiming,
  TEXT_FILE,
  truncatedJpeg,
} from '../fixtures/images/index';
import { type EditorHost, startEditorHost } from './editor-helpers';
import {
  cells,
  count,
  field,
  importFiles,
  importOutcome,
  jpeg,
  openLibrary,
  waitImageSaved,
} from './images-helpers';

let h: EditorHost;
beforeAll(async () => {
  h = await startEditorHost();
});
afterAll(async () => {
  await h?.close();
});

const total = async () => (await h.call('images.list', {})).total;

describe('image library', () => {
  it('imports a JPEG by the file picker with its IPTC/XMP credits, edits credit and caption, keeps them over a reload', async () => {
    const { page, errors } = await h.open();
    await openLibrary(page);
    expect(await page.getByRole('button', { name: 'Import images' }).count()).toBe(1);
    await importFiles(page, [jpeg('prinzipalmarkt.jpg', fixture('credits-orient6.jpg'))]);
    expect(await importOutcome(page, 'prinzipalmarkt.jpg')).toBe('Imported');
    await expect.poll(() => count(page)).toBe('1 image');

    // The new image opens in the details editor, prefilled from the file's metadata.
    await expect.poll(() => field(page, 'Credit').inputValue()).toBe('LWL');
    expect(await field(page, 'Creator').inputValue()).toBe('Jürgen Müller');
    expect(await field(page, 'Caption').inputValue()).toBe(
      'Blick über den Prinzipalmarkt in Münster',
    );
    expect(await field(page, 'Copyright').inputValue()).toBe('© Stadt Münster');
    expect(await field(page, 'Source').inputValue()).toBe('Presseamt Münster');
    for (const name of ['Alt text', 'Licence expires'])
      expect(await field(page, name).count(), name).toBe(1);

    // The cell shows the thumbnail (a blob: URL that decoded) and the credit.
    const cell = cells(page).first();
    expect(await cell.locator('.image-cell__credit').textContent()).toBe('LWL');
    await expect
      .poll(() =>
        cell
          .locator('img')
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && img.src),
      )
      .toMatch(/^data:image\/webp;base64,/);

    // Edit: saved after a pause in typing, and on leaving the field.
    await field(page, 'Credit').fill('LWL/Foto: Jürgen Müller');
    await waitImageSaved(page);
    await field(page, 'Caption').fill('Der Prinzipalmarkt am Morgen');
    await field(page, 'Alt text').click();
    await waitImageSaved(page);
    const id = await cell.getAttribute('data-image-id');
    const stored = await h.call('images.get', { id });
    expect(stored).toMatchObject({
      credit: 'LWL/Foto: Jürgen Müller',
      caption: 'Der Prinzipalmarkt am Morgen',
    });
    await expect
      .poll(() => cell.locator('.image-cell__credit').textContent())
      .toBe('LWL/Foto: Jürgen Müller');

    // The same bytes again: found, not stored twice.
    await importFiles(page, [jpeg('copy-of-it.jpg', fixture('credits-orient6.jpg'))]);
    expect(await importOutcome(page, 'copy-of-it.jpg')).toBe('Already in the library');
    expect(await total()).toBe(1);

    await page.reload();
    await page.locator('.app').waitFor();
    await openLibrary(page);
    await cells(page).first().click();
    await expect.poll(() => field(page, 'Credit').inputValue()).toBe('LWL/Foto: Jürgen Müller');
    expect(await field(page, 'Caption').inputValue()).toBe('Der Prinzipalmarkt am Morgen');
    await page.close();
    expect(errors).toEqual([]);
  });

  it('filters to images without credit, searches caption/credit/creator with umlauts, sorts by date', async () => {
    const { page, errors } = await h.open();
    await openLibrary(page);
    await importFiles(page, [
      { name: 'plain.png', mimeType: 'image/png', buffer: fixture('plain.png') },
      { name: 'plain.webp', mimeType: 'image/webp', buffer: fixture('plain.webp') },
      { name: 'koeln.jpg', mimeType: 'image/jpeg', buffer: fixture('iptc-latin1.jpg') },
    ]);
    expect(await importOutcome(page, 'koeln.jpg')).toBe('Imported');
    await expect.poll(() => count(page)).toBe('4 images');
    expect(await cells(page).locator('.badge--warn', { hasText: 'No credit' }).count()).toBe(2);

    await page.getByRole('checkbox', { name: 'Missing credit' }).check();
    await expect.poll(() => count(page)).toBe('2 images');
    const names = await cells(page).locator('.image-cell__caption').allTextContents();
    expect(names.sort()).toEqual(['plain.png', 'plain.webp']);
    expect(await cells(page).locator('.image-cell__credit').count()).toBe(0);

    // Giving one a credit and re-applying the filter leaves the other.
    await cells(page).filter({ hasText: 'plain.png' }).click();
    await field(page, 'Credit').fill('Stadt Münster');
    await field(page, 'Caption').click();
    await waitImageSaved(page);
    await page.getByRole('checkbox', { name: 'Missing credit' }).uncheck();
    await expect.poll(() => count(page)).toBe('4 images');
    await page.getByRole('checkbox', { name: 'Missing credit' }).check();
    await expect.poll(() => count(page)).toBe('1 image');
    expect(await cells(page).locator('.image-cell__caption').allTextContents()).toEqual([
      'plain.webp',
    ]);
    await page.getByRole('checkbox', { name: 'Missing credit' }).uncheck();

    // Search: creator with umlauts (Latin-1 IPTC), accents ignored, credit, caption.
    const search = page.getByRole('searchbox', { name: 'Search images' });
    await search.fill('Jörg Weiß');
    await expect.poll(() => count(page)).toBe('1 image');
    expect(await cells(page).first().locator('.image-cell__caption').textContent()).toBe(
      'Straßenfest in Köln',
    );
    await search.fill('jorg');
    await expect.poll(() => count(page)).toBe('1 image');
    await search.fill('Müller');
    await expect.poll(() => count(page)).toBe('1 image');
    await search.fill('münster');
    // Only the credit "Stadt Münster" given above: the copyright notice is not searched.
    await expect.poll(() => count(page)).toBe('1 image');
    await search.fill('nirgendwo');
    await expect.poll(() => page.getByText('No image matches.').count()).toBe(1);
    await search.fill('');
    await expect.poll(() => count(page)).toBe('4 images');

    // Sort: newest first by default, oldest first on request.
    const first = () => cells(page).first().locator('.image-cell__caption').textContent();
    expect(await first()).toBe('Straßenfest in Köln');
    await page.getByRole('combobox', { name: 'Sort' }).selectOption('oldest');
    await expect.poll(first).toBe('Der Prinzipalmarkt am Morgen');
    await page.close();
    expect(errors).toEqual([]);
  });

  it('refuses broken files with a clear error each and stores nothing', async () => {
    const before = await total();
    const { page, errors } = await h.open();
    await openLibrary(page);
    const bad = [
      jpeg('empty.jpg', Buffer.alloc(0)),
      jpeg('brief.jpg', TEXT_FILE),
      jpeg('truncated.jpg', truncatedJpeg()),
      jpeg('garbled.jpg', garbledJpeg()),
      { name: 'bomb.png', mimeType: 'image/png', buffer: pngClaiming(50_000, 50_000) },
    ];
    await importFiles(page, bad);
    const messages: Record<string, string> = {};
    for (const f of bad) messages[f.name] = await importOutcome(page, f.name);
    expect(messages['empty.jpg']).toMatch(/"empty\.jpg" cannot be imported: .*empty/);
    expect(messages['brief.jpg']).toMatch(
      /"brief\.jpg" cannot be imported: .*not a JPEG, PNG or WebP/,
    );
    expect(messages['truncated.jpg']).toMatch(/"truncated\.jpg" cannot be imported/);
    expect(messages['garbled.jpg']).toMatch(/"garbled\.jpg" cannot be imported/);
    expect(messages['bomb.png']).toMatch(
      /"bomb\.png" cannot be imported: .*50,000 × 50,000 pixels/,
    );
    expect(await page.locator('.import__item').getByRole('alert').count()).toBe(bad.length);
    expect(await page.locator('.import__item[data-state="failed"]').count()).toBe(bad.length);
    expect(await total()).toBe(before);
    await expect.poll(() => count(page)).toBe(`${before} images`);
    await page.close();
    expect(errors).toEqual([]);
  });
});
