/**
 * article.recordSuggestions against the real process: who may record an accept or reject of
 * suggestions, the timeline entry it becomes, and that older desks (no schemaVersion 2026-12-y)
 * never see that entry.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ArticleStatus } from '../../src-shared/model';
import { SCHEMA_VERSION } from '../../src-shared/protocol';
import { TimelineResponse } from '../../src-shared/timeline';
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

const outcomes = async (c: Client, ms: { name: string; args: unknown }[]) => {
  const r = await c.push(ms);
  const list = (r.body as { outcomes: { status: string; code?: string }[] }).outcomes;
  return list.map((o) => o.code ?? o.status);
};
const decision = (action: 'accept' | 'reject', extra: Record<string, unknown> = {}) => ({
  name: 'article.recordSuggestions',
  args: { id, action, count: 2, authors: ['chief'], excerpt: 'beschloss', ...extra },
});

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
    ]),
  ).toEqual(['applied']);
});
afterAll(async () => {
  await server?.stop();
});

const timeline = async (query: string) => {
  const r = await http(`${server.url}/api/v1/articles/${id}/timeline${query}`, {
    token: editor.token,
  });
  expect(r.status).toBe(200);
  return r.body as unknown;
};

it('records the author’s and a desk chief’s decisions and refuses anyone else or bad input', async () => {
  expect(await outcomes(editor, [decision('accept')])).toEqual(['noop']);
  expect(
    await outcomes(chief, [decision('reject', { count: 1, authors: ['anna', 'jonas'] })]),
  ).toEqual(['noop']);
  expect(await outcomes(other, [decision('accept')])).toEqual(['forbidden']);
  expect(await outcomes(chief, [decision('accept', { count: 0 })])).toEqual(['invalid_args']);
  expect(await outcomes(chief, [decision('maybe' as 'accept')])).toEqual(['invalid_args']);

  const t = TimelineResponse.parse(await timeline(`?schemaVersion=${SCHEMA_VERSION}`));
  const entries = t.items.filter((i) => i.kind === 'suggestion');
  expect(
    entries.map((i) => [i.action, i.user?.username, i.suggestions, i.text, i.pending]),
  ).toEqual([
    ['accept_suggestions', 'editor', { count: 2, authors: ['chief'] }, 'beschloss', false],
    ['reject_suggestions', 'chief', { count: 1, authors: ['anna', 'jonas'] }, 'beschloss', false],
  ]);
});

it('records an undone decision as its own entry, so the timeline never claims it stands', async () => {
  const before = TimelineResponse.parse(await timeline(`?schemaVersion=${SCHEMA_VERSION}`));
  expect(
    await outcomes(editor, [
      decision('accept', { count: 1, excerpt: 'Brücke' }),
      decision('accept', { count: 1, excerpt: 'Brücke', undone: true }),
    ]),
  ).toEqual(['noop', 'noop']);
  expect(await outcomes(editor, [decision('accept', { undone: false })])).toEqual(['invalid_args']);
  const t = TimelineResponse.parse(await timeline(`?schemaVersion=${SCHEMA_VERSION}`));
  const added = t.items.filter((i) => !before.items.some((b) => b.id === i.id));
  expect(added.map((i) => [i.kind, i.action, i.user?.username, i.suggestions, i.text])).toEqual([
    ['suggestion', 'accept_suggestions', 'editor', { count: 1, authors: ['chief'] }, 'Brücke'],
    ['suggestion', 'undo_accept_suggestions', 'editor', { count: 1, authors: ['chief'] }, 'Brücke'],
  ]);
});

it('leaves the decisions out for a desk older than 2026-12-y, whose strict parser refuses them', async () => {
  // The timeline entry as desks before 2026-12-y parse it.
  const OldEntry = z.strictObject({
    id: z.string(),
    kind: z.enum(['transition', 'comment']),
    action: z.string(),
    from: ArticleStatus.nullable(),
    to: ArticleStatus.nullable(),
    text: z.string().nullable(),
    user: z.strictObject({ id: z.string(), username: z.string() }).nullable(),
    at: z.string(),
    pending: z.boolean(),
  });
  const OldResponse = z.strictObject({ articleId: z.string(), items: z.array(OldEntry) });
  for (const query of ['', '?schemaVersion=2026-12-w']) {
    const old = OldResponse.parse(await timeline(query));
    expect(old.items.some((i) => i.action.includes('suggestion'))).toBe(false);
  }
  // The new desk's answer would not parse for the old one: the gate is what keeps it working.
  expect(OldResponse.safeParse(await timeline(`?schemaVersion=${SCHEMA_VERSION}`)).success).toBe(
    false,
  );
});
