import { describe, expect, it } from 'vitest';
import { fixture } from '../../../tests/fixtures/images';
import { emptyEmbeddedMeta, readEmbeddedMeta } from './metadata';
import { parseIptc } from './iptc';
import { findMetadataBlocks } from './containers';

const MUENSTER = {
  ...emptyEmbeddedMeta(),
  credit: 'LWL',
  creator: 'Jürgen Müller',
  copyright: '© Stadt Münster',
  source: 'Presseamt Münster',
  caption: 'Blick über den Prinzipalmarkt in Münster',
  keywords: ['Münster', 'Prinzipalmarkt'],
};

describe('IPTC and XMP written by exiftool', () => {
  it('reads every field of a JPEG with IPTC and XMP, umlauts intact', async () => {
    expect(await readEmbeddedMeta(fixture('credits-orient6.jpg'), 'image/jpeg')).toEqual(MUENSTER);
  });

  it('decodes UTF-8 IPTC (CodedCharacterSet ESC % G) without XMP', async () => {
    expect(await readEmbeddedMeta(fixture('iptc-utf8.jpg'), 'image/jpeg')).toEqual(MUENSTER);
  });

  it('decodes Latin-1 IPTC from files without CodedCharacterSet', async () => {
    expect(await readEmbeddedMeta(fixture('iptc-latin1.jpg'), 'image/jpeg')).toEqual({
      ...emptyEmbeddedMeta(),
      credit: 'dpa',
      creator: 'Jörg Weiß',
      copyright: '',
      source: '',
      caption: 'Straßenfest in Köln',
      keywords: [],
    });
  });

  it('prefers XMP over IPTC when both name a credit', async () => {
    const m = await readEmbeddedMeta(fixture('iptc-xmp-conflict.jpg'), 'image/jpeg');
    expect(m.credit).toBe('Neue Agentur');
  });

  it('reads XMP from PNG (iTXt) and WebP (XMP chunk)', async () => {
    expect(await readEmbeddedMeta(fixture('credits.png'), 'image/png')).toEqual(MUENSTER);
    expect(await readEmbeddedMeta(fixture('credits.webp'), 'image/webp')).toEqual(MUENSTER);
  });

  it('leaves every field empty for files without metadata', async () => {
    const empty = emptyEmbeddedMeta();
    expect(await readEmbeddedMeta(fixture('plain.png'), 'image/png')).toEqual(empty);
    expect(await readEmbeddedMeta(fixture('plain.webp'), 'image/webp')).toEqual(empty);
  });
});

function dataset(record: number, ds: number, value: Buffer): Buffer {
  const head = Buffer.from([0x1c, record, ds, 0, 0]);
  head.writeUInt16BE(value.length, 3);
  return Buffer.concat([head, value]);
}

describe('IPTC-IIM parser', () => {
  it('joins several By-lines and keeps repeated keywords in order', () => {
    const iim = Buffer.concat([
      dataset(1, 90, Buffer.from([0x1b, 0x25, 0x47])),
      dataset(2, 80, Buffer.from('Anna Öztürk')),
      dataset(2, 80, Buffer.from('Ben Groß')),
      dataset(2, 25, Buffer.from('Rathaus')),
      dataset(2, 25, Buffer.from('Übergabe')),
    ]);
    const f = parseIptc(iim);
    expect(f.creator).toBe('Anna Öztürk, Ben Groß');
    expect(f.keywords).toEqual(['Rathaus', 'Übergabe']);
  });

  it('reads an extended-length dataset', () => {
    const caption = 'ä'.repeat(20_000); // 40,000 bytes: over the 32 KB standard length
    const value = Buffer.from(caption);
    const head = Buffer.from([0x1c, 2, 120, 0x80, 0x04, 0, 0, 0, 0]);
    head.writeUInt32BE(value.length, 5);
    expect(parseIptc(Buffer.concat([head, value])).caption).toBe(caption);
  });

  it('stops at garbage and at truncated datasets without throwing', () => {
    const good = dataset(2, 110, Buffer.from('LWL'));
    const truncated = Buffer.from([0x1c, 2, 120, 0x10, 0x00, 0x41]);
    expect(parseIptc(Buffer.concat([good, truncated])).credit).toBe('LWL');
    expect(parseIptc(Buffer.from('garbage')).credit).toBeNull();
    expect(parseIptc(Buffer.alloc(0)).keywords).toEqual([]);
  });

  it('finds nothing in files that carry no metadata, and survives a cut-off header', () => {
    expect(findMetadataBlocks(fixture('plain.png'), 'image/png')).toEqual({
      iptc: null,
      iptcDigest: null,
      xmp: null,
      exif: null,
    });
    const jpeg = fixture('credits-orient6.jpg');
    for (let n = 0; n < 600; n += 7) {
      expect(() => findMetadataBlocks(jpeg.subarray(0, n), 'image/jpeg')).not.toThrow();
    }
  });
});
