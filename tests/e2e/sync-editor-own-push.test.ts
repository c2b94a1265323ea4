/**
 * The desk's own acknowledged push is not a remote change (browser mode, real backend, signed
 * in): the editor types, its saved body is pushed and acknowledged (the pull brings the same body
 * back), and the editor's next saves are stored as sent at once — no held body, no merge banner —
 * also when a save is made while the previous one's push waits for its acknowledgement.
 */
import { afterAll, beforeAll, expect, it, onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';
import { tempDir } from '../support/tmp';
import type { Started } from '../support/processes';
import { bodyOf, openClient, signIn, startServer, textsOf } from '../sync/support/harness';
import { startFaultProxy, type FaultProxy } from '../sync/support/fault-proxy';
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
/** Between the desk and the server, to make its requests slow. */
let proxy: FaultProxy;
let h: EditorHost;
const tmp = tempDir('copydesk-own-push-');

beforeAll(async () => {
  server = await startServer(`${tmp.dir}/server`);
  proxy = await startFaultProxy(server.url, 1);
  h = await startEditorHost();
  await h.call('sync.login', { serverUrl: proxy.url, username: 'editor', password: 'editor' });
});
afterAll(async () => {
  await h?.close();
  await proxy?.close();
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

/** Watches for the merge banner until `stop()`, which says whether it was ever shown. */
function watchBanner(page: Page): { stop(): boolean } {
  let shown = false;
  const timer = setInterval(() => {
    void page
      .getByTestId('remote-update')
      .isVisible()
      .then(
        (v) => {
          if (v) shown = true;
        },
        () => undefined,
      );
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return shown;
    },
  };
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

it('stores saves as sent when the journalist saves again while the push is on its way', async () => {
  const a = await h.call('articles.create', {
    fields: { headline: 'Langsame Leitung' },
    body: bodyOf([
      ['b1', 'Eins'],
      ['b2', 'Zwei'],
    ]),
  });
  await syncUntilAcked();
  const { page, errors } = await openArticle(h, a.id);
  const saves = recordSaves(page);
  const seen = watchBanner(page);
  onTestFinished(() => void seen.stop());
  await body(page).locator(':scope > p').first().click();
  await page.keyboard.press('End');
  await settle(page);
  // Each request to the server takes 0.6 s: a save made right after the previous one was
  // pushed is stored while that push waits for its acknowledgement.
  proxy.latencyMs = 600;
  let expected = 'Eins';
  try {
    for (const word of [' alpha', ' beta', ' gamma', ' delta']) {
      await page.keyboard.type(word, { delay: 20 });
      expected += word;
      await waitSaved(page);
      expect(textsOf((await h.call('articles.get', { id: a.id })).body)).toEqual([
        expected,
        'Zwei',
      ]);
    }
  } finally {
    proxy.latencyMs = 0;
  }
  await syncUntilAcked();
  expect(seen.stop()).toBe(false);
  expect(await paragraphs(page)).toEqual([expected, 'Zwei']);
  expect(textsOf((await h.call('articles.get', { id: a.id })).body)).toEqual([expected, 'Zwei']);
  expect((await h.call('sync.conflicts', {})).items).toEqual([]);
  // The server has every word (another desk sees what the journalist typed).
  const other = await openClient(tmp.dir, 'other');
  try {
    await signIn(other, server.url, 'chief');
    await other.api['sync.now']({});
    expect(textsOf((await other.api['articles.get']({ id: a.id })).body)).toEqual([
      expected,
      'Zwei',
    ]);
  } finally {
    await other.close();
  }
  await expect.poll(() => saves.filter((s) => s.sentBody).length).toBeGreaterThanOrEqual(4);
  const bodySaves = saves.filter((s) => s.sentBody);
  expect(bodySaves.map((s) => s.outcome)).toEqual(bodySaves.map(() => 'applied'));
  expect(errors).toEqual([]);
  await page.close();
});
