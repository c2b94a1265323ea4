/**
 * The pages the opening tools load (waterfall-load.ts, module-marks.ts): the 1,000-paragraph
 * article in ours (browser mode on a fresh profile, `renderer` or out/renderer), bare Lexical
 * on the same document, and with COPYDESK_BASE_RENDERER=dir (a copy of an earlier
 * out/renderer) that build on a host of its own; one headless Chromium for all.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '../tests/support/browser';
import { startBrowserMode, type Started } from '../tests/support/processes';
import { tempDir } from '../tests/support/tmp';
import { buildBarePage, call, makeDoc, serveBare, type Doc } from './editor';

export interface LoadPages {
  browser: Browser;
  /** [name, url]: ours, bare (unless left out), base (when COPYDESK_BASE_RENDERER is set). */
  pages: [string, string][];
  /** Where each page's scripts (and, in a build with source maps, their maps) are on disk. */
  assets: Map<string, string>;
  close: () => Promise<void>;
}

export async function openLoadPages(
  opts: { renderer?: string; bare?: boolean; base?: boolean } = {},
): Promise<LoadPages> {
  const doc = makeDoc('large', 1000);
  const cleanups: (() => unknown)[] = [];
  const pages: [string, string][] = [];
  const assets = new Map<string, string>();
  const ours = async (name: string, renderer: string | undefined) => {
    const dir = tempDir(`copydesk-load-${name}-`);
    cleanups.push(() => dir.cleanup());
    const host: Started = await startBrowserMode(
      dir.dir,
      0,
      renderer ? { args: ['--renderer', renderer] } : {},
    );
    cleanups.push(() => host.kill());
    const article = (await call(host, 'articles.create', {
      fields: { headline: 'Opening' },
      body: doc.body,
    })) as { id: string };
    pages.push([name, `${host.url}#article=${article.id}`]);
    assets.set(
      name,
      join(renderer ?? join(import.meta.dirname, '..', 'out', 'renderer'), 'assets'),
    );
  };
  const close = async () => {
    for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => undefined);
  };
  try {
    await ours('ours', opts.renderer);
    if (opts.bare !== false) {
      const bare = await openBarePage(doc, cleanups);
      pages.push(['bare', bare.url]);
      assets.set('bare', bare.assets);
    }
    const base = process.env.COPYDESK_BASE_RENDERER;
    if (opts.base !== false && base) await ours('base', base);
    const browser = await chromium.launch({
      executablePath: findChromium(),
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    cleanups.push(() => browser.close());
    return { browser, pages, assets, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * Bare Lexical on `doc`, built into a temporary folder and served (bench/editor.ts, serveBare);
 * what to undo afterwards goes onto `cleanups`. Returns its URL and where its scripts are.
 */
export async function openBarePage(
  doc: Doc,
  cleanups: (() => unknown)[],
): Promise<{ url: string; assets: string }> {
  const dir = tempDir('copydesk-load-bare-');
  cleanups.push(() => dir.cleanup());
  await buildBarePage(dir.dir);
  const bare = await serveBare(dir.dir, [doc]);
  cleanups.push(() => bare.server.close());
  return { url: `${bare.origin}/?name=${doc.name}`, assets: join(dir.dir, 'assets') };
}

/** "load average 1.2 0.8 0.5", printed with each tool's figures. */
export function loadAverageLine(): string {
  return `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`;
}
