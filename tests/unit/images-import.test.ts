import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import sharp from 'sharp';
import { ImageCreateArgs } from '../../src-shared/mutations';
import { fixture, type FixtureName } from '../fixtures/images';
import { openDesk, rows, storedFiles, type ImageDesk } from './images-helpers';

let desk: ImageDesk;
beforeEach(async () => {
  desk = await openDesk();
});
afterEach(async () => {
  await desk.close();
});

function b64(name: FixtureName): string {
  return fixture(name).toString('base64');
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('images.import', () => {
  it('imports a JPEG: original stored once by sha256, renditions made, IPTC/XMP prefilled', async () => {
    const bytes = fixture('credits-orient6.jpg');
    const img = await desk.api['images.import']({
      fileName: 'C:\\Fotos\\Prinzipalmarkt.jpg',
      dataBase64: bytes.toString('base64'),
    });
    expect(img).toMatchObject({
      existing: false,
      sha256: sha(bytes),
      mime: 'image/jpeg',
      width: 160, // orientation 6: displayed as portrait
      height: 240,
      fileName: 'Prinzipalmarkt.jpg',
      byteSize: bytes.length,
      credit: 'LWL',
      creator: 'Jürgen Müller',
      copyright: '© Stadt Münster',
      source: 'Presseamt Münster',
      caption: 'Blick über den Prinzipalmarkt in Münster',
      keywords: ['Münster', 'Prinzipalmarkt'],
      licence: '',
      licenceExpires: null,
      alt: '',
      deletedAt: null,
    });
    const h = img.sha256;
    const blob = join(desk.dir, 'blobs', h.slice(0, 2), h);
    expect(readFileSync(blob).equals(bytes)).toBe(true);
    expect(storedFiles(desk.dir)).toEqual([
      `blobs/${h.slice(0, 2)}/${h}`,
      `renditions/${h.slice(0, 2)}/${h}.thumb.webp`,
      `renditions/${h.slice(0, 2)}/${h}.web.webp`,
    ]);
    expect(rows(desk.dir, 'SELECT sha256, path, size, upload_state FROM blobs')).toEqual([
      {
        sha256: h,
        path: `blobs/${h.slice(0, 2)}/${h}`,
        size: bytes.length,
        upload_state: 'pending',
      },
    ]);
    expect(desk.events).toEqual([{ type: 'image.created', id: img.id, origin: 'local' }]);
    expect(await desk.api['images.get']({ id: img.id })).toEqual({ ...img, existing: undefined });
  });

  it('writes one image.create mutation in the shape the sync mutators accept', async () => {
    const img = await desk.api['images.import']({
      fileName: 'a.jpg',
      dataBase64: b64('iptc-utf8.jpg'),
    });
    const outbox = rows<{
      name: string;
      entity_type: string;
      entity_id: string;
      args_json: string;
    }>(desk.dir, 'SELECT name, entity_type, entity_id, args_json FROM outbox');
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      name: 'image.create',
      entity_type: 'image',
      entity_id: img.id,
    });
    const args = ImageCreateArgs.parse(JSON.parse(outbox[0]!.args_json));
    expect(args).toMatchObject({ id: img.id, sha256: img.sha256, mime: 'image/jpeg' });
    expect(args.meta).toMatchObject({ fileName: 'a.jpg', credit: 'LWL', creator: 'Jürgen Müller' });
  });

  it('the same bytes imported again return the existing image: one row, one blob, one mutation', async () => {
    const first = await desk.api['images.import']({
      fileName: 'a.png',
      dataBase64: b64('credits.png'),
    });
    const again = await desk.api['images.import']({
      fileName: 'kopie.png',
      dataBase64: b64('credits.png'),
    });
    expect(again.existing).toBe(true);
    expect(again.id).toBe(first.id);
    expect(again.fileName).toBe('a.png');
    expect(rows(desk.dir, 'SELECT id FROM images')).toHaveLength(1);
    expect(rows(desk.dir, 'SELECT sha256 FROM blobs')).toHaveLength(1);
    expect(rows(desk.dir, 'SELECT name FROM outbox')).toEqual([{ name: 'image.create' }]);
    expect(storedFiles(desk.dir).filter((f) => f.startsWith('blobs/'))).toHaveLength(1);
    expect(desk.events).toEqual([{ type: 'image.created', id: first.id, origin: 'local' }]);
  });

  it('importing the same bytes again restores an original that is missing on disk', async () => {
    const img = await desk.api['images.import']({
      fileName: 'a.png',
      dataBase64: b64('plain.png'),
    });
    rmSync(join(desk.dir, 'blobs'), { recursive: true });
    const again = await desk.api['images.import']({
      fileName: 'a.png',
      dataBase64: b64('plain.png'),
    });
    expect(again).toMatchObject({ id: img.id, existing: true });
    const blob = join(desk.dir, 'blobs', img.sha256.slice(0, 2), img.sha256);
    expect(readFileSync(blob).equals(fixture('plain.png'))).toBe(true);
  });

  it('two imports of the same bytes at the same time still make one image', async () => {
    const [a, b] = await Promise.all([
      desk.api['images.import']({ fileName: 'a.webp', dataBase64: b64('credits.webp') }),
      desk.api['images.import']({ fileName: 'b.webp', dataBase64: b64('credits.webp') }),
    ]);
    expect(a.id).toBe(b.id);
    expect([a.existing, b.existing].sort()).toEqual([false, true]);
    expect(rows(desk.dir, 'SELECT id FROM images')).toHaveLength(1);
  });

  it('imports PNG and WebP with their XMP credits and sizes', async () => {
    const png = await desk.api['images.import']({
      fileName: 'p.png',
      dataBase64: b64('credits.png'),
    });
    const webp = await desk.api['images.import']({
      fileName: 'w.webp',
      dataBase64: b64('credits.webp'),
    });
    expect(png).toMatchObject({ mime: 'image/png', width: 240, height: 160, credit: 'LWL' });
    expect(webp).toMatchObject({
      mime: 'image/webp',
      width: 240,
      height: 160,
      creator: 'Jürgen Müller',
    });
    const plain = await desk.api['images.import']({
      fileName: 'x.webp',
      dataBase64: b64('plain.webp'),
    });
    expect(plain).toMatchObject({ credit: '', creator: '', caption: '', keywords: [] });
  });
});

