import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EditorHost, startEditorHost } from './editor-helpers';
import { cells, count, openLibrary } from './images-helpers';

let h: EditorHost;
beforeAll(async () => {
  h = await startEditorHost();
});
afterAll(async () => {
  await h?.close();
});

const IMAGES = 60;

describe('image grid', () => {
  it('renders only the rows on screen and loads thumbnails only for them, more as it scrolls', async () => {
    for (let i = 0; i < IMAGES; i++) {
      const png = await sharp({
        create: { width: 12, height: 8, channels: 3, background: { r: i * 4, g: 90, b: 200 - i } },
      })
        .png()
        .toBuffer();
      await h.call('images.import', {
        fileName: `bild-${String(i).padStart(2, '0')}.png`,
        dataBase64: png.toString('base64'),
      });
    }
    const { page, errors } = await h.open();
    await page.setViewportSize({ width: 1000, height: 600 });
    const requested: string[] = [];
    page.on('request', (r) => {
      const body = r.postDataJSON() as { method?: string; input?: { id: string } } | null;
      if (body?.method === 'images.rendition') requested.push(body.input!.id);
    });
    await openLibrary(page);
    await expect.poll(() => count(page)).toBe(`${IMAGES} images`);
    await expect.poll(() => page.locator('.image-cell__thumb img').count()).toBeGreaterThan(0);
    await page.waitForTimeout(400);

    const rendered = await cells(page).evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-image-id')!),
    );
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(IMAGES / 2);
    await expect.poll(() => requested.length).toBeGreaterThan(0);
    expect(new Set(requested).size).toBe(requested.length);
    expect(requested.every((id) => rendered.includes(id))).toBe(true);
    expect(await cells(page).first().locator('.image-cell__caption').textContent()).toBe(
      `bild-${IMAGES - 1}.png`,
    );

    // Scroll to the end: the oldest image's cell appears and its thumbnail is fetched.
    await page.getByTestId('image-grid').evaluate((el) => (el.scrollTop = el.scrollHeight));
    const last = cells(page).filter({ hasText: 'bild-00.png' });
    await expect.poll(() => last.count()).toBe(1);
    await expect
      .poll(() => last.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    const lastId = (await last.getAttribute('data-image-id'))!;
    expect(requested).toContain(lastId);
    expect(requested.length).toBeLessThan(IMAGES);
    await page.close();
    expect(errors).toEqual([]);
  });
});
