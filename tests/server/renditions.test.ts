/* eslint-disable @typescript-eslint/no-unsafe-call -- JSON responses are `any`; the assertions check their shape */
/**
 * Published images against the real process: <figure> with a responsive srcset of WebP
 * renditions, alt text, caption and "Bildquelle"; renditions made with sharp on first request
 * (oriented, no EXIF/GPS, only the rights as XMP, cached on disk), served only for images of a live published article.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { parseDocument, DomUtils } from 'htmlparser2';
import type { Element } from 'domhandler';
import { fixture } from '../fixtures/images';
import {
  Client,
  body,
  completeFields,
  http,
  login,
  spawnServer,
  type ServerProcess,
} from './helpers';

const WIDTHS = [320, 640, 1024, 1600];
let server: ServerProcess;
let chief: Client;
const lead = randomUUID();
const inline = randomUUID();
const unpublished = randomUUID();
const article = randomUUID();
let leadSha = '';

/** The APP1 "Exif" segment of a JPEG (orientation 6 and a GPS position in the fixture). */
function exifSegment(jpeg: Buffer): Buffer {
  let i = 2;
  while (i + 4 <= jpeg.length && jpeg[i] === 0xff) {
    const marker = jpeg[i + 1];
    const length = jpeg.readUInt16BE(i + 2);
    if (marker === 0xe1 && jpeg.subarray(i + 4, i + 10).toString('latin1') === 'Exif\0\0')
      return jpeg.subarray(i, i + 2 + length);
    i += 2 + length;
  }
  throw new Error('no EXIF segment');
}

/**
 * A 1000 × 2000 JPEG (top half red, bottom half blue) carrying EXIF Orientation 6 (shown rotated
 * 90° clockwise: 2000 × 1000, red on the right) and a GPS position.
 */
async function orientedJpegWithGps(): Promise<Buffer> {
  const red = await sharp({
    create: { width: 1000, height: 1000, channels: 3, background: '#ff0000' },
  })
    .png()
    .toBuffer();
  const plain = await sharp({
    create: { width: 1000, height: 2000, channels: 3, background: '#0000ff' },
  })
    .composite([{ input: red, top: 0, left: 0 }])
    .jpeg({ quality: 90 })
    .toBuffer();
  const exif = exifSegment(fixture('credits-orient6.jpg'));
  return Buffer.concat([plain.subarray(0, 2), exif, plain.subarray(2)]);
}

async function plainPng(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#20a040' } })
    .png()
    .toBuffer();
}

async function registerImage(
  id: string,
  bytes: Buffer,
  mime: string,
  size: { width: number; height: number },
  meta: Record<string, string>,
): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const put = await http(`${server.url}/api/v1/blobs/${sha256}`, {
    method: 'PUT',
    token: chief.token,
    body: bytes,
  });
  expect(put.status).toBe(201);
  const r = await chief.push([{ name: 'image.create', args: { id, sha256, mime, ...size, meta } }]);
  expect(r.body.outcomes[0].status).toBe('applied');
  return sha256;
}

function figures(html: string): Element[] {
  return DomUtils.findAll((e: Element) => e.name === 'figure', parseDocument(html).children);
}

function imgOf(figure: Element): Element {
  const img = DomUtils.findOne((e: Element) => e.name === 'img', figure.children, true);
  if (!img) throw new Error('figure without img');
  return img;
}

/** srcset "url 320w, url 640w, …" as [url, width] pairs. */
function srcset(img: Element): [string, number][] {
  return (img.attribs.srcset ?? '').split(', ').map((c) => {
    const [url, w] = c.split(' ');
    return [url as string, Number((w as string).replace(/w$/, ''))];
  });
}

beforeAll(async () => {
  server = await spawnServer(['--demo']);
  chief = new Client(server.url, await login(server.url, 'chief'));
  const jpeg = await orientedJpegWithGps();
  expect((await sharp(jpeg).metadata()).orientation).toBe(6);
  leadSha = await registerImage(
    lead,
    jpeg,
    'image/jpeg',
    { width: 2000, height: 1000 },
    { credit: 'LWL', alt: 'Das LWL-Landeshaus', caption: 'Bildunterschrift' },
  );
  await registerImage(
    inline,
    await plainPng(1800, 900),
    'image/png',
    { width: 1800, height: 900 },
    { credit: 'dpa', alt: 'Rathaus' },
  );
  await registerImage(
    unpublished,
    await plainPng(1700, 850),
    'image/png',
    { width: 1700, height: 850 },
    { credit: 'intern' },
  );
  const b = body('Stadt Münster und LWL beschließen Kooperation bei IT.');
  // The node has no credit: the page shows the image record's.
  b.root.children.push({
    type: 'article-image',
    version: 1,
    $: { imageId: inline, caption: 'Das Rathaus', credit: '', alt: '', blockId: 'img1' },
  });
  const r = await chief.push([
    {
      name: 'article.create',
      args: {
        id: article,
        fields: completeFields({
          headline: 'Bilder im Artikel',
          leadImage: { imageId: lead, caption: 'Landeshaus in Münster' },
        }),
        body: b,
      },
    },
    { name: 'article.transition', args: { id: article, from: 'draft', to: 'in_review' } },
    { name: 'article.transition', args: { id: article, from: 'in_review', to: 'approved' } },
    { name: 'article.transition', args: { id: article, from: 'approved', to: 'published' } },
  ]);
  expect(
    r.body.outcomes.map((o: { reason?: string; status: string }) => o.reason ?? o.status),
  ).toEqual(['applied', 'applied', 'applied', 'applied']);
});
afterAll(async () => {
  await server.stop();
});