describe('images.rendition', () => {
  it('returns the thumbnail and web size as WebP without metadata, orientation applied', async () => {
    const img = await desk.api['images.import']({
      fileName: 'a.jpg',
      dataBase64: b64('credits-orient6.jpg'),
    });
    for (const size of ['thumb', 'web'] as const) {
      const r = await desk.api['images.rendition']({ id: img.id, size });
      expect(r.mime).toBe('image/webp');
      const meta = await sharp(Buffer.from(r.dataBase64, 'base64')).metadata();
      expect([meta.format, meta.width, meta.height, meta.exif]).toEqual([
        'webp',
        160,
        240,
        undefined,
      ]);
    }
  });

  it('remakes a rendition whose file went missing, from the stored original', async () => {
    const img = await desk.api['images.import']({
      fileName: 'a.png',
      dataBase64: b64('plain.png'),
    });
    const path = join(desk.dir, 'renditions', img.sha256.slice(0, 2), `${img.sha256}.thumb.webp`);
    rmSync(path);
    const r = await desk.api['images.rendition']({ id: img.id, size: 'thumb' });
    expect((await sharp(Buffer.from(r.dataBase64, 'base64')).metadata()).width).toBe(240);
    expect(existsSync(path)).toBe(true);
  });

  it('says not_found for an unknown image or one whose original is not here', async () => {
    await expect(
      desk.api['images.rendition']({ id: '019ac0de-0000-7000-8000-000000000000', size: 'web' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const img = await desk.api['images.import']({
      fileName: 'a.png',
      dataBase64: b64('plain.png'),
    });
    rmSync(join(desk.dir, 'blobs'), { recursive: true });
    rmSync(join(desk.dir, 'renditions'), { recursive: true });
    await expect(desk.api['images.rendition']({ id: img.id, size: 'web' })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('not on this computer') as string,
    });
  });
});
