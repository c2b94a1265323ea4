/**
 * "Keep mine" on a change the server refused re-sends it. While the signed-in user still may not
 * edit the article (an editor's article in review), the desk refuses that first, with the
 * server's rule and code, and changes nothing: no new save, no new conflict, the old one open.
 * The conflicts list says so, for the dialog not to offer it. Once a desk chief returns the
 * article to draft, re-sending works.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiError } from '../../src-shared/api';
import { fixtureArticle, submittableArticle } from '../support/fixture-article';
import type { Started } from '../support/processes';
import { tempDir } from '../support/tmp';
import { openClient, signIn, startServer, type Client } from './support/harness';

let tmp: ReturnType<typeof tempDir>;
let server: Started;
const clients: Client[] = [];
beforeAll(async () => {
  tmp = tempDir('copydesk-sync-resend-');
  server = await startServer(`${tmp.dir}/server`);
});
afterAll(async () => {
  for (const c of clients) await c.close();
  await server?.stop();
  tmp?.cleanup();
});

/** A client that syncs only when told (no pushes of its own between the test's steps). */
async function client(name: string, user: string): Promise<Client> {
  const c = await openClient(tmp.dir, name, { auto: false });
  clients.push(c);
  await signIn(c, server.url, user);
  return c;
}

it('a refused change is not re-sent while the article is read only for the user, and is once it is not', async () => {
  const a = await client('a', 'editor');
  const b = await client('b', 'editor');
  const chief = await client('chief', 'chief');
  // Complete, so that it can be submitted (the checklist).
  const f = fixtureArticle();
  const art = await a.api['articles.create'](submittableArticle(f));
  await a.api['sync.now']({});
  await b.api['sync.now']({});
  // A changes the teaser; before it reaches the server, B submits the article.
  await a.api['articles.save']({ id: art.id, fields: { teaser: 'Mein Vorspann' } });
  await b.api['articles.transition']({ id: art.id, to: 'in_review' });
  await b.api['sync.now']({});
  await a.api['sync.now']({});
  const [refused] = (await a.api['sync.conflicts']({ entityId: art.id })).items;
  // Listed as not to be re-sent now, so the conflicts dialog does not offer "Send again".
  expect(refused).toMatchObject({
    kind: 'rejected',
    field: 'article.setFields',
    resendRefused: true,
    subject: f.headline, // the dialog of all conflicts names the article
  });
  const before = await a.api['articles.get']({ id: art.id });
  expect(before.status).toBe('in_review');

  const error = await a.api['sync.resolveConflict']({ id: refused!.id, keep: 'mine' }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ code: 'conflict', serverCode: 'forbidden' });
  expect((error as Error).message).toContain('editors may edit drafts only');
  // Nothing changed: the same article, nothing queued, the conflict still open.
  const after = await a.api['articles.get']({ id: art.id });
  expect([after.teaser, after.revision]).toEqual([before.teaser, before.revision]);
  expect((await a.api['sync.status']({})).pending).toBe(0);
  expect((await a.api['sync.conflicts']({ entityId: art.id })).items.map((c) => c.id)).toEqual([
    refused!.id,
  ]);

  // Back to draft from the desk: now "keep mine" re-sends it and the server takes it.
  await chief.api['sync.now']({});
  await chief.api['articles.transition']({ id: art.id, to: 'draft', comment: 'Bitte kürzen' });
  await chief.api['sync.now']({});
  await a.api['sync.now']({});
  expect((await a.api['sync.conflicts']({ entityId: art.id })).items).toMatchObject([
    { id: refused!.id, resendRefused: false },
  ]);
  await a.api['sync.resolveConflict']({ id: refused!.id, keep: 'mine' });
  expect((await a.api['sync.now']({})).state).toBe('idle');
  expect((await a.api['sync.conflicts']({ entityId: art.id })).items).toEqual([]);
  await b.api['sync.now']({});
  expect((await b.api['articles.get']({ id: art.id })).teaser).toBe('Mein Vorspann');
});
