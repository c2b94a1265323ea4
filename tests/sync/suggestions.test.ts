/**
 * Issue #17: suggestions made offline on the chief's desk arrive on the author's desk after
 * sync; an author editing the same paragraph meanwhile gets a conflict that shows both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodyJson } from '../../src-shared/model';
import { listSuggestions } from '../../src-shared/richtext/suggestions';
import { tempDir } from '../support/tmp';
import type { Started } from '../support/processes';
import { bodyOf, openClient, signIn, startServer, textsOf, type Client } from './support/harness';

let tmp: ReturnType<typeof tempDir>;
let server: Started;
let chief: Client;
let author: Client;

beforeAll(async () => {
  tmp = tempDir('copydesk-sync-sug-');
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

/** `body` with a suggested insertion by the chief appended to block `blockId`. */
function withSuggestion(body: BodyJson, blockId: string, id: string): BodyJson {
  const copy = structuredClone(body) as unknown as {
    root: { children: { $: { blockId: string }; children: unknown[] }[] };
  };
  const block = copy.root.children.find((b) => b.$.blockId === blockId)!;
  block.children.push({
    type: 'suggestion',
    text: ' (bestätigt)',
    kind: 'insert',
    author: 'chief',
    at: '2026-12-03T04:00:00.000Z',
    id,
  });
  return copy as unknown as BodyJson;
}

describe('suggestions sync between desks', () => {
  it('arrive on the author desk; the same paragraph edited on both becomes a conflict with both', async () => {
    const art = await author.api['articles.create']({
      fields: { headline: 'Rat', teaser: 'T' },
      body: bodyOf([
        ['b1', 'Eins'],
        ['b2', 'Zwei'],
      ]),
    });
    expect((await author.api['sync.now']({})).state).toBe('idle');
    expect((await chief.api['sync.now']({})).state).toBe('idle');
    const onChief = await chief.api['articles.get']({ id: art.id });

    // Offline: the chief suggests in b1 and b2; the author edits b2.
    let body = withSuggestion(onChief.body, 'b1', 's-b1');
    body = withSuggestion(body, 'b2', 's-b2');
    await chief.api['articles.save']({ id: art.id, body });
    await author.api['articles.save']({
      id: art.id,
      body: bodyOf([
        ['b1', 'Eins'],
        ['b2', 'Zwei vom Autor'],
      ]),
    });
    await chief.api['sync.now']({});
    await author.api['sync.now']({});
    await chief.api['sync.now']({});

    const got = await author.api['articles.get']({ id: art.id });
    // b1's suggestion arrived intact; b2 was changed on both desks: the server kept the chief's.
    expect(listSuggestions(got.body).map((s) => [s.id, s.author, s.kind])).toEqual([
      ['s-b1', 'chief', 'insert'],
      ['s-b2', 'chief', 'insert'],
    ]);
    const conflicts = (await author.api['sync.conflicts']({ entityId: art.id })).items;
    expect(conflicts).toHaveLength(1);
    expect(JSON.stringify(conflicts[0]!.mine)).toContain('Zwei vom Autor');
    expect(JSON.stringify(conflicts[0]!.theirs)).toContain('"id":"s-b2"');
    // Both desks agree on the body.
    const chiefBody = (await chief.api['articles.get']({ id: art.id })).body;
    expect(textsOf(chiefBody)).toEqual(textsOf(got.body));
    expect(listSuggestions(chiefBody)).toEqual(listSuggestions(got.body));
  });
});
