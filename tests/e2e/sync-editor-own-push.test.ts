/**
 * The desk's own acknowledged push is not a remote change (browser mode, real backend, signed
 * in): the editor types, its saved body is pushed and acknowledged (the pull brings the same body
 * back), and the editor's next saves are stored as sent at once — no held body, no merge banner.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tempDir } from '../support/tmp';
import type { Started } from '../support/processes';
import { bodyOf, startServer, textsOf } from '../sync/support/harness';
import {
  body,
  type EditorHost,
  openArticle,
  settle,
  startEditorHost,
  waitSaved,
} from './editor-helpers';
import { paragraphs } from './sync-editor-helpers';

let server: Started;
let h: EditorHost;
const tmp = tempDir('copydesk-own-push-');

beforeAll(async () => {
  server = await startServer(`${tmp.dir}/server`);
  h = await startEditorHost();
  await h.call('sync.login', { serverUrl: server.url, username: 'editor', password: 'editor' });
});
afterAll(async () => {
  await h?.close();
  await server?.stop();
  tmp.cleanup();
});

interface SaveSeen {
  outcome: unknown;
  bodyStored: unknown;
  sentBody: boolean;
}

/** Records what every `articles.save` of the page was answered. */
function recordSaves(page: Page): SaveSeen[] {
  const seen: SaveSeen[] = [];
  page.on('response', (res) => {
    if (!res.url().endsWith('/api/call')) return;
    const request = res.request().postData() ?? '';
    if (!request.includes('"articles.save"')) return;
    void res.json().then((r: { value?: { outcome?: unknown; bodyStored?: unknown } }) => {
      const input = (JSON.parse(request) as { input: { body?: unknown } }).input;
      seen.push({
        outcome: r.value?.outcome,
        bodyStored: r.value?.bodyStored,
        sentBody: input.body !== undefined,
      });
    });
  });
  return seen;
}

/** Pushes and pulls until the outbox is empty (the push acknowledged by a pull). */
async function syncUntilAcked(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const s = await h.call('sync.now', {});
    if (s.pending === 0 && s.state !== 'error') return;
  }
  throw new Error(`sync did not settle: ${JSON.stringify(await h.call('sync.status', {}))}`);
}

it('stores saves as sent after the push of the earlier ones was acknowledged', async () => {
  const a = await h.call('articles.create', {
    fields: { headline: 'Eigener Push' },
    body: bodyOf([
      ['b1', 'Eins'],
      ['b2', 'Zwei'],
    ]),
  });
  await syncUntilAcked();

  const { page, errors } = await openArticle(h, a.id);
  const saves = recordSaves(page);
  const banner = page.getByTestId('remote-update');
  await body(page).locator(':scope > p').first().click();
  await page.keyboard.press('End');
  await settle(page);

  let expected = 'Eins';
  for (const word of [' alpha', ' beta', ' gamma']) {
    await page.keyboard.type(word, { delay: 20 });
    expected += word;
    await waitSaved(page);
    // Stored at once (not after a 3 s pause for a merge).
    expect(textsOf((await h.call('articles.get', { id: a.id })).body)).toEqual([expected, 'Zwei']);
    expect(await banner.isVisible()).toBe(false);
    // The desk pushes the save; the pull acknowledges it and brings the same body back.
    await syncUntilAcked();
    expect(textsOf((await h.call('articles.get', { id: a.id })).body)).toEqual([expected, 'Zwei']);
  }
  await page.keyboard.type(' delta', { delay: 20 });
  expected += ' delta';
  await waitSaved(page);
  expect(textsOf((await h.call('articles.get', { id: a.id })).body)).toEqual([expected, 'Zwei']);
  expect(await paragraphs(page)).toEqual([expected, 'Zwei']);
  expect(await banner.isVisible()).toBe(false);

  await expect.poll(() => saves.filter((s) => s.sentBody).length).toBeGreaterThanOrEqual(4);
  const bodySaves = saves.filter((s) => s.sentBody);
  expect(bodySaves.map((s) => s.outcome)).toEqual(bodySaves.map(() => 'applied'));
  expect(bodySaves.map((s) => s.bodyStored)).toEqual(bodySaves.map(() => 'as-sent'));
  expect(errors).toEqual([]);
  await page.close();
});

it('stores saves as sent while the desk pushes in the background as the journalist types', async () => {
  const a = await h.call('articles.create', {
    fields: { headline: 'Laufend' },
    body: bodyOf([
      ['b1', 'Eins'],
      ['b2', 'Zwei'],
    ]),
  });
  await syncUntilAcked();
  const { page, errors } = await openArticle(h, a.id);
  const saves = recordSaves(page);
  const banner = page.getByTestId('remote-update');
  let bannerSeen = false;
  const watch = setInterval(() => {
    void banner.isVisible().then((v) => {
      if (v) bannerSeen = true;
    });
  }, 50);
  await body(page).locator(':scope > p').first().click();
  await page.keyboard.press('End');
  await settle(page);
  let expected = 'Eins';
  for (let i = 0; i < 8; i++) {
    const word = ` wort${i}`;
    await page.keyboard.type(word, { delay: 30 });
    expected += word;
    await page.waitForTimeout(400 + (i % 3) * 250);
  }
  await waitSaved(page);
  expect(textsOf((await h.call('articles.get', { id: a.id })).body)).toEqual([expected, 'Zwei']);
  clearInterval(watch);
  expect(bannerSeen).toBe(false);
  await expect.poll(() => saves.filter((s) => s.sentBody).length).toBeGreaterThanOrEqual(3);
  const bodySaves = saves.filter((s) => s.sentBody);
  expect(bodySaves.map((s) => s.outcome)).toEqual(bodySaves.map(() => 'applied'));
  expect(errors).toEqual([]);
  await page.close();
});
