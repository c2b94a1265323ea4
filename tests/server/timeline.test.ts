/** GET /api/v1/articles/:id/timeline against the real process: who, what, when; read rule. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { SCHEMA_VERSION } from '../../src-shared/protocol';
import { SubmissionsResponse, TimelineResponse } from '../../src-shared/timeline';
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

beforeAll(async () => {
  server = await spawnServer();
  editor = new Client(server.url, await login(server.url, 'editor'));
  chief = new Client(server.url, await login(server.url, 'chief'));
  // A second editor who neither wrote nor was assigned the article.
  const admin = await login(server.url, 'admin');
  const created = await http(`${server.url}/api/v1/users`, {
    token: admin,
    json: { username: 'other', password: 'other-password', role: 'editor' },
  });
  expect(created.status).toBeLessThan(300);
  other = new Client(server.url, await login(server.url, 'other', 'other-password'));

  const outcomes = async (c: Client, ms: { name: string; args: unknown }[]) => {
    const r = await c.push(ms);
    const list = (r.body as { outcomes: { status: string; reason?: string }[] }).outcomes;
    return list.map((o) => o.reason ?? o.status);
  };
  expect(
    await outcomes(editor, [
      { name: 'article.create', args: { id, fields: completeFields(), body: body('Text') } },
      { name: 'article.transition', args: { id, from: 'draft', to: 'in_review' } },
    ]),
  ).toEqual(['applied', 'applied']);
  expect(
    await outcomes(chief, [
      {
        name: 'article.transition',
        args: { id, from: 'in_review', to: 'draft', comment: 'Bitte Quelle nennen.' },
      },
      { name: 'comment.add', args: { id: randomUUID(), articleId: id, text: 'Sonst gut.' } },
    ]),
  ).toEqual(['applied', 'applied']);
  expect(
    await outcomes(editor, [
      { name: 'article.transition', args: { id, from: 'draft', to: 'in_review' } },
    ]),
  ).toEqual(['applied']);
  expect(
    await outcomes(chief, [
      { name: 'article.transition', args: { id, from: 'in_review', to: 'approved' } },
      { name: 'article.transition', args: { id, from: 'approved', to: 'published' } },
    ]),
  ).toEqual(['applied', 'applied']);
});
afterAll(async () => {
  await server?.stop();
});

it('lists transitions and comments oldest first with user names and server times', async () => {
  const r = await http(`${server.url}/api/v1/articles/${id}/timeline`, { token: editor.token });
  expect(r.status).toBe(200);
  const t = TimelineResponse.parse(r.body);
  expect(t.articleId).toBe(id);
  expect(t.items.map((i) => [i.action, i.user?.username, i.to, i.text])).toEqual([
    ['submit', 'editor', 'in_review', null],
    ['request_changes', 'chief', 'draft', 'Bitte Quelle nennen.'],
    ['comment', 'chief', null, 'Sonst gut.'],
    ['submit', 'editor', 'in_review', null],
    ['approve', 'chief', 'approved', null],
    ['publish', 'chief', 'published', null],
  ]);
  for (const i of t.items) {
    expect(i.pending).toBe(false);
    expect(Date.parse(i.at)).toBeGreaterThan(Date.now() - 120_000);
  }
  const times = t.items.map((i) => i.at);
  expect([...times].sort()).toEqual(times);
});

it('needs a signed-in user and the right to read the article', async () => {
  const anon = await http(`${server.url}/api/v1/articles/${id}/timeline`);
  expect(anon.status).toBe(401);
  // The published article is readable by every editor, so its timeline is too.
  const ok = await http(`${server.url}/api/v1/articles/${id}/timeline`, { token: other.token });
  expect(ok.status).toBe(200);

  const draft = randomUUID();
  await editor.push([
    { name: 'article.create', args: { id: draft, fields: completeFields(), body: body('x') } },
  ]);
  const hidden = await http(`${server.url}/api/v1/articles/${draft}/timeline`, {
    token: other.token,
  });
  expect(hidden.status).toBe(404);
  const own = await http(`${server.url}/api/v1/articles/${draft}/timeline`, {
    token: editor.token,
  });
  expect(own.status).toBe(200);
  expect(own.body.items).toEqual([]);
});

it('answers unknown and malformed ids clearly', async () => {
  const unknown = await http(`${server.url}/api/v1/articles/${randomUUID()}/timeline`, {
    token: chief.token,
  });
  expect(unknown.status).toBe(404);
  expect(unknown.body.error.code).toBe('not_found');
  const bad = await http(`${server.url}/api/v1/articles/not-a-uuid/timeline`, {
    token: chief.token,
  });
  expect(bad.status).toBe(400);
});

it('names who submitted each article and when, for the review queue', async () => {
  const timeline = TimelineResponse.parse(
    (await http(`${server.url}/api/v1/articles/${id}/timeline`, { token: chief.token })).body,
  );
  const lastSubmit = timeline.items.filter((i) => i.action === 'submit').at(-1)!;
  const draft = randomUUID();
  await editor.push([
    { name: 'article.create', args: { id: draft, fields: completeFields(), body: body('x') } },
  ]);
  const url = (ids: string) => `${server.url}/api/v1/review-queue/submissions?ids=${ids}`;
  const r = await http(url(`${id},${draft},${randomUUID()}`), { token: chief.token });
  expect(r.status).toBe(200);
  // The latest submit; a never-submitted draft and an unknown id are left out.
  expect(SubmissionsResponse.parse(r.body).items).toEqual([
    { articleId: id, user: { id: lastSubmit.user!.id, username: 'editor' }, at: lastSubmit.at },
  ]);
  // What a user may not read is left out too.
  await editor.push([
    { name: 'article.transition', args: { id: draft, from: 'draft', to: 'in_review' } },
  ]);
  const hidden = await http(url(draft), { token: other.token });
  expect(hidden.body).toEqual({ items: [] });
  expect((await http(url(draft), { token: chief.token })).body.items).toHaveLength(1);

  expect((await http(url(id))).status).toBe(401);
  const bad = await http(url('not-a-uuid'), { token: chief.token });
  expect(bad.status).toBe(400);
  expect(bad.body.error.code).toBeTruthy();
});

it("sends the submitter's display name to desks of schemaVersion 2026-12-w and later only", async () => {
  const url = (schemaVersion?: string) =>
    `${server.url}/api/v1/review-queue/submissions?ids=${id}` +
    (schemaVersion === undefined ? '' : `&schemaVersion=${schemaVersion}`);
  const current = await http(url(SCHEMA_VERSION), { token: chief.token });
  expect(current.status).toBe(200);
  expect(SubmissionsResponse.parse(current.body).items[0]!.user).toMatchObject({
    username: 'editor',
    displayName: 'Anna Berg',
  });
  // An older desk's strict parser knows no displayName: it gets none, and parses the answer.
  const OldSubmissions = z.strictObject({
    items: z.array(
      z.strictObject({
        articleId: z.string(),
        user: z.strictObject({ id: z.string(), username: z.string() }).nullable(),
        at: z.string(),
      }),
    ),
  });
  for (const old of [undefined, '2026-12-t']) {
    const r = await http(url(old), { token: chief.token });
    expect(OldSubmissions.safeParse(r.body).success, String(old)).toBe(true);
    expect(r.body.items[0].user).toEqual({ id: expect.any(String), username: 'editor' });
  }
  // A user without a display name: none is sent (the desk shows the user name).
  const own = randomUUID();
  await other.push([
    { name: 'article.create', args: { id: own, fields: completeFields(), body: body('y') } },
    { name: 'article.transition', args: { id: own, from: 'draft', to: 'in_review' } },
  ]);
  const unnamed = await http(
    `${server.url}/api/v1/review-queue/submissions?ids=${own}&schemaVersion=${SCHEMA_VERSION}`,
    { token: chief.token },
  );
  expect(unnamed.body.items[0].user).toEqual({ id: expect.any(String), username: 'other' });
  const tooLong = await http(url('x'.repeat(41)), { token: chief.token });
  expect(tooLong.status).toBe(400);
});
