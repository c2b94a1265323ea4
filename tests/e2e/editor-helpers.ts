/** Shared set-up for the editor e2e files: one browser-mode host and one Chromium per file. */
import { expect } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { MethodName, MethodOutput } from '../../src-shared/api';
import { launchChromium } from '../support/browser';
import { startBrowserMode, type BrowserModeOptions, type Started } from '../support/processes';
import { tempDir } from '../support/tmp';

export interface EditorHost {
  browser: Browser;
  host: Started;
  profile: string;
  /** Calls the DesktopApi of the host directly (as the test's view of the store). */
  call<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>>;
  /**
   * A new page on the app (English unless `locale` says otherwise), errors collected. `clock`
   * installs Playwright's controllable clock before the app loads (timers run until paused).
   */
  open(options?: {
    locale?: string;
    hash?: string;
    permissions?: string[];
    clock?: boolean;
  }): Promise<AppPage>;
  restart(kind: 'kill' | 'stop'): Promise<void>;
  close(): Promise<void>;
}

export interface AppPage {
  page: Page;
  errors: string[];
}

/** Calls the DesktopApi of a browser-mode host, as its window would. */
export async function callHost<M extends MethodName>(
  host: Started,
  method: M,
  input: unknown,
): Promise<MethodOutput<M>> {
  const url = new URL(host.url);
  const res = await fetch(`${url.origin}/api/call`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-copydesk-token': url.searchParams.get('token')!,
    },
    body: JSON.stringify({ method, input }),
  });
  const result = (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as never;
}

/** `options` go to the browser-mode host (arguments, environment), also when it restarts. */
export async function startEditorHost(options: BrowserModeOptions = {}): Promise<EditorHost> {
  const t = tempDir('copydesk-editor-');
  const browser = await launchChromium();
  let host = await startBrowserMode(t.dir, 0, options);
  const self: EditorHost = {
    browser,
    get host() {
      return host;
    },
    profile: t.dir,
    call: (method, input) => callHost(host, method, input),
    async open(options = {}) {
      const page = await browser.newPage({
        locale: options.locale ?? 'en-US',
        ...(options.permissions ? { permissions: options.permissions } : {}),
      });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      if (options.clock) await page.clock.install();
      await page.goto(host.url + (options.hash ?? ''));
      await page.locator('.app').waitFor();
      return { page, errors };
    },
    async restart(kind) {
      await (kind === 'kill' ? host.kill() : host.stop());
      host = await startBrowserMode(t.dir, 0, options);
    },
    async close() {
      await browser.close().catch(() => undefined);
      await host.kill().catch(() => undefined);
      t.cleanup();
    },
  };
  return self;
}

/**
 * Opens an article by URL hash and waits until its body is editable and the parts shown after
 * it (the list, the details panel: boot/AfterStartup.tsx) are there.
 */
export async function openArticle(
  h: EditorHost,
  id: string,
  locale?: string,
  options: { clock?: boolean } = {},
): Promise<AppPage> {
  const app = await h.open({ locale, hash: `#article=${id}`, ...options });
  await app.page.locator('[contenteditable="true"][data-ready="true"]').waitFor();
  await startupShown(app.page);
  return app;
}

/** Waits until nothing waits for start-up any more (no placeholder is busy). */
export async function startupShown(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !document.querySelector('.list[aria-busy], .details[aria-busy]'),
  );
}

export const body = (page: Page) => page.locator('[contenteditable="true"][data-ready="true"]');
export const status = (page: Page) => page.getByTestId('save-status');

/** Waits for the status line to say "Saved" (after any pending save). */
export async function waitSaved(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('[data-testid="save-status"]')?.textContent === 'Saved',
    undefined,
    { timeout },
  );
}

/** The top-level block JSON of the stored body. */
export type JsonBlock = {
  type: string;
  tag?: string;
  listType?: string;
  children?: JsonBlock[];
  text?: string;
  format?: number;
  url?: string;
  $?: { blockId?: string };
  [k: string]: unknown;
};

export async function storedBlocks(h: EditorHost, id: string): Promise<JsonBlock[]> {
  const a = await h.call('articles.get', { id });
  return a.body.root.children as JsonBlock[];
}

export function textOf(node: JsonBlock): string {
  if (typeof node.text === 'string') return node.text;
  return (node.children ?? []).map(textOf).join('');
}

/** Lets the browser deliver pending selectionchange events (a human is never this fast). */
export async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(60);
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))),
  );
}

/**
 * Waits until Lexical has taken over the browser's caret. A synthetic event dispatched from the
 * test can otherwise run before the selectionchange that a key or click queued, and act on
 * Lexical's previous selection; a real key press comes after it.
 */
export async function caretTaken(page: Page): Promise<void> {
  await expect
    .poll(() =>
      body(page).evaluate((root) => {
        type Point = { key: string; offset: number; type: string };
        const editor = (
          root as unknown as {
            __lexicalEditor: {
              getEditorState(): { _selection: { anchor: Point; focus: Point } | null };
              getElementByKey(key: string): HTMLElement | null;
            };
          }
        ).__lexicalEditor;
        const lexical = editor.getEditorState()._selection;
        const dom = window.getSelection();
        if (!lexical?.anchor || !dom?.anchorNode) return false;
        const same = (p: Point, node: Node | null, offset: number) => {
          const el = editor.getElementByKey(p.key);
          return (p.type === 'text' ? el?.firstChild : el) === node && p.offset === offset;
        };
        return (
          same(lexical.anchor, dom.anchorNode, dom.anchorOffset) &&
          same(lexical.focus, dom.focusNode, dom.focusOffset)
        );
      }),
    )
    .toBe(true);
}

/** Puts HTML and plain text on the real system clipboard of the page. */
export async function writeClipboard(page: Page, html: string, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(
    async ([h, t]) => {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([h!], { type: 'text/html' }),
          'text/plain': new Blob([t!], { type: 'text/plain' }),
        }),
      ]);
    },
    [html, text],
  );
}

/**
 * The placeholder's text width in the input's own font, and the room its content box has: a
 * placeholder is cut when the first is larger.
 */
export async function placeholderRoom(input: Locator): Promise<{ text: number; room: number }> {
  return input.evaluate((el: HTMLInputElement) => {
    const cs = getComputedStyle(el);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = cs.font;
    const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    return { text: ctx.measureText(el.placeholder).width, room };
  });
}
