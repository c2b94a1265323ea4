import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImageSetMetaArgs } from '../../src-shared/mutations';
import { fixture, type FixtureName } from '../fixtures/images';
import { openDesk, rows, type ImageDesk } from './images-helpers';

let desk: ImageDesk;
beforeEach(async () => {
  desk = await openDesk();
});
afterEach(async () => {
  await desk.close();
});

async function importFixture(name: FixtureName) {
  const img = await desk.api['images.import']({
    fileName: name,
    dataBase64: fixture(name).toString('base64'),
  });
  await new Promise((r) => setTimeout(r, 3)); // distinct import times
  return img;
}

describe('images.list', () => {
  it('lists newest first (or oldest), pages, and counts', async () => {
    const a = await importFixture('credits-orient6.jpg');
    const b = await importFixture('plain.png');
    const c = await importFixture('iptc-latin1.jpg');
    const all = await desk.api['images.list']({});
    expect(all.items.map((i) => i.id)).toEqual([c.id, b.id, a.id]);
    expect(all.total).toBe(3);
    const oldest = await desk.api['images.list']({ sort: 'oldest', limit: 2 });
    expect(oldest.items.map((i) => i.id)).toEqual([a.id, b.id]);
    expect(oldest.total).toBe(3);
    const page2 = await desk.api['images.list']({ sort: 'oldest', offset: 2, limit: 2 });
    expect(page2.items.map((i) => i.id)).toEqual([c.id]);
  });

  it('filters images without a credit ("Bildquelle")', async () => {
    await importFixture('credits-orient6.jpg');
    const plain = await importFixture('plain.png');
    const blank = await importFixture('plain.webp');
    await desk.api['images.setMeta']({ id: blank.id, meta: { credit: '   ' } });
    const missing = await desk.api['images.list']({ missingCredit: true });
    expect(missing.items.map((i) => i.id).sort()).toEqual([plain.id, blank.id].sort());
    expect(missing.total).toBe(2);
  });

  it('searches caption, credit and creator, ignoring case and accents; all words must match', async () => {
    const muenster = await importFixture('credits-orient6.jpg');
    const koeln = await importFixture('iptc-latin1.jpg');
    await importFixture('plain.png');
    const ids = async (query: string) =>
      (await desk.api['images.list']({ query })).items.map((i) => i.id);
    expect(await ids('prinzipalmarkt')).toEqual([muenster.id]); // caption
    expect(await ids('lwl')).toEqual([muenster.id]); // credit
    expect(await ids('MÜLLER')).toEqual([muenster.id]); // creator, case
    expect(await ids('muller')).toEqual([muenster.id]); // accents folded
    expect(await ids('strasse koln')).toEqual([koeln.id]); // ß and ö folded, two words
    expect(await ids('Köln LWL')).toEqual([]);
    expect(await ids('100%')).toEqual([]); // LIKE wildcards are literal
    expect(await ids('_')).toEqual([]);
    expect(await ids('Presseamt')).toEqual([]); // source is not searched
  });
});

describe('images.setMeta', () => {
  it('edits fields, writes one image.setMeta mutation with base values, emits image.updated', async () => {
    const img = await importFixture('credits-orient6.jpg');
    const edited = await desk.api['images.setMeta']({
      id: img.id,
      meta: {
        credit: 'LWL/Öffentlichkeitsarbeit',
        alt: 'Giebelhäuser am Prinzipalmarkt',
        licenceExpires: '2027-12-31',
      },
    });
    expect(edited).toMatchObject({
      credit: 'LWL/Öffentlichkeitsarbeit',
      alt: 'Giebelhäuser am Prinzipalmarkt',
      licenceExpires: '2027-12-31',
      creator: 'Jürgen Müller',
    });
    expect(await desk.api['images.get']({ id: img.id })).toEqual(edited);
    const outbox = rows<{ name: string; args_json: string }>(
      desk.dir,
      "SELECT name, args_json FROM outbox WHERE name = 'image.setMeta'",
    );
    expect(outbox).toHaveLength(1);
    const args = ImageSetMetaArgs.parse(JSON.parse(outbox[0]!.args_json));
    expect(args.values).toEqual({
      credit: 'LWL/Öffentlichkeitsarbeit',
      alt: 'Giebelhäuser am Prinzipalmarkt',
      licenceExpires: '2027-12-31',
    });
    expect(args.baseValues).toEqual({ credit: 'LWL', alt: '', licenceExpires: null });
    expect(desk.events.at(-1)).toEqual({ type: 'image.updated', id: img.id, origin: 'local' });
    // Search follows the edit.
    const found = await desk.api['images.list']({ query: 'offentlichkeitsarbeit' });
    expect(found.items.map((i) => i.id)).toEqual([img.id]);
  });

  it('a change that changes nothing writes nothing and emits nothing', async () => {
    const img = await importFixture('credits.png');
    const events = desk.events.length;
    const same = await desk.api['images.setMeta']({ id: img.id, meta: { credit: 'LWL' } });
    expect(same.updatedAt).toBe(img.updatedAt);
    expect(rows(desk.dir, 'SELECT name FROM outbox')).toEqual([{ name: 'image.create' }]);
    expect(desk.events).toHaveLength(events);
  });

  it('refuses unknown fields, bad dates and unknown images', async () => {
    const img = await importFixture('plain.png');
    await expect(
      desk.core.call('images.setMeta', { id: img.id, meta: { sha256: 'x' } }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await expect(
      desk.api['images.setMeta']({ id: img.id, meta: { licenceExpires: '31.12.2027' } }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      desk.api['images.setMeta']({
        id: '019ac0de-0000-7000-8000-000000000000',
        meta: { alt: 'x' },
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(rows(desk.dir, 'SELECT name FROM outbox')).toEqual([{ name: 'image.create' }]);
  });
});
