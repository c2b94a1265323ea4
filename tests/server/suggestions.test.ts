/* eslint-disable @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- JSON responses are `any`; the assertions check their shape */
/**
 * Suggestion mode on the server (docs/data-model.md): open suggestions are never published, and
 * desks older than schemaVersion 2026-12-v pull bodies with every open suggestion rejected.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src-shared/protocol';
import { countOpenSuggestions } from '../../src-shared/richtext/suggestions';
import { serverRow } from '../support/serverDb';
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
let chief: Client;

const at = '2026-12-03T04:00:00.000Z';
/** "Der Rat tagte gestern." with "tagte" suggested for deletion and "beschloss" for insertion. */
function suggestedBody() {
  const b = body('Zweiter Absatz bleibt.');
  b.root.children.unshift({
    type: 'paragraph',
    $: { blockId: 'sug-p1' },
    children: [
      { type: 'text', text: 'Der Rat ' },
      { type: 'suggestion', text: 'tagte', kind: 'delete', author: 'chief', at, id: 's1' },
      { type: 'suggestion', text: 'beschloss', kind: 'insert', author: 'chief', at, id: 's2' },
      { type: 'text', text: ' gestern.' },
    ],
  });
  b.root.children.push({
    type: 'paragraph',
    $: { blockId: 'sug-p3' },
    children: [
      {
        type: 'suggestion',
        text: 'Geheimer Zusatz.',
        kind: 'insert',
        author: 'chief',
        at,
        id: 's3',
      },
    ],
  });
  return b;
}

beforeAll(async () => {
  server = await spawnServer(['--demo']);
  chief = new Client(server.url, await login(server.url, 'chief'));
});
afterAll(async () => {
  await server.stop();
});

async function pulledArticle(schemaVersion: string | undefined, id: string) {
  const c = new Client(server.url, chief.token);
  c.schemaVersion = schemaVersion;
  const pages = await c.pullAll(1000);
  return pages
    .flatMap((p) => p.changes)
    .filter((ch: { id: string }) => ch.id === id)
    .at(-1)?.data;
}

