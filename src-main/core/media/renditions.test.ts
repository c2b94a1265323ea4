import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { fixture, pngClaiming } from '../../../tests/fixtures/images';
import { readEmbeddedMeta } from './metadata';
import { probeImage } from './probe';
import { makeRenditions } from './renditions';
import { findMetadataBlocks } from './containers';

/** The RGB of one pixel, from a decoded rendition. */
async function pixel(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

function near(actual: number[], expected: number[]): boolean {
  return actual.every((v, i) => Math.abs(v - expected[i]!) < 40);
}

describe('renditions', () => {
  it('applies EXIF orientation 6: the 240 × 160 original becomes a 160 × 240 portrait', async () => {
    const jpeg = fixture('credits-orient6.jpg');
    const probe = await probeImage(jpeg, 'image/jpeg', 'a.jpg');
    expect(probe).toMatchObject({ width: 160, height: 240, storedWidth: 240, storedHeight: 160 });
    const { thumb, web } = await makeRenditions(jpeg, 'a.jpg');
    // Small originals are not enlarged.
    expect([web.width, web.height]).toEqual([160, 240]);
    expect([thumb.width, thumb.height]).toEqual([160, 240]);
    // Rotated 90° clockwise: the original's bottom-left (blue) is now top-left, red top-right.
    expect(near(await pixel(web.data, 10, 10), [30, 30, 220])).toBe(true);
    expect(near(await pixel(web.data, 150, 10), [220, 30, 30])).toBe(true);
    // The decoder no longer needs to rotate: no orientation tag is left.
    expect((await sharp(web.data).metadata()).orientation).toBeUndefined();
  });

  it('strips GPS, EXIF, IPTC and XMP from renditions (the original keeps them)', async () => {
    const jpeg = fixture('credits-orient6.jpg');
    const { thumb, web } = await makeRenditions(jpeg, 'a.jpg');
    for (const r of [thumb, web]) {
      const meta = await sharp(r.data).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(r.data.includes(Buffer.from('GPS'))).toBe(false);
      expect(r.data.includes(Buffer.from('Müller'))).toBe(false);
      expect(findMetadataBlocks(r.data, 'image/webp')).toEqual({
        iptc: null,
        iptcDigest: null,
        xmp: null,
        exif: null,
      });
      expect((await readEmbeddedMeta(r.data, 'image/webp')).creator).toBe('');
    }
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
  });

  it('scales large images to 320 px (thumb) and 1600 px (web) on the longest edge', async () => {
    const big = await sharp({
      create: { width: 4000, height: 3000, channels: 3, background: { r: 10, g: 120, b: 200 } },
    })
      .jpeg()
      .toBuffer();
    const { thumb, web } = await makeRenditions(big, 'big.jpg');
    expect([thumb.width, thumb.height]).toEqual([320, 240]);
    expect([web.width, web.height]).toEqual([1600, 1200]);
  });

  it('makes renditions of PNG and WebP originals', async () => {
    for (const [file, mime] of [
      ['credits.png', 'image/png'],
      ['credits.webp', 'image/webp'],
    ] as const) {
      const bytes = fixture(file);
      expect(await probeImage(bytes, mime, file)).toMatchObject({ width: 240, height: 160 });
      expect((await makeRenditions(bytes, file)).web.width).toBe(240);
    }
  });
});

describe('decompression-bomb guard', () => {
  it('refuses from the header alone an image claiming 50,000 × 50,000 pixels', async () => {
    const bomb = pngClaiming(50_000, 50_000);
    expect(bomb.length).toBeLessThan(200);
    await expect(probeImage(bomb, 'image/png', 'bomb.png')).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/50,000 × 50,000 pixels .*limit is 100 megapixels/) as string,
    });
  });

  it('the decoder refuses it too, should the header check ever be bypassed', async () => {
    await expect(makeRenditions(pngClaiming(50_000, 50_000), 'bomb.png')).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('accepts an image just under the limit as far as the header check goes', async () => {
    const probe = await probeImage(pngClaiming(10_000, 10_000), 'image/png', 'ok.png');
    expect(probe.width).toBe(10_000);
  });
});
