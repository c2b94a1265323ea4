/* eslint-disable @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- JSON responses are `any`; the assertions check their shape */
/** The published site against the real process: article page, print view, lists, feed, JSON, 410. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverExec, serverRow } from '../support/serverDb';
import { parseDocument, DomUtils } from 'htmlparser2';
import type { Element } from 'domhandler';
import {
  Client,
  body,
  completeFields,
  http,
  login,
  pngBytes,
  spawnServer,
  type ServerProcess,
} from './helpers';
import { xmlProblem } from '../support/xml';
import { SCHEMA_VERSION } from '../../src-shared/protocol';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import draft07 from 'ajv/dist/refs/json-schema-draft-07.json';
import geoJsonSchema from '../fixtures/ninjs/GeoJSON.json';
import ninjsSchema from '../fixtures/ninjs/ninjs-schema_2.2.json';

let server: ServerProcess;
let chief: Client;
const lead = randomUUID();
const inline = randomUUID();
const secret = randomUUID();
const main = randomUUID();
const ids = { older: randomUUID(), other: randomUUID(), wirtschaft: randomUUID() };

async function uploadImage(
  id: string,
  seed: number,
  credit: string,
  rights: Record<string, string> = {},
) {
  const { bytes, sha256 } = pngBytes(seed);
  await http(`${server.url}/api/v1/blobs/${sha256}`, {
    method: 'PUT',
    token: chief.token,
    body: bytes,
  });
  const r = await chief.push([
    {
      name: 'image.create',
      args: {
        id,
        sha256,
        mime: 'image/png',
        width: 640,
        height: 480,
        meta: { credit, alt: 'Das Landeshaus', caption: 'Bildunterschrift', ...rights },
      },
    },
  ]);
  expect(r.body.outcomes[0].status).toBe('applied');
  return bytes;
}

async function publish(id: string, fields: Record<string, unknown>, b = body('Text')) {
  const r = await chief.push([
    { name: 'article.create', args: { id, fields, body: b } },
    { name: 'article.transition', args: { id, from: 'draft', to: 'in_review' } },
    { name: 'article.transition', args: { id, from: 'in_review', to: 'approved' } },
    { name: 'article.transition', args: { id, from: 'approved', to: 'published' } },
  ]);
  expect(
    r.body.outcomes.map((o: { status: string; reason?: string }) => o.reason ?? o.status),
  ).toEqual(['applied', 'applied', 'applied', 'applied']);
}

function jsonLd(html: string): Record<string, unknown> {
  const m = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]!) as Record<string, unknown>;
}

/** The content of every <meta name|property=key> of a page, in order. */
function metaContent(html: string, key: string): string[] {
  return DomUtils.findAll(
    (e: Element) => e.name === 'meta' && (e.attribs.name ?? e.attribs.property) === key,
    parseDocument(html).children,
  ).map((e) => e.attribs.content ?? '');
}

function text(html: string, selectorClass: string): string {
  const doc = parseDocument(html);
  const el = DomUtils.findOne(
    (e: Element) => (e.attribs.class ?? '').split(' ').includes(selectorClass),
    doc.children,
    true,
  );
  return el ? DomUtils.textContent(el).replace(/\s+/g, ' ').trim() : '';
}

beforeAll(async () => {
  server = await spawnServer(['--demo']);
  chief = new Client(server.url, await login(server.url, 'chief'));
  await uploadImage(lead, 10, 'LWL');
  await uploadImage(inline, 11, 'dpa');
  await uploadImage(secret, 12, 'intern');
  await publish(
    ids.older,
    completeFields({
      kicker: 'Köln:',
      headline: 'Ältere Meldung',
      teaser: 'Ein älterer Teaser.',
      tags: ['Politik'],
    }),
  );
  await publish(
    ids.wirtschaft,
    completeFields({ headline: 'Aus der Wirtschaft', section: 'Wirtschaft', tags: ['Handel'] }),
  );
  const b = body(
    'Stadt Münster und Landschaftsverband Westfalen-Lippe (LWL) beschließen Kooperation bei IT. „Durch diesen Schritt wollen wir die Stärken der IT-Dienstleister miteinander verbinden.“',
  );
  b.root.children.push({
    type: 'article-image',
    version: 1,
    $: {
      imageId: inline,
      src: 'https://evil.example/x.png',
      caption: 'Im Text',
      credit: '',
      alt: 'inline',
      blockId: 'imgblock',
    },
  });
  await publish(
    main,
    completeFields({
      tags: ['Politik', 'citeq', 'Münster', 'Landschaftsverband Westfalen-Lippe (LWL)', 'LWL.IT'],
      links: [
        { url: 'http://www.lwl.it', label: 'http://www.lwl.it' },
        { url: 'http://www.citeq.de', label: 'http://www.citeq.de' },
      ],
      leadImage: { imageId: lead, caption: 'Landeshaus in Münster' },
    }),
    b,
  );
});
afterAll(async () => {
  await server.stop();
});

