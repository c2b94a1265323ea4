/* eslint-disable @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument -- JSON responses are `any`; the assertions check their shape */
/**
 * Body suggestions carry their author's name, and only that user may make them (issue #17): a
 * push whose body brings a new suggestion mark naming someone else is refused and stores
 * nothing; marks that are already in the stored body or the pusher's merge base pass untouched
 * (merges, and the author accepting or rejecting the chief's suggestions).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src-shared/protocol';
import { listSuggestions } from '../../src-shared/richtext/suggestions';
import { Client, body, http, login, spawnServer, type ServerProcess } from './helpers';

let server: ServerProcess;
let chief: Client;
let editor: Client;

const at = '2026-12-03T07:00:00.000Z';
const mark = (id: string, author: string, text = 'neu ') => ({
  type: 'suggestion',
  text,
  kind: 'insert',
  author,
  at,
  id,
});
type Body = ReturnType<typeof body>;
/** The body with `node` put at the start of paragraph `i`. */
function withMark(b: Body, i: number, node: Record<string, unknown>): Body {
  const next = structuredClone(b);
  (next.root.children[i] as { children: unknown[] }).children.unshift(node);
  return next;
}
const outcome = (r: { body: { outcomes: { status: string; code?: string; reason?: string }[] } }) =>
  r.body.outcomes[0]!;

beforeAll(async () => {
  server = await spawnServer(['--demo']);
  chief = new Client(server.url, await login(server.url, 'chief'));
  editor = new Client(server.url, await login(server.url, 'editor'));
});
afterAll(async () => {
  await server.stop();
});

async function pulled(id: string) {
  const c = new Client(server.url, chief.token);
  c.schemaVersion = SCHEMA_VERSION;
  const pages = await c.pullAll(1000);
  return pages
    .flatMap((p) => p.changes)
    .filter((ch: { id: string }) => ch.id === id)
    .at(-1)?.data;
}

/** A push as a current desk sends it (with schemaVersion: it reads suggestion marks). */
function pushCurrent(c: Client, mutations: { name: string; args: unknown }[]) {
  const ms = mutations.map((m, i) => ({ id: c.next + i, ...m }));
  c.next += mutations.length;
  return http(`${c.url}/api/v1/sync/push`, {
    token: c.token,
    json: {
      protocolVersion: 1,
      schemaVersion: SCHEMA_VERSION,
      clientId: c.clientId,
      mutations: ms,
    },
  });
}

const setBody = (id: string, baseBodyVersion: number, b: unknown) => ({
  name: 'article.setBody',
  args: { id, baseBodyVersion, body: b },
});

/** The editor's article with the chief's suggestion `c1` in its first paragraph. */
async function articleWithChiefSuggestion() {
  const id = randomUUID();
  const start = body('Der Rat tagte.', 'Zweiter Absatz.');
  expect(
    outcome(await editor.push([{ name: 'article.create', args: { id, body: start } }])).status,
  ).toBe('applied');
  const created = await pulled(id);
  const r = await chief.push([
    setBody(id, created.bodyVersion, withMark(created.body, 0, mark('c1', 'chief'))),
  ]);
  expect(outcome(r).status).toBe('applied');
  return { id, stored: await pulled(id) };
}

