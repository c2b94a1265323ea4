/* eslint-disable @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- JSON responses are `any`; the assertions check their shape */
/** The newsroom dictionary through the real backend: add, pull, remove by a desk chief, rules. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PullResponse, SCHEMA_VERSION } from '../../src-shared/protocol';
import { serverCount } from '../support/serverDb';
import { Client, login, spawnServer, type ServerProcess } from './helpers';

let server: ServerProcess;
let editor: Client;
let chief: Client;

beforeAll(async () => {
  server = await spawnServer(['--demo']);
  editor = new Client(server.url, await login(server.url, 'editor'));
  editor.schemaVersion = SCHEMA_VERSION;
  chief = new Client(server.url, await login(server.url, 'chief'));
  chief.schemaVersion = SCHEMA_VERSION;
});
afterAll(async () => {
  await server.stop();
});

/** The dictionary's words (removed ones marked) as a fresh client of `c`'s user pulls them. */
async function pulledWords(c: Client, schemaVersion: string | null = SCHEMA_VERSION) {
  const fresh = new Client(c.url, c.token);
  fresh.schemaVersion = schemaVersion ?? undefined;
  const pages = await fresh.pullAll(1000);
  for (const p of pages) PullResponse.parse(p);
  return pages
    .flatMap((p) => p.changes)
    .filter((ch: { entity: string }) => ch.entity === 'word')
    .map((ch: { data: { word: string; removed: boolean } }) =>
      ch.data.removed ? `-${ch.data.word}` : ch.data.word,
    );
}

describe('newsroom dictionary', () => {
  it('a word an editor adds reaches every client that knows the dictionary, once', async () => {
    const r = await editor.push([
      { name: 'dictionary.addWord', args: { word: 'citeq' } },
      { name: 'dictionary.addWord', args: { word: 'LWL.IT' } },
      { name: 'dictionary.addWord', args: { word: 'citeq' } },
    ]);
    expect(r.status).toBe(200);
    expect(r.body.outcomes.map((o: { status: string }) => o.status)).toEqual([
      'applied',
      'applied',
      'noop',
    ]);
    expect(await pulledWords(chief)).toEqual(['citeq', 'LWL.IT']);
    const pulled = new Client(chief.url, chief.token);
    pulled.schemaVersion = SCHEMA_VERSION;
    const page = (await pulled.pull()).body;
    const citeq = page.changes.find((ch: { id: string }) => ch.id === 'citeq');
    expect(citeq.data).toMatchObject({ word: 'citeq', removed: false });
    expect(citeq.actor).toMatchObject({ username: 'editor' });
  });

  it('a client that predates the dictionary is not sent words (its parser would refuse them)', async () => {
    expect(await pulledWords(chief, null)).toEqual([]);
    expect(await pulledWords(chief, '2025-02')).toEqual([]);
  });

  it('only a desk chief may remove a word; the removal reaches everyone and the word may come back', async () => {
    const refused = await editor.push([{ name: 'dictionary.removeWord', args: { word: 'citeq' } }]);
    expect(refused.body.outcomes[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect(await pulledWords(chief)).toContain('citeq');

    const removed = await chief.push([{ name: 'dictionary.removeWord', args: { word: 'citeq' } }]);
    expect(removed.body.outcomes[0]).toMatchObject({ status: 'applied' });
    expect(await pulledWords(editor)).toEqual(['LWL.IT', '-citeq']);

    const missing = await chief.push([{ name: 'dictionary.removeWord', args: { word: 'Vitako' } }]);
    expect(missing.body.outcomes[0]).toMatchObject({ status: 'rejected', code: 'not_found' });

    const again = await editor.push([{ name: 'dictionary.addWord', args: { word: 'citeq' } }]);
    expect(again.body.outcomes[0]).toMatchObject({ status: 'applied' });
    expect(await pulledWords(chief)).toEqual(['LWL.IT', 'citeq']);
  });

  it('refuses what is not one word, and stores nothing for it', async () => {
    const before = await serverCount(server, 'SELECT COUNT(*) AS n FROM dictionary_words');
    const bad = [
      'zwei Wörter',
      'x',
      'a'.repeat(65),
      '-citeq',
      'citeq-',
      '123',
      'ci<b>teq',
      'e\u0301',
    ];
    const r = await editor.push(
      bad.map((word) => ({ name: 'dictionary.addWord', args: { word } })),
    );
    expect(r.status).toBe(200);
    for (const o of r.body.outcomes)
      expect(o).toMatchObject({ status: 'rejected', code: 'invalid_args' });
    expect(r.body.outcomes[0].reason).toMatch(/word: one word/);
    expect(await serverCount(server, 'SELECT COUNT(*) AS n FROM dictionary_words')).toBe(before);
    expect(await pulledWords(chief)).toEqual(['LWL.IT', 'citeq']);
  });
});
