import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import WebSocket from 'ws';
import { launchChromium } from '../support/browser';
import { startBrowserMode, type Started } from '../support/processes';
import { tempDir } from '../support/tmp';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

let host: Started | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  await host?.kill();
  host = undefined;
  cleanup?.();
});

async function openApp(url: string): Promise<Page> {
  const page = await browser.newPage({ locale: 'en-US' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  await page.getByRole('button', { name: 'New article' }).waitFor();
  (page as Page & { errors?: string[] }).errors = errors;
  return page;
}

describe('browser mode', () => {
  it('creates an article, lists it, finds it, survives a reload and a SIGKILL of the host', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    host = await startBrowserMode(t.dir);
    let page = await openApp(host.url);

    await page.getByRole('button', { name: 'New article' }).click();
    const headline = page.getByLabel('Headline');
    await headline.fill('IT-Kooperation in Münster beschlossen');
    const list = page.getByRole('list', { name: 'Articles' });
    await expect
      .poll(() => list.getByText('IT-Kooperation in Münster beschlossen').count(), {
        timeout: 10_000,
      })
      .toBe(1);

    await page.getByRole('searchbox', { name: 'Search articles' }).fill('munster kooperat');
    await expect.poll(() => page.getByText('1 result').count()).toBe(1);
    await expect
      .poll(() => list.getByText('IT-Kooperation in Münster beschlossen').count())
      .toBe(1);
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('nirgendwo');
    await expect.poll(() => page.getByText('No article matches "nirgendwo".').count()).toBe(1);

    await page.reload();
    await page.getByRole('button', { name: 'New article' }).waitFor();
    await expect
      .poll(() =>
        page
          .getByRole('list', { name: 'Articles' })
          .getByText('IT-Kooperation in Münster beschlossen')
          .count(),
      )
      .toBe(1);
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.close();

    await host.kill();
    host = await startBrowserMode(t.dir);
    page = await openApp(host.url);
    await expect
      .poll(() =>
        page
          .getByRole('list', { name: 'Articles' })
          .getByText('IT-Kooperation in Münster beschlossen')
          .count(),
      )
      .toBe(1);
    await page.close();
  });

  it('refuses every request and WebSocket without the launch token, and sends the CSP', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    host = await startBrowserMode(t.dir);
    const base = new URL(host.url);
    const origin = base.origin;
    const token = base.searchParams.get('token')!;

    for (const path of ['/', '/index.html', '/api/call', '/assets/x.js']) {
      const r = await fetch(origin + path, { method: path === '/api/call' ? 'POST' : 'GET' });
      expect(r.status, path).toBe(401);
    }
    const wrong = await fetch(`${origin}/?token=${token.slice(1)}x`);
    expect(wrong.status).toBe(401);

    const call = await fetch(`${origin}/api/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-copydesk-token': token },
      body: JSON.stringify({ method: 'articles.list', input: {} }),
    });
    expect(call.status).toBe(200);
    expect(await call.json()).toMatchObject({ ok: true, value: { total: 0 } });

    // Even with the token, nothing outside the built renderer is served.
    for (const path of [
      '/..%2f..%2fpackage.json',
      '/%2e%2e/package.json',
      '/assets/..%5c..%5cpackage.json',
    ]) {
      const r = await fetch(origin + path, { headers: { 'x-copydesk-token': token } });
      expect([400, 404], path).toContain(r.status);
      expect(await r.text(), path).not.toContain('"name": "copydesk"');
    }

    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    // No inline script, no JS eval ('wasm-unsafe-eval' allows WebAssembly compilation only).
    expect(page.headers.get('content-security-policy')).not.toMatch(/'unsafe-(inline|eval)'/);

    const wsStatus = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${origin.replace('http', 'ws')}/api/events`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => {
        ws.close();
        resolve(101);
      });
      ws.on('error', () => undefined);
    });
    expect(wsStatus).toBe(401);

    const wsOk = await new Promise<boolean>((resolve) => {
      const ws = new WebSocket(`${origin.replace('http', 'ws')}/api/events?token=${token}`);
      ws.on('open', () => {
        ws.close();
        resolve(true);
      });
      ws.on('error', () => resolve(false));
    });
    expect(wsOk).toBe(true);
  });
});

describe('language', () => {
  it('follows the system language and can be switched in settings', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    host = await startBrowserMode(t.dir);
    const page = await browser.newPage({ locale: 'de-DE' });
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Neuer Artikel' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');

    await page.getByRole('button', { name: 'Einstellungen' }).click();
    await page.getByLabel('Sprache').selectOption('en');
    await page.getByRole('button', { name: 'New article' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // The choice is stored in the profile: a reload stays English despite the German system.
    await page.reload();
    await page.getByRole('button', { name: 'New article' }).waitFor();
    await page.close();
  });
});
