/** The review methods of the core without a server: queue order and missing items, local timeline. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createDesktopApi, ApiError, type DesktopApi } from '../../src-shared/api';
import { openCore } from '../../src-main/core/core';
import type { CoreHandle } from '../../src-main/core/types';
import { bodyFromParagraphs } from '../../src-shared/richtext/plainText';
import { tempDir } from '../support/tmp';
import { fixtureArticle } from '../support/fixture-article';

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

function complete(headline: string) {
  const f = fixtureArticle();
  return {
    kicker: f.kicker,
    headline,
    teaser: f.teaser,
    byline: f.byline,
    section: f.section,
    tags: ['Politik'],
  };
}

it('lists articles in review oldest first, with word count and what is missing', async () => {
  const older = await api['articles.create']({
    fields: complete('Älter'),
    body: bodyFromParagraphs(['eins zwei drei']),
  });
  // Incomplete: the UI never offers Submit for it, but the queue must still say what is missing.
  const incomplete = await api['articles.create']({ fields: { headline: 'Ohne Vorspann' } });
  const draft = await api['articles.create']({ fields: complete('Entwurf') });
  await api['articles.transition']({ id: incomplete.id, to: 'in_review' });
  await api['articles.transition']({ id: older.id, to: 'in_review' });

  const q = await api['articles.reviewQueue']({});
  expect(q.items.map((i) => i.headline)).toEqual(['Älter', 'Ohne Vorspann']);
  expect(q.items.some((i) => i.id === draft.id)).toBe(false);
  expect(q.items[0]).toMatchObject({ wordCount: 3, section: 'politik', author: 'bs', missing: [] });
  expect(q.items[1]!.missing.map((m) => m.code)).toEqual([
    'teaser_missing',
    'section_missing',
    'tag_missing',
  ]);
});

it('shows local steps as pending in the timeline while signed out', async () => {
  const a = await api['articles.create']({ fields: complete('Mit Verlauf') });
  expect((await api['articles.timeline']({ id: a.id })).items).toEqual([]);
  await api['articles.transition']({ id: a.id, to: 'in_review' });
  const t = await api['articles.timeline']({ id: a.id });
  expect(t.source).toBe('local');
  expect(t.message).toMatch(/not signed in/i);
  expect(t.items).toHaveLength(1);
  expect(t.items[0]).toMatchObject({
    kind: 'transition',
    action: 'submit',
    from: 'draft',
    to: 'in_review',
    pending: true,
    user: null,
  });
});

it('refuses approve while signed out, and changes nothing', async () => {
  const a = await api['articles.create']({ fields: complete('Nicht ohne Server') });
  await api['articles.transition']({ id: a.id, to: 'in_review' });
  const err = await api['articles.transition']({ id: a.id, to: 'approved' }).catch(
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  expect((err as ApiError).code).toBe('unauthorized');
  expect((await api['articles.get']({ id: a.id })).status).toBe('in_review');
  expect((await api['articles.timeline']({ id: a.id })).items).toHaveLength(1);
});

it('answers the timeline and comments of an unknown article with not_found (read without its body)', async () => {
  const unknown = '7d0c3c1e-2b1a-4c5d-9e8f-0a1b2c3d4e5f';
  for (const ask of [
    () => api['articles.timeline']({ id: unknown }),
    () => api['comments.list']({ articleId: unknown }),
  ]) {
    const err = await ask().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('not_found');
  }
  // An article in the trash is still stored: its timeline and comments can be read.
  const a = await api['articles.create']({ fields: complete('Im Papierkorb') });
  await api['articles.delete']({ id: a.id });
  expect((await api['articles.timeline']({ id: a.id })).items).toEqual([]);
  expect((await api['comments.list']({ articleId: a.id })).items).toEqual([]);
});
