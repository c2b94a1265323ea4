/**
 * A draft the desk sent back is visibly "Changes requested": a badge on its row in the list
 * and the chief's comment at the top of the editor, which is open for writing again.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSyncEditorPair, type SyncEditorPair } from './sync-editor-helpers';
import { fixtureArticle } from '../support/fixture-article';
import type { Client } from '../sync/support/harness';
import type { EditorHost } from './editor-helpers';

let pair: SyncEditorPair;
let h: EditorHost;
let b: Client;

beforeAll(async () => {
  pair = await startSyncEditorPair('copydesk-changes-requested-', 'chief');
  ({ h, b } = pair);
});
afterAll(async () => {
  await pair?.close();
});

it('shows the badge in the list and the comment in the editor', async () => {
  const f = fixtureArticle();
  const a = await h.call('articles.create', {
    fields: {
      kicker: f.kicker,
      headline: 'Zurückgeschickt',
      teaser: f.teaser,
      byline: f.byline,
      section: f.section,
      tags: ['Politik'],
    },
    body: f.body,
  });
  await h.call('articles.transition', { id: a.id, to: 'in_review' });
  await h.call('sync.now', {});
  await b.api['sync.now']({});
  await b.api['articles.transition']({
    id: a.id,
    to: 'draft',
    comment: 'Bitte die Quelle nennen.',
  });
  await b.api['sync.now']({});
  await h.call('sync.now', {});
  expect((await h.call('articles.get', { id: a.id })).status).toBe('draft');

  const { page, errors } = await h.open();
  const row = page.locator('button.row', { hasText: 'Zurückgeschickt' });
  await expect
    .poll(() => row.getByTestId('changes-requested-badge').textContent(), { timeout: 10_000 })
    .toBe('Changes requested');
  await row.click();
  const banner = page.getByTestId('changes-requested');
  await expect
    .poll(() => banner.textContent(), { timeout: 10_000 })
    .toContain('Changes requested by Miriam Krause:');
  // The chief's display name, the username on hover.
  expect(await banner.locator('strong').getAttribute('title')).toBe('chief');
  expect(await banner.textContent()).toContain('Bitte die Quelle nennen.');
  expect(await page.getByTestId('workflow-status').textContent()).toBe('Draft');
  expect(await page.getByTestId('read-only').count()).toBe(0);
  expect(await page.getByLabel('Headline', { exact: true }).isDisabled()).toBe(false);
  expect(errors).toEqual([]);
  await page.close();
});