describe('suggestions on the server', () => {
  it('publishes exactly the as-rejected text on the page, the feed, ninjs and the JSON API', async () => {
    const id = randomUUID();
    const r = await chief.push([
      {
        name: 'article.create',
        args: { id, fields: completeFields({ headline: 'Rat tagt' }), body: suggestedBody() },
      },
      { name: 'article.transition', args: { id, from: 'draft', to: 'in_review' } },
      { name: 'article.transition', args: { id, from: 'in_review', to: 'approved' } },
      { name: 'article.transition', args: { id, from: 'approved', to: 'published' } },
    ]);
    expect(r.body.outcomes.map((o: { status: string }) => o.status)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
    ]);
    // The desk's copy keeps the suggestions: they are data, only the public does not see them.
    const stored = await pulledArticle(SCHEMA_VERSION, id);
    expect(countOpenSuggestions(stored.body)).toBe(3);

    const expected = '<p>Der Rat tagte gestern.</p><p>Zweiter Absatz bleibt.</p>';
    const page = await http(`${server.url}/articles/${stored.slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(expected);

    const feed = await http(`${server.url}/feed.xml`);
    const entry = feed.text.split('<entry>').find((e: string) => e.includes(`urn:uuid:${id}`));
    expect(entry).toBeDefined();
    expect(entry).toContain(expected.replace(/</g, '&lt;').replace(/>/g, '&gt;'));

    const ninjs = await http(`${server.url}/api/ninjs/v2/items/${id}`);
    expect(ninjs.status).toBe(200);
    expect(ninjs.body.bodies[0].value).toBe(expected);
    // "Der Rat tagte gestern. Zweiter Absatz bleibt." is 7 words; the suggested ones are not counted.
    expect(ninjs.body.bodies[0].wordcount).toBe(7);

    for (const text of [page.text, feed.text, JSON.stringify(ninjs.body)]) {
      expect(text).not.toContain('beschloss');
      expect(text).not.toContain('Geheimer Zusatz');
      expect(text).not.toContain('suggestion');
    }
    // The stored snapshot, which every public view renders from, holds the as-rejected body.
    const row = await serverRow<{ snapshot: string }>(
      server,
      'SELECT snapshot FROM published WHERE article_id = ?',
      id,
    );
    const snapshot = JSON.parse(row.snapshot) as { body: unknown };
    expect(countOpenSuggestions(snapshot.body)).toBe(0);
    expect(JSON.stringify(snapshot.body)).toContain('"text":"Der Rat tagte gestern."');
    const json = await http(`${server.url}/api/v1/published/${stored.slug}`);
    expect(json.status).toBe(200);
    expect(JSON.stringify(json.body)).not.toMatch(/beschloss|Geheimer Zusatz|"suggestion"/);
  });

  it('sends desks older than 2026-12-v the body with every open suggestion rejected', async () => {
    const id = randomUUID();
    const r = await chief.push([
      {
        name: 'article.create',
        args: { id, fields: { headline: 'Entwurf' }, body: suggestedBody() },
      },
    ]);
    expect(r.body.outcomes[0].status).toBe('applied');

    const current = await pulledArticle(SCHEMA_VERSION, id);
    expect(countOpenSuggestions(current.body)).toBe(3);
    for (const old of [undefined, '2026-12-t', '2026-12-u']) {
      const data = await pulledArticle(old, id);
      expect(JSON.stringify(data.body)).not.toContain('"suggestion"');
      const blocks = data.body.root.children;
      expect(blocks).toHaveLength(2);
      expect(blocks[0].$).toEqual({ blockId: 'sug-p1' });
      expect(blocks[0].children).toEqual([
        expect.objectContaining({ type: 'text', text: 'Der Rat tagte gestern.' }),
      ]);
      // Everything else of the article is what the current desk gets.
      expect(data.version).toBe(current.version);
      expect(data.headline).toBe('Entwurf');
    }
  });

  it('keeps open suggestions in the blocks an old desk pushes back unchanged', async () => {
    const id = randomUUID();
    const created = await chief.push([
      { name: 'article.create', args: { id, fields: { headline: 'Alt' }, body: suggestedBody() } },
    ]);
    expect(created.body.outcomes[0].status).toBe('applied');
    // The old desk (no schemaVersion) gets the body as-rejected and edits the plain paragraph.
    const old = await pulledArticle(undefined, id);
    const edited = structuredClone(old.body);
    edited.root.children[1].children[0].text = 'Zweiter Absatz geändert.';
    const r = await chief.push([
      {
        name: 'article.setBody',
        args: { id, baseBodyVersion: old.bodyVersion, body: edited },
      },
    ]);
    expect(r.body.outcomes[0].status).toBe('applied');
    const after = await pulledArticle(SCHEMA_VERSION, id);
    expect(countOpenSuggestions(after.body)).toBe(3);
    expect(after.body.root.children.map((b: { $: { blockId: string } }) => b.$.blockId)).toEqual([
      'sug-p1',
      old.body.root.children[1].$.blockId,
      'sug-p3',
    ]);
    expect(JSON.stringify(after.body)).toContain('Zweiter Absatz geändert.');

    // A paragraph the old desk did change is its version: that suggestion is gone (docs).
    const again = await pulledArticle(undefined, id);
    const changed = structuredClone(again.body);
    changed.root.children[0].children[0].text = 'Der Rat tagte heute.';
    const r2 = await chief.push([
      {
        name: 'article.setBody',
        args: { id, baseBodyVersion: again.bodyVersion, body: changed },
      },
    ]);
    expect(r2.body.outcomes[0].status).toBe('applied');
    const last = await pulledArticle(SCHEMA_VERSION, id);
    expect(countOpenSuggestions(last.body)).toBe(1);
    expect(JSON.stringify(last.body)).toContain('Der Rat tagte heute.');
  });

  it('refuses a suggestion without an author, and stores nothing', async () => {
    const id = randomUUID();
    const b = body('Text');
    b.root.children.push({
      type: 'paragraph',
      children: [{ type: 'suggestion', text: 'x', kind: 'insert', at, id: 's9' }],
    });
    const r = await chief.push([
      { name: 'article.create', args: { id, fields: { headline: 'Kaputt' }, body: b } },
    ]);
    expect(r.status).toBe(200);
    expect(r.body.outcomes[0].status).toBe('rejected');
    expect(JSON.stringify(r.body)).toContain('needs an \\"author\\"');
    expect(await pulledArticle(SCHEMA_VERSION, id)).toBeUndefined();
  });
});
