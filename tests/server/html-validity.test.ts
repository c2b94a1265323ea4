/**
 * The public site is valid HTML by a real validator: the Nu Html Checker (vnu-jar, run with the
 * machine's Java) checks the front page, a section page, the article page and its print page of
 * a server with the demo content: 0 errors (warnings are listed, not failed). The article's
 * JSON-LD is a NewsArticle with the properties search engines need; robots.txt is plain lines
 * and the two sitemaps are well-formed XML in the sitemap structure.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DomUtils, parseDocument } from 'htmlparser2';
import { isTag, type Element } from 'domhandler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { seedDemoContent } from '../../src-server/demo/content';
import { startServer, type RunningServer } from '../../src-server/server';
import { ensureBlockIdsJson } from '../../src-shared/richtext/blockIdsJson';
import {
  body,
  heading,
  image,
  lineBreak,
  link,
  list,
  listItem,
  paragraph,
  quote,
  text,
} from '../../src-shared/richtext/builders';
import { xmlProblem } from '../support/xml';
import { Client, completeFields, login, ROOT } from './helpers';

const exec = promisify(execFile);
const VNU_JAR = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

let dir: string;
let server: RunningServer;
let slug: string;
const pages: Record<string, string> = {};
let messages: VnuMessage[] = [];

/**
 * Beside the demo article (plain paragraphs), one with every kind of body block, formatting and
 * an image in the text, so that the validator sees all that the templates can write.
 */
async function publishRichArticle(url: string): Promise<string> {
  const editor = new Client(url, await login(url, 'editor'));
  const chief = new Client(url, await login(url, 'chief'));
  // The demo's photo is on the server already (seedDemoContent uploaded it).
  const sha256 = createHash('sha256')
    .update(readFileSync(join(ROOT, 'resources/demo/lwl-kooperation.jpg')))
    .digest('hex');
  const imageId = uuidv7();
  const id = uuidv7();
  const BOLD = 1;
  const ITALIC = 2;
  const rich = body(
    paragraph([
      text('Vorspann mit '),
      text('fett', { format: BOLD }),
      text(' und '),
      text('kursiv', { format: ITALIC }),
    ]),
    heading('h2', [text('Zwischentitel')]),
    paragraph([
      text('Ein '),
      link('https://www.example.org/?a=1&b=2', [text('Link')]),
      text(' im Text,'),
      lineBreak(),
      text('neue Zeile.'),
    ]),
    quote([text('„Ein Zitat“, sagte sie.')]),
    list('bullet', [listItem([text('erstens')]), listItem([text('zweitens')])]),
    list('number', [listItem([text('eins')]), listItem([text('zwei')])]),
    image({ imageId, caption: 'Bild im Text', credit: 'LWL' }),
    heading('h3', [text('Kleiner Titel')]),
    paragraph([text('Schluss < & > "Ende".')]),
  );
  const pushed = await editor.push([
    {
      name: 'image.create',
      args: {
        id: imageId,
        sha256,
        mime: 'image/jpeg',
        width: 1200,
        height: 800,
        meta: { credit: 'LWL', caption: 'Bild im Text', alt: 'Ein Bild im Text' },
      },
    },
    {
      name: 'article.create',
      args: {
        id,
        fields: completeFields({ headline: 'Alle Blöcke im Text', leadImage: null }),
        body: ensureBlockIdsJson(rich),
      },
    },
    { name: 'article.transition', args: { id, from: 'draft', to: 'in_review' } },
  ]);
  const published = await chief.push([
    { name: 'article.transition', args: { id, from: 'in_review', to: 'approved' } },
    { name: 'article.transition', args: { id, from: 'approved', to: 'published' } },
  ]);
  for (const r of [pushed, published]) {
    const bad = (r.body as { outcomes: { status: string }[] }).outcomes.filter(
      (o) => o.status !== 'applied',
    );
    if (bad.length) throw new Error(`the rich article was refused: ${r.text}`);
  }
  const page = (await (await fetch(`${url}/api/v1/published?limit=5`)).json()) as {
    items: { slug: string; headline: string }[];
  };
  return page.items.find((i) => i.headline === 'Alle Blöcke im Text')!.slug;
}

