import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../fixtures/images/index';
import { type EditorHost, placeholderRoom, startEditorHost } from './editor-helpers';
import {
  cells,
  count,
  field,
  importFiles,
  importOutcome,
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

describe('image details and drag and drop', () => {
  it('imports a dropped file, names every field in German, refuses a bad date with a clear message', async () => {
    await h.call('settings.update', { language: 'de' });
    const { page, errors } = await h.open({ locale: 'de-DE' });
    await openLibrary(page, 'Bilder');
    expect(await page.getByRole('button', { name: 'Bilder importieren' }).count()).toBe(1);
    expect(await page.getByRole('searchbox', { name: 'Bilder suchen' }).count()).toBe(1);
    expect(await page.getByRole('checkbox', { name: 'Ohne Bildquelle' }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Sortierung' }).count()).toBe(1);

    // Drag and drop a WebP with XMP credits onto the library.
    const library = page.getByTestId('image-library');
    const dataTransfer = await page.evaluateHandle((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'markt.webp', { type: 'image/webp' }));
      return dt;
    }, fixture('credits.webp').toString('base64'));
    await library.dispatchEvent('dragenter', { dataTransfer });
    await library.dispatchEvent('dragover', { dataTransfer });
    expect(await page.getByText('Dateien loslassen, um sie zu importieren.').count()).toBe(1);
    await library.dispatchEvent('drop', { dataTransfer });
    expect(await importOutcome(page, 'markt.webp')).toBe('Importiert');
    await expect.poll(() => count(page)).toBe('1 Bild');

    const expected: Record<string, string> = {
      Bildquelle: 'LWL',
      Bildunterschrift: 'Blick über den Prinzipalmarkt in Münster',
      Überschrift: '',
      Alternativtext: '',
      'Ausführliche Bildbeschreibung': '',
      Urheber: 'Jürgen Müller',
      Copyright: '© Stadt Münster',
      Quelle: 'Presseamt Münster',
      'Lizenz bis': '',
    };
    for (const [name, value] of Object.entries(expected))
      await expect.poll(() => field(page, name).inputValue(), { message: name }).toBe(value);
    await expect
      .poll(() => page.getByTestId('image-save-status').textContent())
      .toBe('Gespeichert');

    // A date in the German way is refused with a message, and nothing is stored.
    const id = (await cells(page).first().getAttribute('data-image-id'))!;
    await field(page, 'Lizenz bis').fill('31.12.2027');
    await field(page, 'Alternativtext').click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'JJJJ-MM-TT' }).textContent())
      .toBe('Datum als JJJJ-MM-TT eingeben, zum Beispiel 2027-12-31.');
    expect(await field(page, 'Lizenz bis').getAttribute('aria-invalid')).toBe('true');
    await waitImageSaved(page, 'Nicht gespeichert: Bitte das markierte Feld korrigieren.');
    expect((await h.call('images.get', { id })).licenceExpires).toBeNull();

    // Another field still saves while the date is wrong.
    await field(page, 'Alternativtext').fill('Marktstände vor Giebelhäusern');
    await field(page, 'Urheber').click();
    await expect
      .poll(async () => (await h.call('images.get', { id })).alt)
      .toBe('Marktstände vor Giebelhäusern');

    await field(page, 'Lizenz bis').fill('2027-02-30');
    await expect.poll(() => field(page, 'Lizenz bis').getAttribute('aria-invalid')).toBe('true');
    await field(page, 'Lizenz bis').fill('2027-12-31');
    await field(page, 'Quelle').click();
    await waitImageSaved(page, 'Gespeichert');
    expect((await h.call('images.get', { id })).licenceExpires).toBe('2027-12-31');

    // Too long a credit: the limit is named, nothing is stored.
    await field(page, 'Bildquelle').fill('x'.repeat(301));
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'Zeichen' }).textContent())
      .toBe('Höchstens 300 Zeichen.');
    await field(page, 'Bildquelle').fill('');
    await expect
      .poll(() => page.getByText('Pflicht, bevor das Bild veröffentlicht werden kann.').count())
      .toBe(1);
    await waitImageSaved(page, 'Gespeichert');
    expect((await h.call('images.get', { id })).credit).toBe('');
    await expect
      .poll(() => cells(page).first().locator('.badge--warn').textContent())
      .toBe('Keine Bildquelle');

    await h.call('settings.update', { language: 'en' });
    await page.close();
    expect(errors).toEqual([]);
  });

  it('moves between cells with the arrow keys and takes over an edit made elsewhere', async () => {
    const { page, errors } = await h.open();
    await openLibrary(page);
    await importFiles(page, [
      { name: 'a.png', mimeType: 'image/png', buffer: fixture('plain.png') },
      { name: 'b.jpg', mimeType: 'image/jpeg', buffer: fixture('iptc-utf8.jpg') },
    ]);
    expect(await importOutcome(page, 'b.jpg')).toBe('Imported');
    await expect.poll(() => count(page)).toBe('3 images');
    await cells(page).first().focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-index')))
      .toBe('1');
    await page.keyboard.press('Enter');
    const id = (await cells(page).nth(1).getAttribute('data-image-id'))!;
    await expect.poll(() => cells(page).nth(1).getAttribute('aria-current')).toBe('true');

    const before = await field(page, 'Credit').inputValue();
    await h.call('images.setMeta', { id, meta: { credit: `${before} (geprüft)` } });
    await expect.poll(() => field(page, 'Credit').inputValue()).toBe(`${before} (geprüft)`);
    await expect
      .poll(() => cells(page).nth(1).locator('.image-cell__credit, .badge').textContent())
      .toBe(`${before} (geprüft)`);
    await page.close();
    expect(errors).toEqual([]);
  });

  for (const lang of ['en', 'de'] as const) {
    it(`${lang}, 1024 px with the details open: the library's tools wrap in reading order and the search placeholder is whole`, async () => {
      const { language } = await h.call('settings.get', {});
      await h.call('settings.update', { language: lang });
      const { page, errors } = await h.open({ locale: lang === 'de' ? 'de-DE' : 'en-US' });
      await page.setViewportSize({ width: 1024, height: 768 });
      await openLibrary(page, lang === 'de' ? 'Bilder' : 'Images');
      await expect.poll(() => cells(page).count()).toBeGreaterThan(0);
      await cells(page).first().click();
      await page.locator('.images--details').waitFor();
      const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
      const [importButton, search, toggle] = [
        await box('.images__head > :first-child'),
        await box('.images__search'),
        await box('.images__toggle'),
      ];
      // "Import images" and the search share the first row; the filter and the sort come after.
      expect(
        Math.abs(importButton.y + importButton.height / 2 - (search.y + search.height / 2)),
      ).toBeLessThan(4);
      expect(search.x).toBeGreaterThan(importButton.x + importButton.width);
      expect(toggle.y).toBeGreaterThan(search.y + search.height - 1);
      const { text, room } = await placeholderRoom(page.locator('.images__search'));
      expect(text).toBeGreaterThan(40);
      expect(text).toBeLessThanOrEqual(room);
      expect(errors).toEqual([]);
      await page.close();
      await h.call('settings.update', { language });
    });
  }
});
