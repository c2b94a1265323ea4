/**
 * Who reads review comments (against the real process): the article's author and assignee, desk
 * chiefs and admins. Another editor does not, not even once the article is published and they
 * may read the article itself; nor may they add one.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
  Client,
  body,
  completeFields,
  http,
  login,
  spawnServer,
  type ServerProcess,
} from './helpers';

let server: ServerProcess;
let editor: Client;
let chief: Client;
let other: Client;
const id = randomUUID();
const commentId = randomUUID();

async function outcomes(c: Client, ms: { name: string; args: unknown }[]): Promise<string[]> {
  const r = await c.push(ms);
  const list = (r.body as { outcomes: { status: string; code?: string }[] }).outcomes;
  return list.map((o) => o.code ?? o.status);
}

/** All changes of a full pull of this client. */
async function pullChanges(c: Client): Promise<{ entity: string; id: string }[]> {
  c.cursor = 0;
  const pages = (await c.pullAll()) as { changes: { entity: string; id: string }[] }[];
  return pages.flatMap((p) => p.changes);
}

async function pulledComments(c: Client): Promise<string[]> {
  return (await pullChanges(c)).filter((ch) => ch.entity === 'comment').map((ch) => ch.id);
}

beforeAll(async () => {
  server = await spawnServer();
  editor = new Client(server.url, await login(server.url, 'editor'));
  chief = new Client(server.url, await login(server.url, 'chief'));
  const admin = await login(server.url, 'admin');
  const created = await http(`${server.url}/api/v1/users`, {
    token: admin,
    json: { username: 'other', password: 'other-password', role: 'editor' },
  });
  expect(created.status).toBeLessThan(300);
  other = new Client(server.url, await login(server.url, 'other', 'other-password'));

  expect(
    await outcomes(editor, [
      { name: 'article.create', args: { id, fields: completeFields(), body: body('Text') } },
      { name: 'article.transition', args: { id, from: 'draft', to: 'in_review' } },
    ]),
  ).toEqual(['applied', 'applied']);
  expect(
    await outcomes(chief, [
      {
        name: 'comment.add',
        args: { id: commentId, articleId: id, text: 'Quelle fehlt.', blockId: 'p1' },
      },
      { name: 'article.transition', args: { id, from: 'in_review', to: 'approved' } },
      { name: 'article.transition', args: { id, from: 'approved', to: 'published' } },
    ]),
  ).toEqual(['applied', 'applied', 'applied']);
});
afterAll(async () => {
  await server?.stop();
});

it('the author and desk chiefs pull the comment; another editor does not, though the article is published', async () => {
  expect(await pulledComments(editor)).toEqual([commentId]);
  expect(await pulledComments(chief)).toEqual([commentId]);
  const changes = await pullChanges(other);
  expect(changes.some((ch) => ch.entity === 'article' && ch.id === id)).toBe(true);
  expect(changes.filter((ch) => ch.entity === 'comment')).toEqual([]);
});

it('the timeline hides comments and transition notes from another editor', async () => {
  const mine = await http<{ items: { action: string }[] }>(
    `${server.url}/api/v1/articles/${id}/timeline`,
    { token: editor.token },
  );
  expect(mine.body.items.map((i) => i.action)).toContain('comment');
  const theirs = await http(`${server.url}/api/v1/articles/${id}/timeline`, {
    token: other.token,
  });
  expect(theirs.status).toBe(200);
  const items = theirs.body.items as { kind: string; text: string | null }[];
  expect(items.filter((i) => i.kind === 'comment')).toEqual([]);
  expect(items.every((i) => i.text === null)).toBe(true);
});

it('another editor cannot add a comment to an article that is not theirs', async () => {
  expect(
    await outcomes(other, [
      { name: 'comment.add', args: { id: randomUUID(), articleId: id, text: 'Hallo' } },
    ]),
  ).toEqual(['not_found']);
});
