import { afterAll, beforeAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { openClient, signIn, startServer, bodyOf, textsOf, type Client } from './support/harness';
import type { Started } from '../support/processes';
import { tempDir } from '../support/tmp';

let tmp: ReturnType<typeof tempDir>;
let server: Started;
let a: Client;
beforeAll(async () => {
  tmp = tempDir('copydesk-bac-');
  server = await startServer(join(tmp.dir, 'server'));
  a = await openClient(tmp.dir, 'a', { auto: false });
  await signIn(a, server.url, 'editor');
});
afterAll(async () => {
  await a?.close();
  await server?.stop();
  tmp?.cleanup();
});

// One explicit sync takes it all the way: push the create, pull its base, push the body.
it('a body written after an unsynced create reaches the server without a conflict', async () => {
  const created = await a.api['articles.create']({});
  await a.api['articles.save']({ id: created.id, fields: { headline: 'Neu' } });
  await a.api['articles.save']({
    id: created.id,
    body: bodyOf([
      ['b1', 'Erster Absatz'],
      ['b2', 'Zweiter'],
    ]),
  });
  await a.api['sync.now']({});
  expect((await a.api['sync.conflicts']({})).items).toEqual([]);
  expect((await a.api['sync.status']({})).pending).toBe(0);
  const got = await a.api['articles.get']({ id: created.id });
  expect(textsOf(got.body)).toEqual(['Erster Absatz', 'Zweiter']);
  // The server has it too: a desk chief's fresh profile pulls the same body.
  const chief = await openClient(tmp.dir, 'chief', { auto: false });
  try {
    await signIn(chief, server.url, 'chief');
    await chief.api['sync.now']({});
    const theirs = await chief.api['articles.get']({ id: created.id });
    expect(textsOf(theirs.body)).toEqual(['Erster Absatz', 'Zweiter']);
    expect(theirs.headline).toBe('Neu');
  } finally {
    await chief.close();
  }
});
