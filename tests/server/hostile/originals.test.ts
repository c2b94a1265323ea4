/**
 * The public site serves only renditions made for publication. A published
 * photo whose original carries GPS, camera and lens serials and an owner name: none of it, and
 * not the original's bytes, is reachable without signing in; the renditions keep only the rights
 * (creator, credit, copyright, source, usage terms and the licence address, as XMP). An image
 * named only by an unknown node field (`assetId`) is not shown on the page and so is not public
 * either.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../fixtures/images';
import { Client, body, http, login, spawnServer, type ServerProcess } from '../helpers';
import { publishArticle, sha256, uploadImage } from './support';

const PRIVATE = ['CAM-SERIAL-4711', 'LENS-SERIAL-0815', 'Anna Quelle', 'Fixture Cam'];
const original = fixture('gps-serial.jpg');
const lead = randomUUID();
const hidden = randomUUID();
const article = randomUUID();
let server: ServerProcess;
let chief: Client;

/** Every URL a reader (or crawler) can reach from the public pages and API. */
async function publicUrls(): Promise<string[]> {
  const page = await http(`${server.url}/articles/quelle-geschuetzt`);
  expect(page.status).toBe(200);
  const api = await http(`${server.url}/api/v1/published/quelle-geschuetzt`);
  const feed = await http(`${server.url}/feed.xml`);
  const found = new Set<string>([api.body.leadImage.url]);
  for (const text of [page.text, api.text, feed.text]) {
    for (const m of text.matchAll(/(?:https?:\/\/[\d.:]+)?\/media\/[^\s"',&<>]+/g)) {
      found.add(m[0].startsWith('/') ? `${server.url}${m[0]}` : m[0]);
    }
  }
  return [...found];
}

beforeAll(async () => {
  server = await spawnServer(['--demo']);
  chief = new Client(server.url, await login(server.url, 'chief'));
  const meta = {
    credit: 'LWL',
    creator: 'Jürgen Müller',
    copyright: '© Stadt Münster',
    source: 'Presseamt Münster',
    licence: 'Nur redaktionell, nur online: https://presse.muenster.example/lizenz',
  };
  await uploadImage(chief, lead, original, 'image/jpeg', { width: 240, height: 160 }, meta);
  // A second copy of the same kind of photo, referenced only by a field the page does not read.
  const other = Buffer.concat([original, Buffer.from([0])]);
  await uploadImage(chief, hidden, other, 'image/jpeg', { width: 240, height: 160 }, meta);
  const b = body('Die Quelle bleibt geschützt.');
  b.root.children.push({
    type: 'article-image',
    version: 1,
    $: { assetId: hidden, caption: 'Nicht zu sehen', credit: 'LWL', alt: '', blockId: 'img1' },
  });
  await publishArticle(
    chief,
    article,
    { headline: 'Quelle geschützt', leadImage: { imageId: lead, caption: 'Prinzipalmarkt' } },
    b,
  );
});
afterAll(() => server?.stop());

describe('published photos without their secrets', () => {
  it('links only renditions, never the original', async () => {
    const urls = await publicUrls();
    expect(urls.length).toBeGreaterThan(1);
    for (const url of urls) expect(url).toMatch(/\/media\/[0-9a-f-]{36}\/\d+\.webp$/);
  });

  it('serves no GPS, serials, owner or original bytes at any public URL', async () => {
    const urls = [...(await publicUrls()), `${server.url}/media/${lead}`];
    for (const w of [320, 640, 1024, 1600]) urls.push(`${server.url}/media/${lead}/${w}.webp`);
    for (const url of urls) {
      const res = await fetch(url);
      expect(res.status, url).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(res.headers.get('content-type')).toBe('image/webp');
      expect(sha256(bytes)).not.toBe(sha256(original));
      for (const marker of PRIVATE) expect(bytes.includes(Buffer.from(marker)), marker).toBe(false);
      // exiftool reads every tag it knows: no GPS and no serial of any kind.
      const file = join(server.dataDir, 'probe.webp');
      writeFileSync(file, bytes);
      const tags = JSON.parse(
        execFileSync('exiftool', ['-j', '-a', '-G1', '-n', file], { encoding: 'utf8' }),
      )[0] as Record<string, unknown>;
      const names = Object.keys(tags).join(' ');
      expect(names).not.toMatch(/GPS|Serial|Owner|Make|Model/i);
      expect(tags['XMP-photoshop:Credit']).toBe('LWL');
      expect(tags['XMP-dc:Creator']).toBe('Jürgen Müller');
      expect(tags['XMP-dc:Rights']).toBe('© Stadt Münster');
      expect(tags['XMP-photoshop:Source']).toBe('Presseamt Münster');
      expect(tags['XMP-xmpRights:UsageTerms']).toBe(
        'Nur redaktionell, nur online: https://presse.muenster.example/lizenz',
      );
      expect(tags['XMP-xmpRights:WebStatement']).toBe('https://presse.muenster.example/lizenz');
      // The rights and nothing else: no EXIF, IPTC, ICC or maker notes, no other XMP property.
      const groups = new Set(Object.keys(tags).map((k) => k.split(':')[0]));
      for (const g of groups) {
        expect([
          'SourceFile',
          'ExifTool',
          'System',
          'File',
          'RIFF',
          'Composite',
          'XMP-x',
          'XMP-dc',
          'XMP-photoshop',
          'XMP-xmpRights',
        ]).toContain(g);
      }
      const xmp = Object.keys(tags).filter((k) => k.startsWith('XMP-') && k !== 'XMP-x:XMPToolkit');
      expect(xmp.sort()).toEqual([
        'XMP-dc:Creator',
        'XMP-dc:Rights',
        'XMP-photoshop:Credit',
        'XMP-photoshop:Source',
        'XMP-xmpRights:UsageTerms',
        'XMP-xmpRights:WebStatement',
      ]);
    }
  });

  it('keeps the original for signed-in desks only', async () => {
    const hash = sha256(original);
    expect((await http(`${server.url}/api/v1/blobs/${hash}`)).status).toBe(401);
    const res = await fetch(`${server.url}/api/v1/blobs/${hash}`, {
      headers: { authorization: `Bearer ${chief.token}` },
    });
    expect(res.status).toBe(200);
    expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(hash);
  });

  it('does not publish an image the page does not show (unknown field assetId)', async () => {
    const page = await http(`${server.url}/articles/quelle-geschuetzt`);
    expect(page.text).not.toContain(hidden);
    expect(page.text).not.toContain('Nicht zu sehen');
    expect((await http(`${server.url}/media/${hidden}`)).status).toBe(404);
    for (const w of [320, 1600]) {
      expect((await http(`${server.url}/media/${hidden}/${w}.webp`)).status).toBe(404);
    }
  });
});