/** Checks HTML files in one Java start (the slow part); vnu exits 1 when it finds errors. */
async function validate(files: string[]): Promise<VnuMessage[]> {
  const run = await exec('java', ['-jar', VNU_JAR, '--format', 'json', '--stdout', ...files], {
    maxBuffer: 16 * 1024 * 1024,
    timeout: 120_000,
  }).catch((e: { stdout?: string; code?: number }) => {
    if (e.stdout === undefined || e.code !== 1) throw e;
    return { stdout: e.stdout };
  });
  return (JSON.parse(run.stdout) as { messages: VnuMessage[] }).messages;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-html-validity-'));
  server = await startServer({ dataDir: join(dir, 'data'), port: 0, demo: true, log: () => {} });
  const seeded = await seedDemoContent(server.url, join(ROOT, 'resources/demo'));
  if (!seeded.slug) throw new Error('the demo article was not published');
  slug = seeded.slug;
  const richSlug = await publishRichArticle(server.url);
  const paths = {
    front: '/',
    section: '/sections/politik',
    article: `/articles/${slug}`,
    print: `/articles/${slug}/print`,
    rich: `/articles/${richSlug}`,
    'rich-print': `/articles/${richSlug}/print`,
  };
  const files: string[] = [];
  for (const [name, path] of Object.entries(paths)) {
    const r = await fetch(`${server.url}${path}`);
    if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
    pages[name] = await r.text();
    const file = join(dir, `${name}.html`);
    writeFileSync(file, pages[name]);
    files.push(file);
  }
  // A broken page in the same run: proves that the checker reports errors from these files.
  const canary = join(dir, 'canary.html');
  writeFileSync(canary, '<!DOCTYPE html><html lang="de"><title>x</title><p><div></p><img src="a">');
  messages = await validate([...files, canary]);
}, 180_000);

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const page = (file: string) => (m: VnuMessage) => m.url.endsWith(`/${file}.html`);
const describeMessage = (m: VnuMessage) =>
  `line ${m.lastLine ?? '?'}: ${m.message}${m.extract ? ` [${m.extract.trim()}]` : ''}`;

describe('Nu Html Checker', () => {
  it('ran on all pages, and finds the errors of a broken one', () => {
    expect(messages.filter((m) => m.type === 'non-document-error')).toEqual([]);
    const canary = messages.filter(page('canary')).filter((m) => m.type === 'error');
    expect(canary.map((m) => m.message).join('\n')).toMatch(/“img” element must have an “alt”/);
  });

  it.each(['front', 'section', 'article', 'print', 'rich', 'rich-print'])(
    '%s page has no errors',
    (name) => {
      const mine = messages.filter(page(name));
      const warnings = mine.filter((m) => m.type === 'info').map(describeMessage);
      if (warnings.length)
        console.warn(`${name} page, validator warnings:\n${warnings.join('\n')}`);
      expect(mine.filter((m) => m.type === 'error').map(describeMessage)).toEqual([]);
    },
  );
});

it('the article JSON-LD is a NewsArticle with the properties search engines need', () => {
  const scripts = DomUtils.findAll(
    (e: Element) => e.name === 'script' && e.attribs.type === 'application/ld+json',
    parseDocument(pages.article!).children,
  );
  expect(scripts).toHaveLength(1);
  const data = JSON.parse(DomUtils.textContent(scripts[0]!)) as Record<string, unknown>;
  expect(data['@context']).toBe('https://schema.org');
  expect(data['@type']).toBe('NewsArticle');
  expect(typeof data.headline).toBe('string');
  expect((data.headline as string).length).toBeGreaterThan(0);
  expect((data.headline as string).length).toBeLessThanOrEqual(110);
  for (const key of ['datePublished', 'dateModified'] as const) {
    expect(data[key], key).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
    );
  }
  const images = data.image as { '@type': string; url: string }[];
  expect(images.length).toBeGreaterThan(0);
  for (const i of images) {
    expect(i['@type']).toBe('ImageObject');
    expect(new URL(i.url).origin).toBe(server.url);
  }
  const authors = data.author as { '@type': string; name: string }[];
  expect(authors.length).toBeGreaterThan(0);
  for (const a of authors) {
    expect(['Person', 'Organization']).toContain(a['@type']);
    expect(a.name.trim()).not.toBe('');
  }
  expect(data.publisher).toMatchObject({ '@type': 'NewsMediaOrganization' });
  expect((data.publisher as { name: string }).name.trim()).not.toBe('');
  expect(data.mainEntityOfPage).toMatchObject({ '@id': `${server.url}/articles/${slug}` });
});

