/**
 * Opening an article at start (`#article=` link): the body comes first; the article list and
 * the details panel render after its first frame (boot/AfterStartup.tsx), into boxes that are
 * there from the start, so the text does not move when they fill.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../src-shared/richtext/plainText';
import { type EditorHost, startEditorHost, startupShown } from './editor-helpers';

let h: EditorHost;
beforeAll(async () => {
  h = await startEditorHost();
});
afterAll(async () => {
  await h?.close();
});

interface Seen {
  /** ms after navigation when the body was editable, the list had rows, the panel had fields. */
  ready?: number;
  list?: number;
  details?: number;
  /** Left edge of the body when it was first editable, and once everything was there. */
  bodyLeftAtReady?: number;
  bodyLeftAtEnd?: number;
}

/** Records, from the first script on, when each part first appears. */
function watchStart(): void {
  const seen: Seen = {};
  (window as { __seen?: Seen }).__seen = seen;
  const check = () => {
    const root = document.querySelector<HTMLElement>('[data-ready="true"]');
    if (root && seen.ready === undefined) {
      seen.ready = performance.now();
      seen.bodyLeftAtReady = root.getBoundingClientRect().left;
    }
    if (seen.list === undefined && document.querySelector('[data-testid="article-list"]'))
      seen.list = performance.now();
    if (seen.details === undefined && document.querySelector('.details .field--byline'))
      seen.details = performance.now();
    if (root && seen.list !== undefined && seen.details !== undefined)
      seen.bodyLeftAtEnd = root.getBoundingClientRect().left;
  };
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
  });
}

describe('opening an article at start', () => {
  it('shows the body first, then the list and the details panel, without moving the text', async () => {
    const other = await h.call('articles.create', { fields: { headline: 'Zweiter Artikel' } });
    const a = await h.call('articles.create', {
      fields: { headline: 'Erster Artikel', byline: 'Anna Muster' },
      body: bodyFromParagraphs(['Erster Absatz.', 'Zweiter Absatz.']),
    });
    const page = await h.browser.newPage({
      locale: 'en-US',
      viewport: { width: 1280, height: 900 },
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(watchStart);
    // The CSP refuses eval; nothing of ours may even try (zod's probe did: boot/zodJitless.ts).
    await page.addInitScript(() => {
      const w = window as { __violations?: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__violations?.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(`${h.host.url}#article=${a.id}`);
    await page.locator('[data-ready="true"]').waitFor();
    await startupShown(page);
    await page.getByRole('list', { name: 'Articles' }).getByText('Zweiter Artikel').waitFor();

    const seen = (await page.evaluate(() => (window as { __seen?: Seen }).__seen))!;
    expect(seen.ready).toBeGreaterThan(0);
    expect(seen.list).toBeGreaterThan(seen.ready!);
    expect(seen.details).toBeGreaterThan(seen.ready!);
    // Nothing the user needs is lost: list rows, the panel's fields with the article's values.
    expect(await page.getByLabel('Byline', { exact: true }).inputValue()).toBe('Anna Muster');
    await page.getByRole('list', { name: 'Articles' }).getByText('Erster Artikel').waitFor();
    expect(await page.getByTestId('article-checklist').count()).toBe(1);
    // The body's column kept its place while the list and the panel filled.
    expect(seen.bodyLeftAtEnd).toBe(seen.bodyLeftAtReady);
    // Another article opens with everything at once.
    await page.getByRole('list', { name: 'Articles' }).getByText('Zweiter Artikel').click();
    await page.waitForFunction(
      (id) => location.hash === `#article=${id}` && !!document.querySelector('[data-ready]'),
      other.id,
    );
    expect(await page.locator('.details[aria-busy]').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => (window as { __violations?: string[] }).__violations)).toEqual(
      [],
    );
    await page.close();
  });

  it('loads the start stage async beside the app, each script once, and asks for the article once', async () => {
    const a = await h.call('articles.create', {
      fields: { headline: 'Einmal geladen' },
      body: bodyFromParagraphs(['Ein Absatz.']),
    });
    const page = await h.browser.newPage({ locale: 'en-US' });
    const scripts: string[] = [];
    const calls: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.endsWith('.js')) scripts.push(path);
      if (path === '/api/call')
        calls.push((JSON.parse(r.postData() ?? '{}') as { method?: string }).method ?? '');
    });
    await page.goto(`${h.host.url}#article=${a.id}`);
    await page.locator('[data-ready="true"]').waitFor();
    // The start stage (boot/startCalls.ts: libraries, model, API client) is a script of its own,
    // run as soon as it is in; the app imports the same file, so it is fetched and run once.
    const start = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLScriptElement>('script[type="module"][async]')].map(
        (s) => new URL(s.src).pathname,
      ),
    );
    expect(start).toHaveLength(1);
    expect(start[0]).toMatch(/^\/assets\/start-[\w-]+\.js$/);
    const app = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLScriptElement>('script[type="module"]:not([async])')].map(
        (s) => new URL(s.src).pathname,
      ),
    );
    expect(app).toHaveLength(1);
    for (const file of [start[0], app[0], '/early.js'])
      expect(scripts.filter((s) => s === file)).toHaveLength(1);
    expect(new Set(scripts).size).toBe(scripts.length);
    // The article is asked for once: by the early script, its answer taken by the start stage.
    expect(calls.filter((m) => m === 'articles.get')).toHaveLength(1);
    expect(await page.getByLabel('Headline', { exact: true }).inputValue()).toBe('Einmal geladen');
    await page.close();
  });

  it('without an article the list shows at once; a missing article still brings the list', async () => {
    const a = await h.call('articles.create', { fields: { headline: 'Ohne Link' } });
    const plain = await h.open();
    await plain.page.getByRole('list', { name: 'Articles' }).getByText('Ohne Link').waitFor();
    expect(await plain.page.locator('.list[aria-busy]').count()).toBe(0);
    await plain.page.close();

    const missing = await h.open({ hash: `#article=${randomUUID()}` });
    await missing.page.getByRole('alert').first().waitFor();
    expect(await missing.page.getByRole('alert').first().textContent()).toMatch(/could not/i);
    await missing.page.getByRole('list', { name: 'Articles' }).getByText(a.headline).waitFor();
    expect(await missing.page.locator('.list[aria-busy]').count()).toBe(0);
    await missing.page.close();
  });
});
