/**
 * The newsroom dictionary between two desks through the real backend: desk A in browser mode
 * (signed in as an editor), desk B an in-process core signed in as the desk chief. A word one desk
 * adds is not marked on the other after sync; a word the chief removes is marked again.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSyncEditorPair, type SyncEditorPair } from './sync-editor-helpers';
import { bodyOf, type Client } from '../sync/support/harness';
import { type EditorHost, openArticle, startEditorHost } from './editor-helpers';

/** With COPYDESK_SCREENSHOTS set (a folder), the settings views are saved there, as elsewhere. */
const SHOTS = process.env.COPYDESK_SCREENSHOTS;

let pair: SyncEditorPair;
let h: EditorHost;
let b: Client;

beforeAll(async () => {
  pair = await startSyncEditorPair('copydesk-newsroom-dictionary-', 'chief');
  ({ h, b } = pair);
});
afterAll(async () => {
  await pair?.close();
});

/** The words underlined as misspelled, in document order. */
async function marked(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...(CSS.highlights.get('copydesk-spelling') ?? [])]
      .map((r) => r as Range)
      .sort((x, y) => x.compareBoundaryPoints(Range.START_TO_START, y))
      .map((r) => r.toString()),
  );
}

const waitMarked = (page: Page, expected: string[]) =>
  expect.poll(() => marked(page), { timeout: 15_000 }).toEqual(expected);

async function rightClick(page: Page, word: string): Promise<void> {
  const box = await page.evaluate((w) => {
    const r = [...(CSS.highlights.get('copydesk-spelling') ?? [])]
      .map((x) => x as Range)
      .find((x) => x.toString() === w);
    const rect = r?.getBoundingClientRect();
    return rect ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : null;
  }, word);
  if (!box) throw new Error(`"${word}" is not underlined`);
  await page.mouse.click(box.x, box.y, { button: 'right' });
}

const wordsOf = async (c: { 'dictionary.list': Client['api']['dictionary.list'] }) =>
  (await c['dictionary.list']({})).items.map((w) => w.word);

it('"citeq" added on desk B is not marked on desk A after sync; "Vitako" added from A\'s spelling menu reaches B; a word the chief removes is marked again', async () => {
  const a = await h.call('articles.create', {
    body: bodyOf([['b1', 'Der Dienstleister citeq betreut Vitako in Münster.']]),
  });
  const { page, errors } = await openArticle(h, a.id);
  await waitMarked(page, ['citeq', 'Vitako']);

  // B adds "citeq"; once both desks have synced, A's open article no longer marks it.
  await b.api['dictionary.add']({ word: 'citeq' });
  await b.api['sync.now']({});
  await h.call('sync.now', {});
  await waitMarked(page, ['Vitako']);

  // A adds "Vitako" from the spelling menu: queued, then synced to B.
  await rightClick(page, 'Vitako');
  await page.getByRole('menuitem', { name: 'Add to newsroom dictionary' }).click();
  await waitMarked(page, []);
  await h.call('sync.now', {});
  await b.api['sync.now']({});
  expect(await wordsOf(b.api)).toEqual(['citeq', 'Vitako']);
  expect((await b.api['dictionary.list']({})).items.every((w) => !w.pending)).toBe(true);

  // The editor on desk A may not remove a word; the chief on desk B may.
  await expect(h.call('dictionary.remove', { word: 'citeq' })).rejects.toThrow(/desk chief/);
  await b.api['dictionary.remove']({ word: 'citeq' });
  await b.api['sync.now']({});
  await h.call('sync.now', {});
  await waitMarked(page, ['citeq']);
  expect((await h.call('dictionary.list', {})).items.map((w) => w.word)).toEqual(['Vitako']);

  // After a reload A still knows the dictionary as synced.
  await page.reload();
  await waitMarked(page, ['citeq']);
  expect(errors).toEqual([]);
});

it('a desk chief sees the newsroom dictionary in the settings and removes a word there; an editor only sees it', async () => {
  const chief = await startEditorHost();
  try {
    await chief.call('sync.login', {
      serverUrl: pair.server.url,
      username: 'chief',
      password: 'chief',
    });
    await b.api['dictionary.add']({ word: 'LWL.IT' });
    await b.api['sync.now']({});
    await chief.call('sync.now', {});
    await h.call('sync.now', {});

    const list = (page: Page) => page.getByRole('list', { name: 'Newsroom dictionary' });
    const editorApp = await h.open();
    await editorApp.page.getByRole('button', { name: 'Settings' }).click();
    await expect
      .poll(() => list(editorApp.page).getByRole('listitem').allTextContents())
      .toEqual(['LWL.IT', 'Vitako']);
    expect(await list(editorApp.page).getByRole('button').count()).toBe(0);
    // The settings read as one column: nothing wider than the fields; the hint looks like one.
    const column = await editorApp.page.locator('.settings').evaluate((settings) => {
      const right = settings.querySelector('.field')!.getBoundingClientRect().right;
      const hint = settings.querySelector('.newsroom-dictionary > p')!;
      return {
        wider: [...settings.children]
          .filter((c) => c.getBoundingClientRect().right > right + 1)
          .map((c) => c.className || c.tagName),
        hintSize: getComputedStyle(hint).fontSize,
        bodySize: getComputedStyle(settings).fontSize,
      };
    });
    expect(column.wider).toEqual([]);
    expect(parseFloat(column.hintSize)).toBeLessThan(parseFloat(column.bodySize));
    if (SHOTS) await editorApp.page.screenshot({ path: `${SHOTS}/newsroom-dictionary-editor.png` });

    const chiefApp = await chief.open();
    await chiefApp.page.getByRole('button', { name: 'Settings' }).click();
    await expect.poll(() => list(chiefApp.page).getByRole('listitem').count()).toBe(2);
    if (SHOTS) await chiefApp.page.screenshot({ path: `${SHOTS}/newsroom-dictionary-chief.png` });
    await chiefApp.page
      .getByRole('button', { name: 'Remove “LWL.IT” from the newsroom dictionary' })
      .click();
    await expect
      .poll(() => list(chiefApp.page).getByRole('listitem').allTextContents())
      .toEqual(['VitakoRemove']);

    await chief.call('sync.now', {});
    await h.call('sync.now', {});
    await expect
      .poll(() => list(editorApp.page).getByRole('listitem').allTextContents())
      .toEqual(['Vitako']);
    expect(chiefApp.errors).toEqual([]);
    expect(editorApp.errors).toEqual([]);
  } finally {
    await chief.close();
  }
});