describe('authors of body suggestions on push', () => {
  it("refuses a new suggestion in someone else's name, naming them, and stores nothing", async () => {
    const { id, stored } = await articleWithChiefSuggestion();
    // The author forges a suggestion in the chief's name.
    const r = await editor.push([
      setBody(id, stored.bodyVersion, withMark(stored.body, 1, mark('fake', 'chief'))),
    ]);
    expect(outcome(r)).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect(outcome(r).reason).toMatch(/name of the user who makes it.*chief/);
    // Reusing the id of the chief's suggestion under another name is new as well.
    const reused = await chief.push([
      setBody(id, stored.bodyVersion, withMark(stored.body, 1, mark('c1', 'editor'))),
    ]);
    expect(outcome(reused)).toMatchObject({ status: 'rejected', code: 'forbidden' });
    const after = await pulled(id);
    expect(after.version).toBe(stored.version);
    expect(after.body).toEqual(stored.body);
  });

  it('refuses a new article whose body carries suggestions in another name', async () => {
    const id = randomUUID();
    const b = withMark(body('Text.'), 0, mark('x1', 'chief'));
    const r = await editor.push([{ name: 'article.create', args: { id, body: b } }]);
    expect(outcome(r)).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect(await pulled(id)).toBeUndefined();
    // In one's own name it is fine.
    const own = withMark(body('Text.'), 0, mark('x2', 'editor'));
    const ok = await editor.push([{ name: 'article.create', args: { id, body: own } }]);
    expect(outcome(ok).status).toBe('applied');
  });

  it("lets the author edit around the chief's suggestion, and add their own", async () => {
    const { id, stored } = await articleWithChiefSuggestion();
    const edited = withMark(stored.body, 1, mark('e1', 'editor'));
    const r = await editor.push([setBody(id, stored.bodyVersion, edited)]);
    expect(outcome(r).status).toBe('applied');
    const after = await pulled(id);
    expect(listSuggestions(after.body).map((s) => [s.id, s.author])).toEqual([
      ['c1', 'chief'],
      ['e1', 'editor'],
    ]);
  });

  it("lets the author accept the chief's suggestion (the mark goes, its text stays)", async () => {
    const { id, stored } = await articleWithChiefSuggestion();
    const accepted = structuredClone(stored.body);
    accepted.root.children[0].children[0] = {
      type: 'text',
      text: 'neu ',
      format: 0,
      style: '',
      detail: 0,
      mode: 'normal',
    };
    const r = await editor.push([setBody(id, stored.bodyVersion, accepted)]);
    expect(outcome(r).status).toBe('applied');
    expect(listSuggestions((await pulled(id)).body)).toEqual([]);
  });

  it("lets the author undo a rejection of the chief's suggestion (the mark comes back)", async () => {
    const { id, stored } = await articleWithChiefSuggestion();
    const rejected = structuredClone(stored.body);
    rejected.root.children[0].children.shift();
    expect(
      outcome(await pushCurrent(editor, [setBody(id, stored.bodyVersion, rejected)])).status,
    ).toBe('applied');
    const afterReject = await pulled(id);
    expect(listSuggestions(afterReject.body)).toEqual([]);
    // Ctrl+Z on the author's desk: the body with the chief's suggestion again, from the new base.
    const undone = await pushCurrent(editor, [setBody(id, afterReject.bodyVersion, stored.body)]);
    expect(outcome(undone).status).toBe('applied');
    expect(listSuggestions((await pulled(id)).body).map((x) => [x.id, x.author])).toEqual([
      ['c1', 'chief'],
    ]);
  });

  it('passes marks from the merge base that the server body no longer has (a merge)', async () => {
    const { id, stored } = await articleWithChiefSuggestion();
    // The chief withdraws the suggestion on the server meanwhile …
    const withdrawn = structuredClone(stored.body);
    withdrawn.root.children[0].children.shift();
    const w = await pushCurrent(chief, [setBody(id, stored.bodyVersion, withdrawn)]);
    expect(outcome(w).status).toBe('applied');
    // … while the author, from the older base that still had it, edits the second paragraph.
    const mine = structuredClone(stored.body);
    mine.root.children[1].children[0].text = 'Zweiter Absatz, geändert.';
    const r = await pushCurrent(editor, [setBody(id, stored.bodyVersion, mine)]);
    expect(outcome(r).status).toBe('merged');
    const after = await pulled(id);
    expect(JSON.stringify(after.body)).toContain('Zweiter Absatz, geändert.');
    expect(listSuggestions(after.body)).toEqual([]);
  });
});