describe('article page', () => {
  it('has the structure of the fixture article, in German, escaped, with a strict CSP', async () => {
    const r = await http(`${server.url}/articles/it-kooperation-beschlossen`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = r.text;
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="de">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<link rel="stylesheet" href="/static/site.css">');
    expect(html).not.toMatch(/ style=|<style/i);
    // the only script element is the JSON-LD data block (never executed; the CSP allows no script)
    expect(html.match(/<script[^>]*>/gi)).toEqual(['<script type="application/ld+json">']);
    expect(csp).not.toContain('script-src');
    expect(text(html, 'kicker')).toBe('Münster/LWL:');
    expect(html).toContain('<h1>IT-Kooperation beschlossen</h1>');
    expect(text(html, 'meta')).toMatch(/^\[\d{2}\.\d{2}\.\d{4}\]$/);
    expect(text(html, 'teaser')).toMatch(/^Die Stadt Münster/);
    expect(text(html, 'body')).toContain(
      '„Durch diesen Schritt wollen wir die Stärken der IT-Dienstleister miteinander verbinden.“',
    );
    expect(text(html, 'byline')).toBe('(bs)');
    expect(text(html, 'links')).toBe('http://www.lwl.ithttp://www.citeq.de');
    expect(text(html, 'tags')).toBe(
      'Stichwörter: Politik, citeq, Münster, Landschaftsverband Westfalen-Lippe (LWL), LWL.IT',
    );
    expect(html).toContain('<p class="credit">Bildquelle: LWL</p>');
    expect(html).toMatch(
      /<figure class="lead"><img src="\/media\/[0-9a-f-]+\/1024\.webp" srcset="[^"]+ 320w, [^"]+ 640w" sizes="[^"]+" alt="Das Landeshaus" width="640" height="480"><figcaption>Landeshaus in Münster <span class="credit">Bildquelle: LWL<\/span><\/figcaption><\/figure>/,
    );
    // inline image from the blob store by image id, never from the JSON src
    expect(html).toContain(`${server.url}/media/${inline}`);
    expect(html).not.toContain('evil.example');
    expect(text(html, 'tools')).toBe('Druckversion Link mailen');
    expect(html).toMatch(
      /href="mailto:\?subject=IT-Kooperation%20beschlossen&amp;body=http%3A%2F%2F127\.0\.0\.1%3A\d+%2Farticles%2Fit-kooperation-beschlossen"/,
    );
    const more = text(html, 'more');
    expect(more).toMatch(/^Weitere Meldungen und Beiträge aus dem Bereich Politik/);
    expect(more).toContain('Köln:');
    expect(more).toContain('Ältere Meldung');
    expect(more).toContain('Ein älterer Teaser.');
    expect(more).not.toContain('Aus der Wirtschaft');
    expect(html).toMatch(/<a href="\/articles\/aeltere-meldung">Ältere Meldung<\/a>/);
  });

  it('has a print view without the related list, and serves the stylesheet', async () => {
    for (const path of [
      '/articles/it-kooperation-beschlossen/print',
      '/articles/it-kooperation-beschlossen?print=1',
    ]) {
      const r = await http(`${server.url}${path}`);
      expect(r.status).toBe(200);
      expect(r.text).toContain('<body class="print">');
      expect(r.text).not.toContain('Weitere Meldungen');
    }
    const css = await http(`${server.url}/static/site.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.text).toContain('@media print');
  });

  it('serves published images only, as renditions (the original address redirects)', async () => {
    const moved = await fetch(`${server.url}/media/${lead}`, { redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(`/media/${lead}/1600.webp`);
    const img = await fetch(`${server.url}/media/${lead}`);
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/webp');
    expect((await fetch(`${server.url}/media/${secret}`)).status).toBe(404);
  });

  it('escapes hostile text everywhere', async () => {
    const id = randomUUID();
    await publish(
      id,
      completeFields({
        kicker: '<script>alert(1)</script>',
        headline: 'Böse <img src=x onerror=alert(1)> "Zitat"',
        teaser: '&lt;b&gt; & <b>',
        tags: ['<i>x</i>'],
        section: 'verwaltung',
      }),
    );
    const page = await http(`${server.url}/articles/boese-img-src-x-onerror-alert-1-zitat`);
    expect(page.status).toBe(200);
    expect(page.text).not.toMatch(/<script>|<img src=x|<i>x<\/i>|<b>/);
    expect(page.text.match(/<\/script/gi)).toHaveLength(1);
    expect(jsonLd(page.text)).toMatchObject({
      alternativeHeadline: '<script>alert(1)</script>',
      headline: 'Böse <img src=x onerror=alert(1)> "Zitat"',
      keywords: ['<i>x</i>'],
    });
    expect(page.text).toContain('Böse &lt;img src=x onerror=alert(1)&gt; &quot;Zitat&quot;');
    expect(page.text).toContain('&amp;lt;b&amp;gt; &amp; &lt;b&gt;');
  });
});

describe('lists, feed and JSON', () => {
  it('front page newest first; section page lists its section only', async () => {
    const front = await http(`${server.url}/`);
    expect(front.status).toBe(200);
    const order = ['IT-Kooperation beschlossen', 'Aus der Wirtschaft', 'Ältere Meldung'].map((h) =>
      front.text.indexOf(h),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const section = await http(`${server.url}/sections/wirtschaft`);
    expect(section.text).toContain('Bereich Wirtschaft');
    expect(section.text).toContain('Aus der Wirtschaft');
    expect(section.text).not.toContain('Ältere Meldung');
    expect((await http(`${server.url}/sections/unbekannt`)).status).toBe(404);
  });

  it('Atom feed has the required elements of RFC 4287', async () => {
    const r = await http(`${server.url}/feed.xml`);
    expect(r.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const doc = parseDocument(r.text, { xmlMode: true });
    const feed = DomUtils.findOne((e: Element) => e.name === 'feed', doc.children, true) as Element;
    expect(feed.attribs.xmlns).toBe('http://www.w3.org/2005/Atom');
    const child = (el: Element, name: string) =>
      el.children.filter((c): c is Element => (c as Element).name === name);
    for (const required of ['id', 'title', 'updated', 'author'])
      expect(child(feed, required)).toHaveLength(1);
    const self = child(feed, 'link').find((l) => l.attribs.rel === 'self');
    expect(self?.attribs.href).toBe(`${server.url}/feed.xml`);
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
    expect(DomUtils.textContent(child(feed, 'updated')[0]!)).toMatch(iso);
    const entries = child(feed, 'entry');
    expect(entries.length).toBeGreaterThanOrEqual(3);
    const ids = new Set<string>();
    for (const e of entries) {
      for (const required of ['id', 'title', 'updated', 'summary', 'content'])
        expect(child(e, required)).toHaveLength(1);
      expect(child(e, 'link')[0]?.attribs.href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/articles\//);
      expect(child(e, 'content')[0]?.attribs.type).toBe('html');
      expect(DomUtils.textContent(child(e, 'updated')[0]!)).toMatch(iso);
      ids.add(DomUtils.textContent(child(e, 'id')[0]!));
    }
    expect(ids.size).toBe(entries.length);
    const mainEntry = entries.find(
      (e) => DomUtils.textContent(child(e, 'id')[0]!) === `urn:uuid:${main}`,
    )!;
    expect(DomUtils.textContent(child(mainEntry, 'content')[0]!)).toContain('<p>Stadt Münster');
  });

  it('JSON API filters by section and tag, pages, and answers 404 for unknown slugs', async () => {
    const all = await http(`${server.url}/api/v1/published?limit=2`);
    expect(all.body.items).toHaveLength(2);
    expect(all.body.total).toBeGreaterThanOrEqual(4);
    const page2 = await http(`${server.url}/api/v1/published?limit=2&offset=2`);
    expect(page2.body.items.map((i: { slug: string }) => i.slug)).not.toContain(
      all.body.items[0].slug,
    );
    const politik = await http(`${server.url}/api/v1/published?section=politik`);
    expect(politik.body.items.map((i: { headline: string }) => i.headline).sort()).toEqual(
      ['IT-Kooperation beschlossen', 'Ältere Meldung'].sort(),
    );
    const byName = await http(`${server.url}/api/v1/published?section=Wirtschaft`);
    expect(byName.body.items.map((i: { headline: string }) => i.headline)).toEqual([
      'Aus der Wirtschaft',
    ]);
    const tag = await http(`${server.url}/api/v1/published?tag=citeq`);
    expect(tag.body.items.map((i: { headline: string }) => i.headline)).toContain(
      'IT-Kooperation beschlossen',
    );
    expect(tag.body.items.map((i: { headline: string }) => i.headline)).not.toContain(
      'Aus der Wirtschaft',
    );
    const one = await http(`${server.url}/api/v1/published/it-kooperation-beschlossen`);
    expect(one.body).toMatchObject({
      id: main,
      byline: 'bs',
      section: { slug: 'politik', name: 'Politik' },
      leadImage: { credit: 'LWL' },
    });
    expect(one.body.bodyHtml).toContain('„Durch diesen Schritt');
    expect((await http(`${server.url}/api/v1/published/gibt-es-nicht`)).status).toBe(404);
  });
});

describe('correction and unpublish', () => {
  it('a correction republishes with an "aktualisiert" date; an unpublished article answers 410', async () => {
    const id = ids.other;
    await publish(id, completeFields({ headline: 'Zu korrigieren' }));
    const a = (await new Client(server.url, chief.token).pullAll())
      .flatMap((p) => p.changes)
      .filter((c: { id: string }) => c.id === id)
      .at(-1).data;
    // an edit to a published article is not live until the correction
    await chief.push([
      {
        name: 'article.setFields',
        args: {
          id,
          baseVersion: a.version,
          values: { teaser: 'Korrigierter Teaser.' },
          baseValues: { teaser: a.teaser },
        },
      },
    ]);
    expect(text((await http(`${server.url}/articles/zu-korrigieren`)).text, 'teaser')).not.toBe(
      'Korrigierter Teaser.',
    );
    const c = await chief.push([
      { name: 'article.transition', args: { id, from: 'published', to: 'published' } },
    ]);
    expect(c.body.outcomes[0].status).toBe('applied');
    const page = await http(`${server.url}/articles/zu-korrigieren`);
    expect(text(page.text, 'teaser')).toBe('Korrigierter Teaser.');
    expect(text(page.text, 'meta')).toMatch(
      /^\[\d{2}\.\d{2}\.\d{4}\] \(aktualisiert am \d{2}\.\d{2}\.\d{4}\)$/,
    );
    expect(
      (await http(`${server.url}/api/v1/published/zu-korrigieren`)).body.updatedAt,
    ).not.toBeNull();
    await chief.push([
      { name: 'article.transition', args: { id, from: 'published', to: 'unpublished' } },
    ]);
    expect((await http(`${server.url}/articles/zu-korrigieren`)).status).toBe(410);
    const json = await http(`${server.url}/api/v1/published/zu-korrigieren`);
    expect(json.status).toBe(410);
    expect(json.body.error.code).toBe('gone');
    expect((await http(`${server.url}/feed.xml`)).text).not.toContain('Zu korrigieren');
  });
});

describe('links from anywhere', () => {
  const tracking = 'utm_source=newsletter&utm_medium=email&fbclid=IwAR0x&gclid=Cj0K&ref=';

  it('public pages and feeds ignore unknown query parameters', async () => {
    const plain = await http(`${server.url}/articles/it-kooperation-beschlossen`);
    for (const path of [
      '/',
      '/sections/politik',
      '/articles/it-kooperation-beschlossen',
      '/articles/it-kooperation-beschlossen/print',
      '/feed.xml',
    ]) {
      const r = await http(`${server.url}${path}?${tracking}`);
      expect(r.status, path).toBe(200);
    }
    const tracked = await http(
      `${server.url}/articles/it-kooperation-beschlossen?${tracking}&print=1`,
    );
    expect(tracked.text).toContain('<body class="print">');
    // the canonical URL never carries the tracking parameters
    const canonical = (html: string) => /<link rel="canonical" href="([^"]+)">/.exec(html)?.[1];
    expect(canonical(tracked.text)).toBe(canonical(plain.text));
    expect(canonical(tracked.text)).toBe(`${server.url}/articles/it-kooperation-beschlossen`);
    // known parameters are still checked, and the page number still pages
    expect((await http(`${server.url}/?page=0&${tracking}`)).status).toBe(400);
    expect((await http(`${server.url}/articles/it-kooperation-beschlossen?print=2`)).status).toBe(
      400,
    );
    const page2 = await http(`${server.url}/?page=2&utm_source=x`);
    expect(page2.status).toBe(200);
    expect(page2.text).toContain('rel="prev"');
  });

  it('the JSON API still refuses parameters it does not know', async () => {
    const r = await http(`${server.url}/api/v1/published?utm_source=newsletter`);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBeTypeOf('string');
  });
});

describe('feeds', () => {
  const child = (el: Element, name: string) =>
    el.children.filter((c): c is Element => (c as Element).name === name);
  const feedOf = (xml: string) =>
    DomUtils.findOne(
      (e: Element) => e.name === 'feed',
      parseDocument(xml, { xmlMode: true }).children,
      true,
    ) as Element;
  const entryOf = (feed: Element, articleId: string) =>
    child(feed, 'entry').find(
      (e) => DomUtils.textContent(child(e, 'id')[0]!) === `urn:uuid:${articleId}`,
    );
  const titles = (feed: Element) =>
    child(feed, 'entry').map((e) => DomUtils.textContent(child(e, 'title')[0]!));

  it('each section has its own feed, advertised on its page', async () => {
    const r = await http(`${server.url}/sections/politik/feed.xml`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(xmlProblem(r.text)).toBeNull();
    const feed = feedOf(r.text);
    expect(DomUtils.textContent(child(feed, 'title')[0]!)).toBe('Copydesk – Politik');
    const self = child(feed, 'link').find((l) => l.attribs.rel === 'self');
    expect(self?.attribs.href).toBe(`${server.url}/sections/politik/feed.xml`);
    expect(DomUtils.textContent(child(feed, 'id')[0]!)).toBe(
      `${server.url}/sections/politik/feed.xml`,
    );
    expect(titles(feed)).toContain('Münster/LWL: IT-Kooperation beschlossen');
    expect(titles(feed)).toContain('Köln: Ältere Meldung');
    expect(titles(feed)).not.toContain('Münster/LWL: Aus der Wirtschaft');
    const wirtschaft = feedOf((await http(`${server.url}/sections/wirtschaft/feed.xml`)).text);
    expect(titles(wirtschaft)).toEqual(['Münster/LWL: Aus der Wirtschaft']);
    expect((await http(`${server.url}/sections/unbekannt/feed.xml`)).status).toBe(404);
    const page = await http(`${server.url}/sections/politik`);
    expect(page.text).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Copydesk – Politik" href="/sections/politik/feed.xml">',
    );
  });

  it('entries carry the lead image with its credit as an enclosure, and rights', async () => {
    const r = await http(`${server.url}/feed.xml`);
    const feed = feedOf(r.text);
    expect(feed.attribs['xmlns:media']).toBe('http://search.yahoo.com/mrss/');
    const year = new Date().getUTCFullYear();
    expect(DomUtils.textContent(child(feed, 'rights')[0]!)).toBe(`© ${year} Copydesk Redaktion`);
    const entry = entryOf(feed, main)!;
    const enclosure = child(entry, 'link').filter((l) => l.attribs.rel === 'enclosure');
    expect(enclosure).toHaveLength(1);
    expect(enclosure[0]!.attribs).toMatchObject({
      type: 'image/webp',
      href: `${server.url}/media/${lead}/640.webp`,
      title: 'Bildquelle: LWL',
    });
    const media = child(entry, 'media:content')[0]!;
    // the original is 640 × 480: its largest rendition is itself, never enlarged
    expect(media.attribs).toMatchObject({
      url: `${server.url}/media/${lead}/640.webp`,
      medium: 'image',
      width: '640',
      height: '480',
    });
    expect(DomUtils.textContent(child(media, 'media:credit')[0]!)).toBe('LWL');
    expect(DomUtils.textContent(child(media, 'media:description')[0]!)).toBe('Das Landeshaus');
    expect(DomUtils.textContent(child(entry, 'rights')[0]!)).toMatch(
      /^© \d{4} Copydesk Redaktion; Bild: LWL$/,
    );
    const img = await fetch(enclosure[0]!.attribs.href!);
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/webp');
    // an article without a lead image has no enclosure
    const other = entryOf(feed, ids.wirtschaft)!;
    expect(child(other, 'link').filter((l) => l.attribs.rel === 'enclosure')).toHaveLength(0);
    expect(child(other, 'media:content')).toHaveLength(0);
    expect(DomUtils.textContent(child(other, 'rights')[0]!)).toMatch(
      /^© \d{4} Copydesk Redaktion$/,
    );
  });

  it('an article without body gives its teaser as content', async () => {
    const id = randomUUID();
    await publish(
      id,
      completeFields({ headline: 'Nur ein Vorspann', teaser: 'Alles <Wichtige> steht hier.' }),
      body(),
    );
    const entry = entryOf(feedOf((await http(`${server.url}/feed.xml`)).text), id)!;
    expect(DomUtils.textContent(child(entry, 'content')[0]!)).toBe(
      '<p>Alles &lt;Wichtige&gt; steht hier.</p>',
    );
    expect(DomUtils.textContent(child(entry, 'summary')[0]!)).toBe('Alles <Wichtige> steht hier.');
  });

  it('stays well-formed XML whatever text a stored snapshot holds', async () => {
    const row = await serverRow<{ snapshot: string }>(
      server,
      'SELECT snapshot FROM published WHERE article_id = ?',
      main,
    );
    const before = row.snapshot;
    try {
      const s = JSON.parse(row.snapshot) as Record<string, unknown> & {
        leadImage: Record<string, unknown>;
      };
      // what an older server may have stored: controls, lone surrogates, non-characters
      s.headline = 'Kaputt\u0000\u000b \udc00 Schlagzeile\uffff';
      s.teaser = 'Vorspann\u001b mit ESC \ud83d';
      s.byline = 'bs\u0001';
      s.tags = ['Tag\u0002', ']]>'];
      s.leadImage.credit = 'LWL\u0007\ufffe';
      s.leadImage.alt = 'Landeshaus\u0008 \udbff';
      s.body = body('Text\u0000 mit \ud83d Rest');
      await serverExec(
        server,
        'UPDATE published SET snapshot = ? WHERE article_id = ?',
        JSON.stringify(s),
        main,
      );
      for (const path of ['/feed.xml', '/sections/politik/feed.xml']) {
        const r = await http(`${server.url}${path}`);
        expect(r.status, path).toBe(200);
        expect(xmlProblem(r.text), path).toBeNull();
        const entry = entryOf(feedOf(r.text), main)!;
        // The shared text rule: controls go, a lone surrogate becomes U+FFFD (as on the page).
        expect(DomUtils.textContent(child(entry, 'title')[0]!)).toBe(
          'Münster/LWL: Kaputt  \ufffd Schlagzeile',
        );
        expect(
          DomUtils.textContent(child(child(entry, 'media:content')[0]!, 'media:credit')[0]!),
        ).toBe('LWL');
      }
    } finally {
      await serverExec(
        server,
        'UPDATE published SET snapshot = ? WHERE article_id = ?',
        before,
        main,
      );
    }
  });
});

describe('search and social', () => {
  const url = () => `${server.url}/articles/it-kooperation-beschlossen`;

  it('article pages carry description, robots, OpenGraph and Twitter tags', async () => {
    const html = (await http(url())).text;
    const teaser = text(html, 'teaser');
    expect(metaContent(html, 'description')).toEqual([teaser]);
    expect(metaContent(html, 'robots')).toEqual(['max-image-preview:large']);
    expect(html).toContain(`<link rel="canonical" href="${url()}">`);
    // the largest distinct rendition of a 640 px wide original is the 640 one
    const largest = `${server.url}/media/${lead}/640.webp`;
    const expected: Record<string, string[]> = {
      'og:type': ['article'],
      'og:site_name': ['Copydesk'],
      'og:url': [url()],
      'og:title': ['IT-Kooperation beschlossen'],
      'og:description': [teaser],
      'og:image': [largest],
      'og:image:width': ['640'],
      'og:image:height': ['480'],
      'og:image:alt': ['Das Landeshaus'],
      'article:section': ['Politik'],
      'article:tag': [
        'Politik',
        'citeq',
        'Münster',
        'Landschaftsverband Westfalen-Lippe (LWL)',
        'LWL.IT',
      ],
      'twitter:card': ['summary_large_image'],
      'twitter:title': ['IT-Kooperation beschlossen'],
      'twitter:description': [teaser],
      'twitter:image': [largest],
      'twitter:image:alt': ['Das Landeshaus'],
    };
    for (const [key, value] of Object.entries(expected))
      expect(metaContent(html, key), key).toEqual(value);
    expect(metaContent(html, 'article:published_time')[0]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const image = await fetch(largest);
    expect(image.status).toBe(200);
    // the print view is not indexed and carries no structured data
    const print = (await http(`${url()}/print`)).text;
    expect(metaContent(print, 'robots')).toEqual(['noindex']);
    expect(print).not.toContain('application/ld+json');
  });

  it('an article without images gets a small card and no image tags', async () => {
    const html = (await http(`${server.url}/articles/aus-der-wirtschaft`)).text;
    expect(metaContent(html, 'twitter:card')).toEqual(['summary']);
    expect(metaContent(html, 'og:image')).toEqual([]);
    expect(jsonLd(html).image).toBeUndefined();
  });

  it('has NewsArticle JSON-LD with the rendition URLs and sizes, dates, author, publisher, section', async () => {
    const html = (await http(url())).text;
    const data = jsonLd(html);
    const published = metaContent(html, 'article:published_time')[0];
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      mainEntityOfPage: { '@type': 'WebPage', '@id': url() },
      url: url(),
      headline: 'IT-Kooperation beschlossen',
      alternativeHeadline: 'Münster/LWL:',
      description: text(html, 'teaser'),
      datePublished: published,
      dateModified: published,
      author: [{ '@type': 'Person', name: 'bs' }],
      publisher: {
        '@type': 'NewsMediaOrganization',
        name: 'Copydesk Redaktion',
        url: `${server.url}/`,
      },
      articleSection: 'Politik',
      inLanguage: 'de',
    });
    // a 640 × 480 original has two renditions: 320 × 240 and itself (never enlarged)
    const images = data.image as {
      url: string;
      width: { value: number };
      height: { value: number };
      creditText: string;
    }[];
    expect(images.map((i) => [i.width.value, i.height.value, i.creditText])).toEqual([
      [320, 240, 'LWL'],
      [640, 480, 'LWL'],
    ]);
    for (const i of images) {
      expect(i.url).toMatch(new RegExp(`^${server.url}/media/${lead}/\\d+\\.webp$`));
      const r = await fetch(i.url);
      expect(r.status, i.url).toBe(200);
      expect(r.headers.get('content-type')).toBe('image/webp');
    }
  });

  it('serves robots.txt, a sitemap and a news sitemap of the last two days', async () => {
    const robots = await http(`${server.url}/robots.txt`);
    expect(robots.status).toBe(200);
    expect(robots.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(robots.text).toContain(`Sitemap: ${server.url}/sitemap.xml`);
    expect(robots.text).toContain(`Sitemap: ${server.url}/news-sitemap.xml`);
    expect(robots.text).toMatch(/^User-agent: \*$/m);

    // the older article was published three days ago
    const row = await serverRow<{ snapshot: string; published_at: string }>(
      server,
      'SELECT snapshot, published_at FROM published WHERE article_id = ?',
      ids.older,
    );
    const old = new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString();
    const setPublished = (snapshot: string, at: string) =>
      serverExec(
        server,
        'UPDATE published SET snapshot = ?, published_at = ? WHERE article_id = ?',
        snapshot,
        at,
        ids.older,
      );
    const restore = () => setPublished(row.snapshot, row.published_at);
    try {
      await setPublished(JSON.stringify({ ...JSON.parse(row.snapshot), publishedAt: old }), old);
      const locs = (xml: string) =>
        DomUtils.findAll(
          (e: Element) => e.name === 'loc',
          parseDocument(xml, { xmlMode: true }).children,
        ).map((e) => DomUtils.textContent(e));

      const sitemap = await http(`${server.url}/sitemap.xml?utm_source=x`);
      expect(sitemap.status).toBe(200);
      expect(sitemap.headers.get('content-type')).toBe('application/xml; charset=utf-8');
      expect(xmlProblem(sitemap.text)).toBeNull();
      const all = locs(sitemap.text);
      expect(all).toContain(`${server.url}/`);
      expect(all).toContain(`${server.url}/sections/politik`);
      expect(all).toContain(url());
      expect(all).toContain(`${server.url}/articles/aeltere-meldung`);
      expect(all).not.toContain(`${server.url}/articles/zu-korrigieren`); // unpublished
      expect(sitemap.text).toMatch(
        new RegExp(`<loc>${url()}</loc><lastmod>\\d{4}-\\d{2}-\\d{2}T[^<]+Z</lastmod>`),
      );

      const news = await http(`${server.url}/news-sitemap.xml`);
      expect(news.status).toBe(200);
      expect(xmlProblem(news.text)).toBeNull();
      const doc = parseDocument(news.text, { xmlMode: true });
      const urlset = DomUtils.findOne(
        (e: Element) => e.name === 'urlset',
        doc.children,
        true,
      ) as Element;
      expect(urlset.attribs['xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
      const fresh = locs(news.text);
      expect(fresh).toContain(url());
      expect(fresh).not.toContain(`${server.url}/articles/aeltere-meldung`);
      const entry = DomUtils.findAll((e: Element) => e.name === 'url', doc.children).find(
        (e) =>
          DomUtils.textContent(DomUtils.findOne((c: Element) => c.name === 'loc', e.children)!) ===
          url(),
      )!;
      const field = (name: string) =>
        DomUtils.textContent(
          DomUtils.findOne((c: Element) => c.name === name, entry.children, true)!,
        );
      expect(field('news:name')).toBe('Copydesk Redaktion');
      expect(field('news:language')).toBe('de');
      expect(field('news:title')).toBe('IT-Kooperation beschlossen');
      expect(field('news:publication_date')).toBe(jsonLd((await http(url())).text).datePublished);
    } finally {
      await restore();
    }
  });
});

describe('ninjs', () => {
  // The official IPTC ninjs 2.2 schema (tests/fixtures/ninjs), with formats (uri, date-time) checked.
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  // ninjs places refer to the GeoJSON schema (draft-07), vendored beside it
  ajv.addMetaSchema(draft07);
  ajv.addSchema(geoJsonSchema);
  const validate = ajv.compile(ninjsSchema);
  const expectValid = (item: unknown) => {
    const ok = validate(item);
    expect(ok ? [] : validate.errors, JSON.stringify(item).slice(0, 200)).toEqual([]);
  };

  it('the schema refuses what the old JSON API gave', async () => {
    const old = await http(`${server.url}/api/v1/published/it-kooperation-beschlossen`);
    expect(validate(old.body)).toBe(false);
  });

  it('serves every published article as valid ninjs, newest first, paged', async () => {
    const all = await http(`${server.url}/api/ninjs/v2/items?limit=100`);
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBeGreaterThanOrEqual(4);
    for (const item of all.body.items) expectValid(item);
    const page = await http(`${server.url}/api/ninjs/v2/items?limit=1&offset=1`);
    expect(page.body.items.map((i: { uri: string }) => i.uri)).toEqual([all.body.items[1].uri]);
    expect((await http(`${server.url}/api/ninjs/v2/items?utm_source=x`)).status).toBe(400);
    expect((await http(`${server.url}/api/ninjs/v2/items?limit=0`)).status).toBe(400);
  });

  it('an article: headlines, teaser, body with counts, byline, subjects, images with renditions and rights', async () => {
    const photo = randomUUID();
    await uploadImage(photo, 20, 'dpa', {
      creator: 'Erika Fotografin',
      copyright: '© 2026 dpa',
      licence: 'Nur redaktionelle Nutzung',
      caption: 'Bild im Text',
    });
    const id = randomUUID();
    const b = body('Eins zwei drei.', 'Vier fünf.');
    b.root.children.push({
      type: 'article-image',
      version: 1,
      $: { imageId: photo, caption: 'Im Text', credit: '', alt: 'Ein Foto', blockId: 'ninjsimg' },
    });
    await publish(
      id,
      completeFields({
        headline: 'Ninjs für Partner',
        tags: ['Agentur'],
        leadImage: { imageId: lead, caption: 'Landeshaus' },
      }),
      b,
    );
    const r = await http(`${server.url}/api/ninjs/v2/items/${id}`);
    expect(r.status).toBe(200);
    expectValid(r.body);
    const item = r.body;
    expect(item).toMatchObject({
      uri: `urn:uuid:${id}`,
      type: 'text',
      pubstatus: 'usable',
      language: 'de',
      by: 'bs',
      standard: { name: 'ninjs', version: '2.2' },
      headlines: [
        { role: 'main', value: 'Ninjs für Partner' },
        { role: 'kicker', value: 'Münster/LWL:' },
      ],
      descriptions: [{ role: 'teaser', value: completeFields().teaser }],
      subjects: [
        { name: 'Politik', rel: 'section', uri: `${server.url}/sections/politik` },
        { name: 'Agentur', rel: 'tag' },
      ],
    });
    expect(item.firstcreated).toBe(item.versioncreated);
    expect(item.bodies).toHaveLength(1);
    expect(item.bodies[0]).toMatchObject({ contenttype: 'text/html', wordcount: 5 });
    expect(item.bodies[0].value).toContain('<p>Eins zwei drei.</p>');
    expect(item.bodies[0].charcount).toBeGreaterThanOrEqual('Eins zwei drei.Vier fünf.'.length);
    const [leadAssoc, inlineAssoc] = item.associations;
    expect(leadAssoc).toMatchObject({
      name: 'lead',
      uri: `urn:uuid:${lead}`,
      type: 'picture',
      headlines: [{ role: 'caption', value: 'Landeshaus' }],
      copyrightholder: 'LWL',
    });
    expect(leadAssoc.renditions).toEqual([
      {
        name: '320w',
        href: `${server.url}/media/${lead}/320.webp`,
        contenttype: 'image/webp',
        width: 320,
        height: 240,
      },
      {
        name: '640w',
        href: `${server.url}/media/${lead}/640.webp`,
        contenttype: 'image/webp',
        width: 640,
        height: 480,
      },
    ]);
    expect(inlineAssoc).toMatchObject({
      name: 'inline1',
      uri: `urn:uuid:${photo}`,
      by: 'Erika Fotografin',
      copyrightholder: 'dpa',
      copyrightnotice: '© 2026 dpa',
      usageterms: 'Nur redaktionelle Nutzung',
    });
    const renditions = [...leadAssoc.renditions, ...inlineAssoc.renditions] as { href: string }[];
    for (const { href } of renditions) expect((await fetch(href)).status, href).toBe(200);
  });

  it('an unpublished article is a canceled item; unknown ids are 404', async () => {
    const r = await http(`${server.url}/api/ninjs/v2/items/${ids.other}`);
    expect(r.status).toBe(200);
    expectValid(r.body);
    expect(r.body).toMatchObject({ uri: `urn:uuid:${ids.other}`, pubstatus: 'canceled' });
    expect(r.body.headlines).toBeUndefined();
    expect((await http(`${server.url}/api/ninjs/v2/items/${randomUUID()}`)).status).toBe(404);
    expect((await http(`${server.url}/api/ninjs/v2/items/not-an-id`)).status).toBe(400);
  });
});

describe('ninjs changes since', () => {
  type Page = { items: { uri: string; pubstatus: string }[]; next: string };

  it('gives every change after a time or position, unpublished ones as canceled, and pages with next', async () => {
    const start = new Date().toISOString();
    const a = randomUUID();
    const b = randomUUID();
    await publish(a, completeFields({ headline: 'Seit eins' }));
    await publish(b, completeFields({ headline: 'Seit zwei' }));
    await chief.push([
      { name: 'article.transition', args: { id: a, from: 'published', to: 'unpublished' } },
    ]);
    const first = await http(
      `${server.url}/api/ninjs/v2/items?since=${encodeURIComponent(start)}&limit=1`,
    );
    expect(first.status).toBe(200);
    const p1 = first.body as Page;
    // oldest change first: b (a's newer change, the unpublication, comes after it)
    expect(p1.items.map((i) => [i.uri, i.pubstatus])).toEqual([[`urn:uuid:${b}`, 'usable']]);
    const p2 = (await http(`${server.url}/api/ninjs/v2/items?since=${encodeURIComponent(p1.next)}`))
      .body as Page;
    expect(p2.items.map((i) => [i.uri, i.pubstatus])).toEqual([[`urn:uuid:${a}`, 'canceled']]);
    // polling from the last position gives nothing until something changes
    const p3 = (await http(`${server.url}/api/ninjs/v2/items?since=${encodeURIComponent(p2.next)}`))
      .body as Page;
    expect(p3.items).toEqual([]);
    expect(p3.next).toBe(p2.next);
    await chief.push([
      { name: 'article.transition', args: { id: b, from: 'published', to: 'published' } },
    ]);
    const p4 = (await http(`${server.url}/api/ninjs/v2/items?since=${encodeURIComponent(p3.next)}`))
      .body as Page;
    expect(p4.items.map((i) => [i.uri, i.pubstatus])).toEqual([[`urn:uuid:${b}`, 'usable']]);
    // a time in another zone is the same instant
    const berlin = new Date(Date.parse(start) + 3600_000).toISOString().replace('Z', '+01:00');
    const same = (
      await http(`${server.url}/api/ninjs/v2/items?since=${encodeURIComponent(berlin)}&limit=100`)
    ).body as Page;
    expect(same.items.map((i) => i.uri)).toEqual([`urn:uuid:${a}`, `urn:uuid:${b}`]);
    for (const bad of ['gestern', '2026-13-01T00:00:00Z', `${start}&offset=2`, `${start}~nope`])
      expect((await http(`${server.url}/api/ninjs/v2/items?since=${bad}`)).status, bad).toBe(400);
  });
});

describe('edited slug', () => {
  it('is the address of the first publication; a correction renames it and the old address redirects (301)', async () => {
    const id = randomUUID();
    await publish(id, completeFields({ headline: 'Adresse von Hand', slug: 'eigene-adresse' }));
    expect((await http(`${server.url}/articles/eigene-adresse`)).status).toBe(200);
    expect((await http(`${server.url}/articles/adresse-von-hand`)).status).toBe(404);
    const a = (await chief.pullAll())
      .flatMap((p) => p.changes as { id: string; data: { version: number; slug: string } }[])
      .filter((c) => c.id === id)
      .at(-1)!.data;
    const edit = await chief.push([
      {
        name: 'article.setFields',
        args: {
          id,
          baseVersion: a.version,
          values: { slug: 'neue-adresse' },
          baseValues: { slug: a.slug },
        },
      },
      { name: 'article.transition', args: { id, from: 'published', to: 'published' } },
    ]);
    expect(edit.body.outcomes.map((o: { status: string }) => o.status)).toEqual([
      'applied',
      'applied',
    ]);
    expect((await http(`${server.url}/articles/neue-adresse`)).status).toBe(200);
    for (const path of ['', '/print']) {
      const old = await fetch(`${server.url}/articles/eigene-adresse${path}`, {
        redirect: 'manual',
      });
      expect(old.status).toBe(301);
      expect(old.headers.get('location')).toBe(`/articles/neue-adresse${path}`);
    }
    // the former address stays this article's: another one cannot take it
    await publish(randomUUID(), completeFields({ headline: 'Andere', slug: 'eigene-adresse' }));
    expect((await http(`${server.url}/articles/eigene-adresse-2`)).status).toBe(200);
  });
});

describe('own description and social image', () => {
  it('go into description, OpenGraph, Twitter and JSON-LD; the social image is served and in ninjs', async () => {
    const social = randomUUID();
    await uploadImage(social, 40, 'Nord/Sozial', { creator: 'Sozia Fotografin' });
    const id = randomUUID();
    const description = 'Was Suchmaschinen zeigen sollen, nicht der Vorspann.';
    await publish(
      id,
      completeFields({
        headline: 'Eigene Beschreibung',
        metaDescription: description,
        socialImageId: social,
        leadImage: { imageId: lead, caption: 'Aufmacher' },
      }),
    );
    const html = (await http(`${server.url}/articles/eigene-beschreibung`)).text;
    for (const key of ['description', 'og:description', 'twitter:description'])
      expect(metaContent(html, key), key).toEqual([description]);
    const image = `${server.url}/media/${social}/640.webp`;
    expect(metaContent(html, 'og:image')).toEqual([image]);
    expect(metaContent(html, 'twitter:image')).toEqual([image]);
    const data = jsonLd(html);
    expect(data.description).toBe(description);
    expect((data.image as { url: string; creditText: string }[]).at(-1)).toMatchObject({
      url: image,
      creditText: 'Nord/Sozial',
    });
    // shared, not shown: the page's figure is the lead image's
    expect(html).not.toContain(`/media/${social}/320.webp 320w`);
    expect((await fetch(image)).status).toBe(200);
    const item = (await http(`${server.url}/api/ninjs/v2/items/${id}`)).body;
    expect(item.associations.map((a: { name: string }) => a.name)).toEqual(['lead', 'social']);
  });
});

describe("the lead image's own alt text", () => {
  it('describes the picture on the page instead of the record; desks before 2026-12-z pull it without', async () => {
    const id = randomUUID();
    const alt = 'Das Landeshaus am Abend, von der Promenade aus gesehen';
    await publish(
      id,
      completeFields({
        headline: 'Eigener Alternativtext',
        leadImage: { imageId: lead, caption: 'Landeshaus', alt },
      }),
    );
    const html = (await http(`${server.url}/articles/eigener-alternativtext`)).text;
    const figure = DomUtils.findOne(
      (e: Element) => e.name === 'figure' && e.attribs.class === 'lead',
      parseDocument(html).children,
    );
    const img = figure && DomUtils.findOne((e: Element) => e.name === 'img', figure.children);
    expect(img?.attribs.alt).toBe(alt);
    expect(html).toContain('Bildquelle: LWL');

    const old = new Client(server.url, chief.token); // no schemaVersion: the oldest desk
    const fresh = new Client(server.url, chief.token);
    fresh.schemaVersion = SCHEMA_VERSION;
    const leadOf = async (c: Client) =>
      (await c.pullAll(1000)).flatMap((p) => p.changes).findLast((ch) => ch.id === id)?.data
        ?.leadImage;
    expect(await leadOf(fresh)).toEqual({ imageId: lead, caption: 'Landeshaus', alt });
    expect(await leadOf(old)).toEqual({ imageId: lead, caption: 'Landeshaus' });
  });
});

describe('rights travel with the picture', () => {
  it('the snapshot keeps every rights field: JSON-LD and ninjs show them as published, not as the record is now', async () => {
    const photo = randomUUID();
    const rights = {
      creator: 'Erika Fotografin',
      copyright: '© 2026 Erika Fotografin',
      source: 'Fotoagentur Nord',
      licence: 'Nur redaktionell, Lizenz: https://lizenz.example/nord.',
      licenceExpires: '2027-12-31',
    };
    await uploadImage(photo, 30, 'Nord/Fotografin', rights);
    const id = randomUUID();
    await publish(
      id,
      completeFields({
        headline: 'Rechte reisen mit',
        leadImage: { imageId: photo, caption: 'Am Hafen' },
      }),
    );
    // The desk changes the record after publication; readers keep the published rights.
    const version = (await chief.pullAll())
      .flatMap((p) => p.changes as { id: string; data: { version: number } }[])
      .filter((c) => c.id === photo)
      .at(-1)!.data.version;
    const edit = await chief.push([
      {
        name: 'image.setMeta',
        args: {
          id: photo,
          baseVersion: version,
          values: { creator: 'Jemand Anders', copyright: '© Anders', credit: 'Anders' },
          baseValues: {
            creator: rights.creator,
            copyright: rights.copyright,
            credit: 'Nord/Fotografin',
          },
        },
      },
    ]);
    expect(edit.body.outcomes[0].status).toBe('applied');

    const html = (await http(`${server.url}/articles/rechte-reisen-mit`)).text;
    expect(html).toContain('Bildquelle: Nord/Fotografin');
    const images = jsonLd(html).image as Record<string, unknown>[];
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      expect(image).toMatchObject({
        creator: { '@type': 'Person', name: 'Erika Fotografin' },
        creditText: 'Nord/Fotografin',
        copyrightNotice: '© 2026 Erika Fotografin',
        license: 'https://lizenz.example/nord',
      });
    }

    // the renditions embed the published rights too, as XMP (read back with ExifTool)
    const webp = Buffer.from(await (await fetch(images[0]!.url as string)).arrayBuffer());
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-rights-'));
    try {
      writeFileSync(join(dir, 'r.webp'), webp);
      const [tags] = JSON.parse(
        execFileSync('exiftool', ['-json', '-XMP:all', '-EXIF:all', join(dir, 'r.webp')], {
          encoding: 'utf8',
        }),
      ) as Record<string, unknown>[];
      expect(tags).toMatchObject({
        Creator: 'Erika Fotografin',
        Credit: 'Nord/Fotografin',
        Rights: '© 2026 Erika Fotografin',
        Source: 'Fotoagentur Nord',
        UsageTerms: rights.licence,
      });
      expect(Object.keys(tags!).filter((k) => /GPS|Serial|^Make$|^Model$/.test(k))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const item = (await http(`${server.url}/api/ninjs/v2/items/${id}`)).body;
    expect(item.associations[0]).toMatchObject({
      name: 'lead',
      by: 'Erika Fotografin',
      copyrightholder: 'Nord/Fotografin',
      copyrightnotice: '© 2026 Erika Fotografin',
      usageterms: rights.licence,
    });
  });
});
