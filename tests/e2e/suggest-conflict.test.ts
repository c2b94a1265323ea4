/**
 * A conflict never hides a suggestion: the author (A, browser) and a desk chief (B) change the
 * same paragraph at the same time, the chief as a suggested insertion; B syncs first. The
 * conflict panel on A shows the chief's side with the suggested text marked, not left out.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BodyJson } from '../../src-shared/model';
import { startSyncEditorPair, type SyncEditorPair } from './sync-editor-helpers';
import { bodyOf, type Client } from '../sync/support/harness';
import { type EditorHost } from './editor-helpers';

let pair: SyncEditorPair;
let h: EditorHost;
let b: Client;

beforeAll(async () => {
  // A's edits stay local until an explicit sync, so that A and B really edit at the same time.
  pair = await startSyncEditorPair('copydesk-suggest-conflict-', 'chief', {
    COPYDESK_PUSH_DELAY_MS: '600000',
  });
  ({ h, b } = pair);
});
afterAll(async () => {
  await pair?.close();
});

/** `body` with a suggested insertion by the chief appended to its first block. */
function withSuggestion(body: BodyJson): BodyJson {
  const copy = structuredClone(body) as unknown as {
    root: { children: { children: unknown[] }[] };
  };
  copy.root.children[0]?.children.push({
    type: 'suggestion',
    text: ' (bestätigt)',
    kind: 'insert',
    author: 'chief',
    at: '2026-12-03T04:00:00.000Z',
    id: 'sg-conflict',
  });
  return copy as unknown as BodyJson;
}

it('shows the suggested insertion marked in the conflicting passage', async () => {
  const a = await h.call('articles.create', {
    fields: { headline: 'Rat tagt' },
    body: bodyOf([
      ['c1', 'Eins'],
      ['c2', 'Zwei'],
    ]),
  });
  await h.call('sync.now', {});
  await b.api['sync.now']({});
  await h.call('articles.save', {
    id: a.id,
    body: bodyOf([
      ['c1', 'Eins von A'],
      ['c2', 'Zwei'],
    ]),
  });
  await b.api['articles.save']({
    id: a.id,
    body: withSuggestion(
      bodyOf([
        ['c1', 'Eins von B'],
        ['c2', 'Zwei'],
      ]),
    ),
  });
  await b.api['sync.now']({});
  await h.call('sync.now', {});
  const conflicts = (await h.call('sync.conflicts', { entityId: a.id })).items;
  expect(conflicts.map((c) => c.kind)).toEqual(['body']);

  const { page, errors } = await h.open({ hash: `#article=${a.id}` });
  const panel = page.getByRole('region', { name: 'Conflicts on this article' });
  const passage = panel.locator('li[data-conflict-kind="body"]');
  await passage.waitFor();
  const sides = passage.getByTestId('conflict-suggestions');
  // Which side is whose depends on who synced first; the chief's suggestion is on one of them.
  await expect
    .poll(() => sides.locator('ins.suggestion-mark--insert').allTextContents())
    .toEqual([' (bestätigt)']);
  // Named by the chief's display name once the desk has the newsroom's names.
  await expect
    .poll(() => sides.locator('ins.suggestion-mark--insert').getAttribute('title'))
    .toBe('Suggested by Miriam Krause: add');
  expect(await sides.textContent()).toContain('Eins von A');
  expect(await sides.textContent()).toContain('Eins von B (bestätigt)');
  expect(await passage.textContent()).toMatch(/Holds suggestions/);
  expect(errors).toEqual([]);
  await page.close();
});
