import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  garbledJpeg,
  headerOnlyJpeg,
  pngClaiming,
  TEXT_FILE,
  truncatedJpeg,
} from '../fixtures/images';
import { openDesk, rows, storedFiles, type ImageDesk } from './images-helpers';

let desk: ImageDesk;
beforeEach(async () => {
  desk = await openDesk();
});
afterEach(async () => {
  // Whatever was refused left no trace: no row, no blob, no rendition, no mutation, no event.
  expect(rows(desk.dir, 'SELECT id FROM images')).toEqual([]);
  expect(rows(desk.dir, 'SELECT sha256 FROM blobs')).toEqual([]);
  expect(rows(desk.dir, 'SELECT name FROM outbox')).toEqual([]);
  expect(storedFiles(desk.dir)).toEqual([]);
  expect(desk.events).toEqual([]);
  await desk.close();
});

async function refusal(
  fileName: string,
  bytes: Buffer,
): Promise<{ code: string; message: string }> {
  const r = await desk.core.call('images.import', {
    fileName,
    dataBase64: bytes.toString('base64'),
  });
  if (r.ok) throw new Error(`${fileName} was imported`);
  return r.error;
}

describe('bad input is refused with a clear message and stores nothing', () => {
  it('a 0-byte file', async () => {
    expect(await refusal('leer.jpg', Buffer.alloc(0))).toEqual({
      code: 'invalid_input',
      message: '"leer.jpg" cannot be imported: the file is empty (0 bytes).',
    });
  });

  it('a text file named .jpg', async () => {
    expect(await refusal('foto.jpg', TEXT_FILE)).toEqual({
      code: 'invalid_input',
      message: '"foto.jpg" cannot be imported: the file is not a JPEG, PNG or WebP image.',
    });
  });

  it('a truncated JPEG', async () => {
    const e = await refusal('abgeschnitten.jpg', truncatedJpeg());
    expect(e.code).toBe('invalid_input');
    expect(e.message).toMatch(
      /^"abgeschnitten\.jpg" cannot be imported: the image data is damaged/,
    );
  });

  it('a JPEG cut off inside its headers', async () => {
    const e = await refusal('kurz.jpg', headerOnlyJpeg());
    expect(e.code).toBe('invalid_input');
    expect(e.message).toMatch(
      /^"kurz\.jpg" cannot be imported: the file is damaged or not a readable image \(.+\)\.$/,
    );
  });

  it('a JPEG with a garbled header', async () => {
    const e = await refusal('kaputt.jpg', garbledJpeg());
    expect(e.code).toBe('invalid_input');
    expect(e.message).toMatch(
      /^"kaputt\.jpg" cannot be imported: the (file|image data) is damaged/,
    );
  });

  it('a decompression bomb: a tiny PNG claiming 50,000 × 50,000 pixels', async () => {
    const bomb = pngClaiming(50_000, 50_000);
    expect(await refusal('bombe.png', bomb)).toEqual({
      code: 'invalid_input',
      message:
        '"bombe.png" cannot be imported: it claims 50,000 × 50,000 pixels (2,500 megapixels); ' +
        'the limit is 100 megapixels.',
    });
  });

  it('a file over 50 MB (refused by the API schema before decoding)', async () => {
    const r = await desk.core.call('images.import', {
      fileName: 'riesig.jpg',
      dataBase64: 'A'.repeat(Math.ceil((50 * 1024 * 1024) / 3) * 4 + 4),
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringContaining('larger than 50 MB') as string,
      },
    });
  });

  it('data that is not base64', async () => {
    const r = await desk.core.call('images.import', { fileName: 'x.jpg', dataBase64: 'äöü!' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