it('robots.txt is User-agent / Allow / Disallow / Sitemap lines with absolute sitemap URLs', async () => {
  const text = await (await fetch(`${server.url}/robots.txt`)).text();
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  for (const line of lines) expect(line).toMatch(/^(User-agent|Allow|Disallow|Sitemap): \S*$/);
  expect(lines.filter((l) => l.startsWith('Sitemap: '))).toEqual([
    `Sitemap: ${server.url}/sitemap.xml`,
    `Sitemap: ${server.url}/news-sitemap.xml`,
  ]);
});

/** The sitemap protocol: a urlset of url elements, each with one absolute loc first. */
function expectSitemapStructure(xml: string, allowed: readonly string[]): Element[] {
  expect(xmlProblem(xml)).toBeNull();
  const roots = parseDocument(xml, { xmlMode: true }).children.filter(isTag);
  expect(roots.map((r) => r.name)).toEqual(['urlset']);
  const urlset = roots[0]!;
  expect(urlset.attribs.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
  const urls = urlset.children.filter(isTag);
  expect(urls.length).toBeGreaterThan(0);
  expect(urls.length).toBeLessThanOrEqual(50_000);
  for (const u of urls) {
    expect(u.name).toBe('url');
    const children = u.children.filter(isTag);
    expect(children[0]?.name).toBe('loc');
    expect(children.filter((c) => c.name === 'loc')).toHaveLength(1);
    for (const c of children) expect(allowed).toContain(c.name);
    const loc = DomUtils.textContent(children[0]!);
    expect(new URL(loc).origin).toBe(server.url);
    const lastmod = children.find((c) => c.name === 'lastmod');
    if (lastmod) expect(DomUtils.textContent(lastmod)).toMatch(/^\d{4}-\d{2}-\d{2}(T[^<]+)?$/);
  }
  return urls;
}

it('sitemap.xml is well-formed and in the sitemap structure', async () => {
  const xml = await (await fetch(`${server.url}/sitemap.xml`)).text();
  const urls = expectSitemapStructure(xml, ['loc', 'lastmod', 'changefreq', 'priority']);
  const locs = urls.map((u) => DomUtils.textContent(u.children.find(isTag)!));
  expect(locs).toContain(`${server.url}/articles/${slug}`);
});

it('news-sitemap.xml is well-formed and every entry has the news publication, date and title', async () => {
  const xml = await (await fetch(`${server.url}/news-sitemap.xml`)).text();
  const urls = expectSitemapStructure(xml, ['loc', 'lastmod', 'news:news', 'image:image']);
  expect(urls).toHaveLength(2); // the demo article and the rich one, both fresh
  for (const u of urls) {
    const news = DomUtils.findOne((e: Element) => e.name === 'news:news', u.children);
    expect(news).not.toBeNull();
    const child = (name: string) =>
      DomUtils.findOne((e: Element) => e.name === name, news!.children, true);
    expect(DomUtils.textContent(child('news:name')!)).not.toBe('');
    expect(DomUtils.textContent(child('news:language')!)).toMatch(/^[a-z]{2,3}$/);
    expect(DomUtils.textContent(child('news:publication_date')!)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(DomUtils.textContent(child('news:title')!)).not.toBe('');
  }
});
