/**
 * A synced change reaches the article open in the editor, in browser mode
 * against the real backend: client B (an in-process core, signed in as the desk chief) changes
 * the headline and another paragraph while A types; A sees "Updated by Miriam Krause" (the
 * chief's display name), nothing under A's cursor changes while A types, and after A pauses both
 * edits are in A's editor and in the store.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { paragraphs, startSyncEditorPair, type SyncEditorPair } from './sync-editor-helpers';
import { bodyOf, textsOf, type Client } from '../sync/support/harness';
import { body, type EditorHost, openArticle, settle, waitSaved } from './editor-helpers';

let pair: SyncEditorPair;
let h: EditorHost;
let b: Client;

beforeAll(async () => {
  pair = await startSyncEditorPair('copydesk-sync-editor-', 'chief');
  ({ h, b } = pair);
});
afterAll(async () => {
  await pair?.close();
});

it('shows "Updated by <the chief\'s display name>" while A types and merges both edits when A pauses', async () => {
  const a = await h.call('articles.create', {
    fields: { headline: 'Start', teaser: 'T0' },
    body: bodyOf([
      ['b1', 'Eins'],
      ['b2', 'Zwei'],
      ['b3', 'Drei'],
    ]),
  });
  await h.call('sync.now', {});
  await b.api['sync.now']({});
  expect((await b.api['articles.get']({ id: a.id })).headline).toBe('Start');

  const { page, errors } = await openArticle(h, a.id);
  const headline = page.getByLabel('Headline', { exact: true });
  const banner = page.getByTestId('remote-update');
  expect(await paragraphs(page)).toEqual(['Eins', 'Zwei', 'Drei']);

  // A puts the caret at the end of the first paragraph and starts typing.
  await body(page).locator(':scope > p').first().click();
  await page.keyboard.press('End');
  await settle(page);
  await page.keyboard.type(' und A', { delay: 40 });

  // Meanwhile B changes the headline and the third paragraph, and A's core pulls it.
  await b.api['articles.save']({
    id: a.id,
    fields: { headline: 'Von B' },
    body: bodyOf([
      ['b1', 'Eins'],
      ['b2', 'Zwei'],
      ['b3', 'Drei von B'],
    ]),
  });
  await b.api['sync.now']({});
  const typing = page.keyboard.type(' tippt weiter und weiter', { delay: 90 });
  await h.call('sync.now', {});
  await expect.poll(() => banner.isVisible(), { timeout: 10_000 }).toBe(true);
  expect(await banner.textContent()).toContain('Updated by Miriam Krause');
  expect(await banner.locator('strong').getAttribute('title')).toBe('chief');
  // Nothing under A's cursor changes while A types: the other edits wait.
  expect(await headline.inputValue()).toBe('Start');
  expect((await paragraphs(page))[2]).toBe('Drei');
  await typing;
  expect(await banner.isVisible()).toBe(true);
  expect(await paragraphs(page)).toEqual(['Eins und A tippt weiter und weiter', 'Zwei', 'Drei']);
  await banner.getByRole('button', { name: 'Show changes' }).click();
  expect(await banner.textContent()).toMatch(/Changed: .*Headline.*the text/);

  // After A pauses (about 3 s without a keystroke) both edits are in A's editor …
  await expect.poll(() => banner.isVisible(), { timeout: 10_000 }).toBe(false);
  expect(await headline.inputValue()).toBe('Von B');
  expect(await paragraphs(page)).toEqual([
    'Eins und A tippt weiter und weiter',
    'Zwei',
    'Drei von B',
  ]);
  // … the caret is still where A left it …
  await page.keyboard.type('!');
  await expect
    .poll(() => paragraphs(page))
    .toEqual(['Eins und A tippt weiter und weiter!', 'Zwei', 'Drei von B']);
  // … and in the store, and (after a sync) on the server and at B; no conflict arose.
  await expect
    .poll(async () => textsOf((await h.call('articles.get', { id: a.id })).body), {
      timeout: 10_000,
    })
    .toEqual(['Eins und A tippt weiter und weiter!', 'Zwei', 'Drei von B']);
  expect((await h.call('articles.get', { id: a.id })).headline).toBe('Von B');
  await h.call('sync.now', {});
  await b.api['sync.now']({});
  const atB = await b.api['articles.get']({ id: a.id });
  expect(atB.headline).toBe('Von B');
  expect(textsOf(atB.body)).toEqual(['Eins und A tippt weiter und weiter!', 'Zwei', 'Drei von B']);
  expect((await h.call('sync.conflicts', { entityId: a.id })).items).toEqual([]);
  expect(errors).toEqual([]);
});

it('"Merge now" merges at once, and a field A touched keeps A\'s value', async () => {
  const a = await h.call('articles.create', {
    fields: { headline: 'Start', teaser: 'T0', kicker: 'K0' },
    body: bodyOf([
      ['c1', 'Eins'],
      ['c2', 'Zwei'],
    ]),
  });
  await h.call('sync.now', {});
  await b.api['sync.now']({});
  const { page, errors } = await openArticle(h, a.id);
  const banner = page.getByTestId('remote-update');
  await page.getByLabel('Kicker', { exact: true }).fill('Kicker von A');

  await b.api['articles.save']({
    id: a.id,
    fields: { teaser: 'Vorspann von B' },
    body: bodyOf([
      ['c1', 'Eins'],
      ['c2', 'Zwei von B'],
    ]),
  });
  await b.api['sync.now']({});
  await h.call('sync.now', {});
  await expect.poll(() => banner.isVisible(), { timeout: 10_000 }).toBe(true);
  await banner.getByRole('button', { name: 'Merge now' }).click();
  await expect.poll(() => banner.isVisible(), { timeout: 2_000 }).toBe(false);
  expect(await page.getByLabel('Teaser', { exact: true }).inputValue()).toBe('Vorspann von B');
  expect(await page.getByLabel('Kicker', { exact: true }).inputValue()).toBe('Kicker von A');
  expect(await paragraphs(page)).toEqual(['Eins', 'Zwei von B']);
  const stored = await h.call('articles.get', { id: a.id });
  expect(stored).toMatchObject({ kicker: 'Kicker von A', teaser: 'Vorspann von B' });
  expect(errors).toEqual([]);
});

it("merges when A's earlier typing was already saved and synced before the other change", async () => {
  const a = await h.call('articles.create', {
    fields: { headline: 'Start' },
    body: bodyOf([
      ['d1', 'Eins'],
      ['d2', 'Zwei'],
    ]),
  });
  await h.call('sync.now', {});
  await b.api['sync.now']({});
  const { page, errors } = await openArticle(h, a.id);
  const banner = page.getByTestId('remote-update');
  await body(page).locator(':scope > p').first().click();
  await page.keyboard.press('End');
  await settle(page);
  await page.keyboard.type(' A1');
  await waitSaved(page);
  await h.call('sync.now', {}); // A's first edit is on the server
  await b.api['sync.now']({});
  // B's editor changes the second paragraph and leaves the first as it received it.
  const atB = await b.api['articles.get']({ id: a.id });
  expect(textsOf(atB.body)).toEqual(['Eins A1', 'Zwei']);
  const [first] = atB.body.root.children;
  await b.api['articles.save']({
    id: a.id,
    body: {
      ...atB.body,
      root: { ...atB.body.root, children: [first, bodyOf([['d2', 'Zwei B']]).root.children[0]] },
    },
  });
  await b.api['sync.now']({});
  await page.keyboard.type(' A2');
  await waitSaved(page);
  const typing = page.keyboard.type(' A3', { delay: 100 });
  await h.call('sync.now', {});
  await typing;
  await expect
    .poll(() => paragraphs(page), { timeout: 10_000 })
    .toEqual(['Eins A1 A2 A3', 'Zwei B']);
  await expect.poll(() => banner.isVisible(), { timeout: 10_000 }).toBe(false);
  await expect
    .poll(async () => textsOf((await h.call('articles.get', { id: a.id })).body), {
      timeout: 10_000,
    })
    .toEqual(['Eins A1 A2 A3', 'Zwei B']);
  await h.call('sync.now', {});
  await b.api['sync.now']({});
  expect(textsOf((await b.api['articles.get']({ id: a.id })).body)).toEqual([
    'Eins A1 A2 A3',
    'Zwei B',
  ]);
  expect((await h.call('sync.conflicts', { entityId: a.id })).items).toEqual([]);
  expect(errors).toEqual([]);
});
