/** The desk core's record of accepted or rejected suggestions, without a server. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createDesktopApi, ApiError, type DesktopApi } from '../../src-shared/api';
import { openCore } from '../../src-main/core/core';
import type { CoreHandle } from '../../src-main/core/types';
import { tempDir } from '../support/tmp';

let core: CoreHandle;
let api: DesktopApi;
let cleanup: () => void;

beforeEach(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  core = await openCore({ profileDir: t.dir, host: 'cli', backgroundIntegrityCheck: false });
  api = createDesktopApi({ call: (m, i) => core.call(m, i), onEvent: (l) => core.onEvent(l) });
});
afterEach(async () => {
  await core.close();
  cleanup();
});

it('queues the decision and shows it as a pending timeline entry; the article is unchanged', async () => {
  const a = await api['articles.create']({ fields: { headline: 'Rat tagt' } });
  await api['articles.recordSuggestions']({
    id: a.id,
    action: 'reject',
    count: 2,
    authors: ['chief', 'jonas'],
    excerpt: 'tagte … Die Opposition',
  });
  const t = await api['articles.timeline']({ id: a.id });
  expect(t.items).toEqual([
    expect.objectContaining({
      kind: 'suggestion',
      action: 'reject_suggestions',
      text: 'tagte … Die Opposition',
      pending: true,
      suggestions: { count: 2, authors: ['chief', 'jonas'] },
    }),
  ]);
  const after = await api['articles.get']({ id: a.id });
  expect(after.revision).toBe(a.revision);
  expect(after.updatedAt).toBe(a.updatedAt);
});

it('refuses bad input with a clear error and queues nothing', async () => {
  const a = await api['articles.create']({ fields: { headline: 'Rat tagt' } });
  const bad = [
    { id: a.id, action: 'maybe', count: 1, authors: ['chief'], excerpt: '' },
    { id: a.id, action: 'accept', count: 0, authors: ['chief'], excerpt: '' },
    { id: a.id, action: 'accept', count: 1, authors: [], excerpt: '' },
    { id: a.id, action: 'accept', count: 1, authors: ['chief'], excerpt: 'x'.repeat(301) },
  ];
  for (const input of bad) {
    const err = await api['articles.recordSuggestions'](input as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('invalid_input');
  }
  const missing = await api['articles.recordSuggestions']({
    id: '00000000-0000-4000-8000-000000000000',
    action: 'accept',
    count: 1,
    authors: ['chief'],
    excerpt: '',
  }).catch((e: unknown) => e);
  expect((missing as ApiError).code).toBe('not_found');
  expect((await api['articles.timeline']({ id: a.id })).items).toEqual([]);
});
