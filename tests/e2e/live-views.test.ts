/**
 * Views follow change events from sync: a credit a photo editor adds on another desk enables
 * the editor's Submit at once, and the image library's "Missing credit" filter drops the image.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSyncEditorPair, type SyncEditorPair } from './sync-editor-helpers';
import type { Client } from '../sync/support/harness';
import { fixtureArticle } from '../support/fixture-article';
import { type EditorHost, openArticle } from './editor-helpers';
import { cells, openLibrary } from './images-helpers';

let pair: SyncEditorPair;
let h: EditorHost;
let b: Client;

beforeAll(async () => {
  pair = await startSyncEditorPair('copydesk-live-views-', 'photo');
  ({ h, b } = pair);
});
afterAll(async () => {
  await pair?.close();
});

async function importUncredited(name: string) {
  const bytes = readFileSync(new URL(`../fixtures/images/${name}`, import.meta.url));
  const image = await h.call('images.import', {
    fileName: name,
    dataBase64: bytes.toString('base64'),
  });
  expect(image.credit).toBe('');
  return image;
}

it('enables Submit the moment the lead image credit arrives by sync', async () => {
  const image = await importUncredited('plain.png');
  const f = fixtureArticle();
  const a = await h.call('articles.create', {
    fields: {
      kicker: f.kicker,
      headline: f.headline,
      teaser: f.teaser,
      byline: f.byline,
      section: f.section,
      tags: ['Politik'],
      leadImage: { imageId: image.id, caption: 'Das Stadthaus' },
    },
    body: f.body,
  });
  await h.call('sync.now', {});
  const { page, errors } = await openArticle(h, a.id);
  const submit = page.getByRole('button', { name: 'Submit for review' });
  const missing = page.getByTestId('checklist-missing');
  await expect.poll(() => missing.textContent()).toMatch(/credit/i);
  expect(await submit.isDisabled()).toBe(true);

  await b.api['sync.now']({});
  await b.api['images.setMeta']({ id: image.id, meta: { credit: 'LWL' } });
  await b.api['sync.now']({});
  await h.call('sync.now', {});

  await expect.poll(() => submit.isDisabled(), { timeout: 10_000 }).toBe(false);
  expect(await missing.count()).toBe(0);
  expect(await page.getByTestId('lead-image').locator('.lead-image__credit').textContent()).toMatch(
    /LWL/,
  );
  expect(errors).toEqual([]);
  await page.close();
});

it('drops an image from the "Missing credit" filter when its credit arrives by sync', async () => {
  const image = await importUncredited('plain.webp');
  await h.call('sync.now', {});
  const { page, errors } = await h.open();
  await openLibrary(page);
  await page.getByLabel('Missing credit', { exact: true }).check();
  const ids = () => cells(page).evaluateAll((cs) => cs.map((c) => c.getAttribute('data-image-id')));
  await expect.poll(ids).toContain(image.id);

  await b.api['sync.now']({});
  await b.api['images.setMeta']({ id: image.id, meta: { credit: 'dpa' } });
  await b.api['sync.now']({});
  await h.call('sync.now', {});

  await expect.poll(ids, { timeout: 10_000 }).not.toContain(image.id);
  expect(errors).toEqual([]);
  await page.close();
});
