/**
 * Issue #17, fields: a desk chief suggests a headline offline and syncs; the author's desk pulls
 * it (with the author's own teaser change made meanwhile kept), the author accepts it; the
 * headline is the suggested one on both desks and on the published page.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixtureArticle } from '../support/fixture-article';
import type { Started } from '../support/processes';
import { tempDir } from '../support/tmp';
import { bodyOf, openClient, signIn, startServer, type Client } from './support/harness';

let tmp: ReturnType<typeof tempDir>;
let server: Started;
let chief: Client;
let author: Client;

const syncAll = async (...cs: Client[]) => {
  for (const c of cs) expect((await c.api['sync.now']({})).state).toBe('idle');
};

beforeAll(async () => {
  tmp = tempDir('copydesk-sync-fieldsug-');
  server = await startServer(`${tmp.dir}/server`);
  chief = await openClient(tmp.dir, 'chief');
  author = await openClient(tmp.dir, 'author');
  await signIn(chief, server.url, 'chief');
  await signIn(author, server.url, 'editor');
});
afterAll(async () => {
  await chief?.close();
  await author?.close();
  await server?.stop();
  tmp?.cleanup();
});

it('a headline suggested offline arrives, is accepted by the author and is what gets published', async () => {
  const f = fixtureArticle();
  const art = await author.api['articles.create']({
    fields: {
      kicker: f.kicker,
      headline: 'Rat tagt',
      teaser: f.teaser,
      byline: f.byline,
      section: f.section,
      tags: ['Politik'],
    },
    body: bodyOf([['p1', 'Der Rat tagte am Montag.']]),
  });
  await syncAll(author, chief);

  // Offline (nothing synced yet): the chief suggests a headline, the author changes the teaser.
  const suggested = await chief.api['articles.suggestField']({
    id: art.id,
    field: 'headline',
    value: 'Rat beschließt neuen Haushalt',
  });
  expect(suggested.headline).toBe('Rat tagt');
  expect(suggested.fieldSuggestions).toMatchObject([
    { field: 'headline', value: 'Rat beschließt neuen Haushalt', author: 'chief' },
  ]);
  await author.api['articles.save']({ id: art.id, fields: { teaser: 'Neuer Vorspann.' } });
  await syncAll(chief, author, chief);

  const onAuthor = await author.api['articles.get']({ id: art.id });
  expect(onAuthor.headline).toBe('Rat tagt');
  expect(onAuthor.teaser).toBe('Neuer Vorspann.');
  const [s] = onAuthor.fieldSuggestions ?? [];
  expect(s).toMatchObject({ field: 'headline', author: 'chief' });
  // The chief's desk has the author's teaser and still its suggestion.
  const onChief = await chief.api['articles.get']({ id: art.id });
  expect(onChief.teaser).toBe('Neuer Vorspann.');
  expect(onChief.fieldSuggestions?.map((x) => x.id)).toEqual([s!.id]);

  // Accepting is one change: the field takes the value and the suggestion goes.
  const before = await author.api['articles.get']({ id: art.id });
  const accepted = await author.api['articles.resolveFieldSuggestion']({
    id: art.id,
    suggestionId: s!.id,
    action: 'accept',
  });
  expect(accepted.headline).toBe('Rat beschließt neuen Haushalt');
  expect(accepted.fieldSuggestions).toEqual([]);
  expect(accepted.revision).toBeLessThanOrEqual(before.revision + 1);
  // Accepting the same suggestion again is refused, with nothing written.
  await expect(
    author.api['articles.resolveFieldSuggestion']({
      id: art.id,
      suggestionId: s!.id,
      action: 'reject',
    }),
  ).rejects.toMatchObject({ serverCode: 'unknown_suggestion' });
  await author.api['articles.transition']({ id: art.id, to: 'in_review' });
  await syncAll(author, chief);

  const chiefAfter = await chief.api['articles.get']({ id: art.id });
  expect(chiefAfter.headline).toBe('Rat beschließt neuen Haushalt');
  expect(chiefAfter.fieldSuggestions).toEqual([]);

  await chief.api['articles.transition']({ id: art.id, to: 'approved' });
  await chief.api['articles.transition']({ id: art.id, to: 'published' });
  await syncAll(chief, author);
  const published = await author.api['articles.get']({ id: art.id });
  expect(published.status).toBe('published');
  const page = await fetch(`${server.url}/articles/${published.slug}`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('Rat beschließt neuen Haushalt');
  expect(html).not.toContain('Rat tagt<');
});

it('refuses bad input on the desk with a clear error and writes nothing', async () => {
  const art = await chief.api['articles.create']({ fields: { headline: 'Alt' } });
  const before = await chief.api['articles.get']({ id: art.id });
  await expect(
    chief.api['articles.suggestField']({ id: art.id, field: 'headline', value: 'x'.repeat(501) }),
  ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/500/) });
  await expect(
    // @ts-expect-error -- the byline takes no suggestions
    chief.api['articles.suggestField']({ id: art.id, field: 'byline', value: 'Jemand' }),
  ).rejects.toMatchObject({ code: 'invalid_input' });
  await expect(
    chief.api['articles.resolveFieldSuggestion']({
      id: art.id,
      suggestionId: '0193a6e0-0000-7000-8000-000000000009',
      action: 'accept',
    }),
  ).rejects.toMatchObject({ serverCode: 'unknown_suggestion' });
  const after = await chief.api['articles.get']({ id: art.id });
  expect(after).toEqual(before);
});

it('an accept undone offline reaches the server as one change: field and suggestion back on both desks', async () => {
  const art = await author.api['articles.create']({ fields: { headline: 'Brücke gesperrt' } });
  await syncAll(author, chief);
  await chief.api['articles.suggestField']({
    id: art.id,
    field: 'headline',
    value: 'Brücke wieder offen',
  });
  await syncAll(chief, author);
  const open = await author.api['articles.get']({ id: art.id });
  const [s] = open.fieldSuggestions ?? [];
  expect(s).toMatchObject({ author: 'chief', value: 'Brücke wieder offen' });

  // Offline on the author's desk: accept, then undo; both queue and sync in order.
  await author.api['articles.resolveFieldSuggestion']({
    id: art.id,
    suggestionId: s!.id,
    action: 'accept',
  });
  const undone = await author.api['articles.reopenFieldSuggestion']({
    id: art.id,
    suggestion: s!,
    action: 'accept',
    previous: 'Brücke gesperrt',
  });
  expect(undone.headline).toBe('Brücke gesperrt');
  expect(undone.fieldSuggestions).toEqual([s]);
  await syncAll(author, chief);
  for (const c of [author, chief]) {
    const a = await c.api['articles.get']({ id: art.id });
    expect(a.headline).toBe('Brücke gesperrt');
    expect(a.fieldSuggestions).toEqual([s]);
  }
});

it('refuses to undo an accept once the field moved on, and writes nothing', async () => {
  const art = await author.api['articles.create']({ fields: { headline: 'Alt' } });
  await syncAll(author, chief);
  await chief.api['articles.suggestField']({ id: art.id, field: 'headline', value: 'Neu' });
  await syncAll(chief, author);
  const [s] = (await author.api['articles.get']({ id: art.id })).fieldSuggestions ?? [];
  await author.api['articles.resolveFieldSuggestion']({
    id: art.id,
    suggestionId: s!.id,
    action: 'accept',
  });
  await author.api['articles.save']({ id: art.id, fields: { headline: 'Neuer' } });
  const before = await author.api['articles.get']({ id: art.id });
  await expect(
    author.api['articles.reopenFieldSuggestion']({
      id: art.id,
      suggestion: s!,
      action: 'accept',
      previous: 'Alt',
    }),
  ).rejects.toMatchObject({ serverCode: 'field_moved' });
  expect(await author.api['articles.get']({ id: art.id })).toEqual(before);
});
