/**
 * Review comments and author notices against the real backend: a desk
 * chief's anchored comment reaches the author, another editor never sees it, and the author is
 * told when changes are requested (with the chief's note), when the article is approved and
 * when it is published; the notices survive a restart of the core until dismissed.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CoreEvent } from '../../src-shared/api';
import { fixtureArticle } from '../support/fixture-article';
import type { Started } from '../support/processes';
import { tempDir } from '../support/tmp';
import { bodyOf, openClient, signIn, startServer, type Client } from './support/harness';

let tmp: ReturnType<typeof tempDir>;
let server: Started;
let author: Client;
let chief: Client;
let other: Client;
let articleId = '';
const authorEvents: CoreEvent[] = [];

async function createOtherEditor(url: string): Promise<void> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'admin' }),
  });
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${url}/api/v1/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ username: 'other', password: 'other-password', role: 'editor' }),
  });
  expect(res.status).toBeLessThan(300);
}

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

const syncAll = async (...cs: Client[]) => {
  for (const c of cs) expect((await c.api['sync.now']({})).state).toBe('idle');
};

beforeAll(async () => {
  tmp = tempDir('copydesk-comments-');
  server = await startServer(`${tmp.dir}/server`);
  await createOtherEditor(server.url);
  author = await openClient(tmp.dir, 'author');
  chief = await openClient(tmp.dir, 'chief');
  other = await openClient(tmp.dir, 'other');
  await signIn(author, server.url, 'editor');
  await signIn(chief, server.url, 'chief');
  await other.api['sync.login']({
    serverUrl: server.url,
    username: 'other',
    password: 'other-password',
  });
  author.core.onEvent((e) => authorEvents.push(e));

  const a = await author.api['articles.create']({
    fields: complete('Kommentare und Hinweise'),
    body: bodyOf([
      ['p1', 'Der Landschaftsverband Westfalen-Lippe stellt heute vor.'],
      ['p2', 'Zweiter Absatz.'],
    ]),
  });
  articleId = a.id;
  await syncAll(author);
  await author.api['articles.transition']({ id: articleId, to: 'in_review' });
  await syncAll(author, chief, other);
});
afterAll(async () => {
  for (const c of [author, chief, other]) await c?.close();
  await server?.stop();
  tmp?.cleanup();
});

it("a desk chief's comment anchored to a block reaches the author after sync", async () => {
  const added = await chief.api['comments.add']({
    articleId,
    text: 'Bitte die Quelle im ersten Absatz nennen.',
    blockId: 'p1',
  });
  expect(added).toMatchObject({ pending: true, blockId: 'p1' });
  expect((await chief.api['comments.list']({ articleId })).items).toHaveLength(1);
  await syncAll(chief, author);

  const chiefId = (await chief.api['sync.status']({})).user!.id;
  const [got] = (await author.api['comments.list']({ articleId })).items;
  expect(got).toMatchObject({
    id: added.id,
    articleId,
    authorId: chiefId,
    blockId: 'p1',
    text: 'Bitte die Quelle im ersten Absatz nennen.',
    pending: false,
  });
  expect(authorEvents).toContainEqual({ type: 'comments.updated', articleId, origin: 'remote' });
  // The chief's own copy is confirmed by the server too.
  expect((await chief.api['comments.list']({ articleId })).items[0]!.pending).toBe(false);
});

it('an anchor must name a paragraph of the article, and a comment needs text', async () => {
  await expect(
    chief.api['comments.add']({ articleId, text: 'x', blockId: 'nope' }),
  ).rejects.toMatchObject({ code: 'invalid_input' });
  await expect(chief.api['comments.add']({ articleId, text: '   ' })).rejects.toMatchObject({
    code: 'invalid_input',
  });
});

it('the author gets a changes_requested notice with the chief’s note', async () => {
  await chief.api['articles.transition']({
    id: articleId,
    to: 'draft',
    comment: 'Quelle fehlt noch.',
  });
  await syncAll(chief, author);
  const notices = (await author.api['notices.list']({})).items;
  expect(notices).toHaveLength(1);
  expect(notices[0]).toMatchObject({
    kind: 'changes_requested',
    articleId,
    headline: 'Kommentare und Hinweise',
    by: 'chief',
    comment: 'Quelle fehlt noch.',
  });
  expect(authorEvents).toContainEqual(
    expect.objectContaining({ type: 'notice', kind: 'changes_requested', articleId }),
  );
  // The chief acted; the chief gets no notice.
  expect((await chief.api['notices.list']({})).items).toEqual([]);
});

it('approved and published notices follow; other editors never see the comments', async () => {
  await author.api['articles.transition']({ id: articleId, to: 'in_review' });
  await syncAll(author, chief);
  await chief.api['articles.transition']({ id: articleId, to: 'approved' });
  await syncAll(author);
  expect((await author.api['notices.list']({})).items[0]).toMatchObject({
    kind: 'approved',
    by: 'chief',
  });
  await chief.api['articles.transition']({ id: articleId, to: 'published' });
  await syncAll(author, other);
  const kinds = (await author.api['notices.list']({})).items.map((n) => n.kind);
  expect(kinds).toEqual(['published', 'approved', 'changes_requested']);

  // The published article is readable by every editor; its review comments are not.
  expect((await other.api['articles.get']({ id: articleId })).status).toBe('published');
  expect((await other.api['comments.list']({ articleId })).items).toEqual([]);
  await expect(other.api['comments.add']({ articleId, text: 'Darf ich?' })).rejects.toMatchObject({
    code: 'unauthorized',
  });
  expect((await other.api['notices.list']({})).items).toEqual([]);
});

it('notices survive a restart of the core until dismissed', async () => {
  await author.close();
  author = await openClient(tmp.dir, 'author');
  const items = (await author.api['notices.list']({})).items;
  expect(items).toHaveLength(3);
  await author.api['notices.dismiss']({ id: items[0]!.id });
  expect((await author.api['notices.list']({})).items.map((n) => n.kind)).toEqual([
    'approved',
    'changes_requested',
  ]);
  await expect(author.api['notices.dismiss']({ id: 'nope' })).rejects.toMatchObject({
    code: 'not_found',
  });
});