describe('published images', () => {
  it('renders lead and inline images as <figure> with srcset, sizes, size, alt, caption and Bildquelle', async () => {
    const page = await http(`${server.url}/articles/bilder-im-artikel`);
    expect(page.status).toBe(200);
    const [leadFigure, inlineFigure] = figures(page.text);
    expect(leadFigure && inlineFigure).toBeTruthy();

    const leadImg = imgOf(leadFigure!);
    expect(leadImg.attribs.alt).toBe('Das LWL-Landeshaus');
    expect([leadImg.attribs.width, leadImg.attribs.height]).toEqual(['2000', '1000']);
    expect(leadImg.attribs.sizes).toMatch(/vw/);
    expect(srcset(leadImg)).toEqual(WIDTHS.map((w) => [`/media/${lead}/${w}.webp`, w]));
    expect(leadImg.attribs.src).toBe(`/media/${lead}/1024.webp`);
    expect(DomUtils.textContent(leadFigure!).trim()).toBe('Landeshaus in Münster Bildquelle: LWL');

    const inlineImg = imgOf(inlineFigure!);
    expect(inlineImg.attribs.alt).toBe('Rathaus');
    expect([inlineImg.attribs.width, inlineImg.attribs.height]).toEqual(['1800', '900']);
    expect(inlineImg.attribs.sizes).toMatch(/vw/);
    expect(srcset(inlineImg)).toEqual(
      WIDTHS.map((w) => [`${server.url}/media/${inline}/${w}.webp`, w]),
    );
    expect(DomUtils.textContent(inlineFigure!).trim()).toBe('Das Rathaus Bildquelle: dpa');
  });

  it('answers every srcset URL with an oriented WebP of that width, without EXIF or GPS', async () => {
    const page = await http(`${server.url}/articles/bilder-im-artikel`);
    const [leadFigure, inlineFigure] = figures(page.text);
    for (const [figure, aspect] of [
      [leadFigure!, 2],
      [inlineFigure!, 2],
    ] as const) {
      for (const [url, width] of srcset(imgOf(figure))) {
        const res = await fetch(url.startsWith('/') ? `${server.url}${url}` : url);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('image/webp');
        // Revalidated by ETag: a corrected credit changes the rights written into the file.
        expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
        expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{64}-\d+-(none|[0-9a-f]{12})"$/);
        const bytes = Buffer.from(await res.arrayBuffer());
        const meta = await sharp(bytes).metadata();
        expect(meta.format).toBe('webp');
        expect(meta.width).toBe(width);
        expect(meta.height).toBe(width / aspect);
        expect(meta.exif).toBeUndefined();
        // Only the image's rights, as XMP: the record's credit, nothing of the original's.
        const xmp = meta.xmp?.toString('utf8') ?? '';
        expect(xmp).toContain('<photoshop:Credit>');
        expect(xmp).not.toMatch(/GPS|exif:|tiff:|Caption|dc:description|Bildunterschrift/i);
        expect(meta.orientation).toBeUndefined();
        expect(bytes.includes(Buffer.from('Exif'))).toBe(false);
      }
    }
    // Orientation applied: the stored top half (red) is on the right once rotated.
    const { data, info } = await sharp(
      Buffer.from(await (await fetch(`${server.url}/media/${lead}/320.webp`)).arrayBuffer()),
    )
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => {
      const i = (y * info.width + x) * info.channels;
      return [data[i], data[i + 1], data[i + 2]] as number[];
    };
    const [rl, , bl] = pixel(10, 80);
    const [rr, , br] = pixel(310, 80);
    expect(bl! > 200 && rl! < 60).toBe(true);
    expect(rr! > 200 && br! < 60).toBe(true);
    // Made once, cached on disk by sha256, width and rights.
    const first = await fetch(`${server.url}/media/${lead}/640.webp`);
    const etag = first.headers.get('etag') ?? '';
    const rightsKey = /-([0-9a-f]{12})"$/.exec(etag)?.[1];
    expect(rightsKey).toBeDefined();
    expect(
      existsSync(
        join(server.dataDir, 'renditions', leadSha.slice(0, 2), `${leadSha}-640-${rightsKey}.webp`),
      ),
    ).toBe(true);
    const again = await fetch(`${server.url}/media/${lead}/640.webp`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('answers 404 for renditions of unpublished images and for other widths', async () => {
    for (const w of WIDTHS) {
      const r = await http(`${server.url}/media/${unpublished}/${w}.webp`);
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('not_found');
    }
    expect((await http(`${server.url}/media/${lead}/500.webp`)).status).toBe(404);
    expect((await http(`${server.url}/media/${lead}/640.png`)).status).toBe(400);
    expect((await http(`${server.url}/media/${randomUUID()}/640.webp`)).status).toBe(404);
    // Unpublishing the article withdraws its images.
    const r = await chief.push([
      { name: 'article.transition', args: { id: article, from: 'published', to: 'unpublished' } },
    ]);
    expect(r.body.outcomes[0].status).toBe('applied');
    expect((await http(`${server.url}/media/${lead}/640.webp`)).status).toBe(404);
    expect((await http(`${server.url}/media/${inline}/320.webp`)).status).toBe(404);
  });
});
