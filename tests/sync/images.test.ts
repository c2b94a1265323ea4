/**
 * Images through the real backend (docs/sync.md): an image only the server has
 * appears in the library with its metadata and downloads its bytes on first need; a photo
 * editor's credit edit and an editor's headline edit on the same article both survive; an image
 * whose file is gone is surfaced instead of blocking the queue.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src-main/core/media/blob-store';
import { fixture } from '../fixtures/images';
import { startBackend, type Backend, type Client } from './support/harness';

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend('copydesk-sync-images-');
});
afterAll(async () => {
  await backend?.close();
});

const client = (name: string, user: string): Promise<Client> => backend.client(name, user);

const blobFile = (c: Client, sha: string) => join(c.dir, 'blobs', sha.slice(0, 2), sha);

/** The blob row's upload state, read from the profile database (read-only). */
function uploadState(c: Client, sha: string): string | undefined {
  const db = new Database(join(c.dir, 'copydesk.db'), { readonly: true });
  try {
    const row = db.prepare('SELECT upload_state FROM blobs WHERE sha256 = ?').get(sha) as
      { upload_state: string } | undefined;
    return row?.upload_state;
  } finally {
    db.close();
  }
}

describe('images through the real backend', () => {
  it('a server-only image appears with its metadata, downloads lazily, and a credit edit and a headline edit both survive', async () => {
    const editor = await client('editor', 'editor');
    const photo = await client('photo', 'photo');
    const bytes = fixture('iptc-utf8.jpg');
    const sha = sha256Hex(bytes);
    const img = await editor.api['images.import']({
      fileName: 'rathaus.jpg',
      dataBase64: bytes.toString('base64'),
    });
    const art = await editor.api['articles.create']({
      fields: { headline: 'Start', leadImage: { imageId: img.id, caption: '' } },
    });
    expect((await editor.api['sync.now']({})).state).toBe('idle');

    // The photo desk sees the image in its library with its metadata; the bytes stay remote.
    expect((await photo.api['sync.now']({})).state).toBe('idle');
    const listed = (await photo.api['images.list']({})).items.find((i) => i.id === img.id);
    expect(listed).toMatchObject({ sha256: sha, credit: img.credit, fileName: 'rathaus.jpg' });
    expect(existsSync(blobFile(photo, sha))).toBe(false);
    expect(uploadState(photo, sha)).toBe('remote');

    // Concurrent: the photo editor fixes the credit, the editor rewrites the headline.
    await photo.api['images.setMeta']({ id: img.id, meta: { credit: 'Foto: Jörg Müller/dpa' } });
    await editor.api['articles.save']({ id: art.id, fields: { headline: 'Neue Schlagzeile' } });
    await photo.api['sync.now']({});
    await editor.api['sync.now']({});
    await photo.api['sync.now']({});

    const observer = await client('observer', 'chief');
    expect((await observer.api['sync.now']({})).state).toBe('idle');
    for (const c of [editor, photo, observer]) {
      const a = await c.api['articles.get']({ id: art.id });
      expect(a.headline).toBe('Neue Schlagzeile');
      expect(a.leadImage?.imageId).toBe(img.id);
      expect((await c.api['images.get']({ id: img.id })).credit).toBe('Foto: Jörg Müller/dpa');
      expect((await c.api['sync.status']({})).pending).toBe(0);
      expect((await c.api['sync.conflicts']({})).items).toEqual([]);
    }

    // First need: the rendition downloads the original, checks its hash and keeps it.
    const thumb = await photo.api['images.rendition']({ id: img.id, size: 'thumb' });
    expect(thumb.mime).toBe('image/webp');
    expect(Buffer.from(thumb.dataBase64, 'base64').subarray(8, 12).toString('latin1')).toBe('WEBP');
    expect(existsSync(blobFile(photo, sha))).toBe(true);
    expect(uploadState(photo, sha)).toBe('uploaded');
    expect((await photo.api['images.get']({ id: img.id })).byteSize).toBe(bytes.length);
    // The downloaded image is not uploaded back: nothing is queued.
    expect((await photo.api['sync.now']({})).pending).toBe(0);
  });

  it('headline, alt text and extended description read at import reach another desk, and edits to them sync back', async () => {
    const editor = await client('editor-descr', 'editor');
    const photo = await client('photo-descr', 'photo');
    const bytes = readFileSync(join(__dirname, '../fixtures/metadata/xmp-utf8.jpg'));
    const img = await editor.api['images.import']({
      fileName: 'markt.jpg',
      dataBase64: bytes.toString('base64'),
    });
    expect(img).toMatchObject({
      headline: 'Markttag in Münster',
      alt: 'Giebelhäuser mit Bögen, davor ein Wochenmarkt',
      source: 'Presseamt Münster',
    });
    expect((await editor.api['sync.now']({})).state).toBe('idle');
    expect((await photo.api['sync.now']({})).state).toBe('idle');
    const seen = await photo.api['images.get']({ id: img.id });
    expect(seen).toMatchObject({
      headline: img.headline,
      extendedDescription: img.extendedDescription,
      licence: img.licence,
    });

    await photo.api['images.setMeta']({
      id: img.id,
      meta: { headline: 'Wochenmarkt', extendedDescription: 'Marktstände vor Giebelhäusern.' },
    });
    expect((await photo.api['sync.now']({})).state).toBe('idle');
    expect((await editor.api['sync.now']({})).state).toBe('idle');
    expect(await editor.api['images.get']({ id: img.id })).toMatchObject({
      headline: 'Wochenmarkt',
      extendedDescription: 'Marktstände vor Giebelhäusern.',
      alt: img.alt,
    });
  });

  it('desks learn who added an image: the importer after its push, every other desk from the pull', async () => {
    const photo = await client('photo-creator', 'photo');
    const editor = await client('editor-creator', 'editor');
    const photoId = (await photo.api['sync.status']({})).user!.id;
    const img = await photo.api['images.import']({
      fileName: 'kanal.jpg',
      dataBase64: fixture('gps-serial.jpg').toString('base64'),
    });
    // Imported here: the server has not named its creator yet.
    expect((await photo.api['images.get']({ id: img.id })).createdBy).toBeNull();
    expect((await photo.api['sync.now']({})).state).toBe('idle');
    expect((await photo.api['sync.now']({})).state).toBe('idle');
    expect((await photo.api['images.get']({ id: img.id })).createdBy).toBe(photoId);
    expect((await editor.api['sync.now']({})).state).toBe('idle');
    expect((await editor.api['images.get']({ id: img.id })).createdBy).toBe(photoId);
  });

  it('two photo editors change the same credit: a field conflict, and "keep mine" wins', async () => {
    const owner = await client('owner', 'photo');
    const other = await client('other', 'photo');
    const bytes = fixture('credits.png');
    const img = await owner.api['images.import']({
      fileName: 'credits.png',
      dataBase64: bytes.toString('base64'),
    });
    await owner.api['sync.now']({});
    await other.api['sync.now']({});
    await owner.api['images.setMeta']({ id: img.id, meta: { credit: 'Foto: Erste', alt: 'Turm' } });
    await other.api['images.setMeta']({ id: img.id, meta: { credit: 'Foto: Zweite' } });
    await owner.api['sync.now']({});
    await other.api['sync.now']({});
    // The first synced credit is kept, and the other field merged; the loser is a conflict.
    expect(await other.api['images.get']({ id: img.id })).toMatchObject({
      credit: 'Foto: Erste',
      alt: 'Turm',
    });
    const [c] = (await other.api['sync.conflicts']({ entityId: img.id })).items;
    expect(c).toMatchObject({ kind: 'field', field: 'credit', mine: 'Foto: Zweite' });
    await other.api['sync.resolveConflict']({ id: c!.id, keep: 'mine' });
    await other.api['sync.now']({});
    await owner.api['sync.now']({});
    for (const x of [owner, other]) {
      expect((await x.api['images.get']({ id: img.id })).credit).toBe('Foto: Zweite');
      expect((await x.api['sync.status']({})).pending).toBe(0);
    }
  });

  it('an image whose file is missing is named in the status and does not block the queue', async () => {
    const c = await client('lost', 'editor');
    const bytes = fixture('plain.webp');
    const sha = sha256Hex(bytes);
    const img = await c.api['images.import']({
      fileName: 'verloren.webp',
      dataBase64: bytes.toString('base64'),
    });
    const art = await c.api['articles.create']({ fields: { headline: 'Danach geschrieben' } });
    rmSync(blobFile(c, sha));

    const status = await c.api['sync.now']({});
    expect(status.state).toBe('error');
    expect(status.lastError).toContain('verloren.webp');
    expect(status.lastError).toContain(img.id);
    expect(status.pending).toBe(0);
    const [conflict] = (await c.api['sync.conflicts']({})).items;
    expect(conflict).toMatchObject({ entityId: img.id, kind: 'rejected', code: 'blob_missing' });

    // What came after the image reached the server.
    const observer = await client('observer2', 'chief');
    await observer.api['sync.now']({});
    expect((await observer.api['articles.get']({ id: art.id })).headline).toBe(
      'Danach geschrieben',
    );
    // The next sync is clean again.
    expect((await c.api['sync.now']({})).state).toBe('idle');

    // Importing the file again queues the image once more, and it reaches the server.
    const again = await c.api['images.import']({
      fileName: 'verloren.webp',
      dataBase64: bytes.toString('base64'),
    });
    expect(again).toMatchObject({ id: img.id, existing: true });
    expect((await c.api['sync.conflicts']({})).items).toEqual([]);
    expect((await c.api['sync.now']({})).state).toBe('idle');
    expect((await c.api['sync.status']({})).pending).toBe(0);
    await observer.api['sync.now']({});
    expect((await observer.api['images.get']({ id: img.id })).fileName).toBe('verloren.webp');
  });
});
