/**
 * The desk's own consecutive body saves of one article (src-main/core/sync/ownBodies.ts), with
 * the real backend: a body saved while the previous save's push is on its way is not a second
 * person's edit. Its push waits for the pull that acknowledges the previous one and goes out on
 * top of it, so neither the server nor the desk's rebase makes a conflict of the desk's own
 * typing, and the acknowledgement changes nothing the editor shows (no synced revision, no
 * non-local change event); a later save with the editor's base is stored as sent. A genuine change
 * by someone else in between is still merged in.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CoreEvent } from '../../src-shared/api';
import { tempDir } from '../support/tmp';
import { bodyOf, openClient, signIn, startServer, textsOf, type Client } from './support/harness';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy';

const tmp = tempDir('copydesk-own-bodies-');
let server: Awaited<ReturnType<typeof startServer>>;
let proxy: FaultProxy;
/** The desk under test (automatic sync off: the test starts each round). */
let a: Client;
/** Another desk (the chief), straight to the server. */
let b: Client;

beforeAll(async () => {
  server = await startServer(`${tmp.dir}/server`);
  proxy = await startFaultProxy(server.url, 1);
  a = await openClient(tmp.dir, 'a', { auto: false });
  await a.api['sync.login']({ serverUrl: proxy.url, username: 'editor', password: 'editor' });
  b = await openClient(tmp.dir, 'b', { auto: false });
  await signIn(b, server.url, 'chief');
});
afterAll(async () => {
  await b?.close();
  await a?.close();
  await proxy?.close();
  await server?.stop();
  tmp.cleanup();
});

async function syncedArticle(): Promise<{ id: string; revision: number }> {
  const created = await a.api['articles.create']({
    fields: { headline: 'Eigene Saves' },
    body: bodyOf([
      ['b1', 'Eins'],
      ['b2', 'Zwei'],
    ]),
  });
  await a.api['sync.now']({});
  return a.api['articles.get']({ id: created.id });
}

/** Runs a sync round whose push is slow, and saves `during` while that push is on its way. */
async function saveDuringPush<T>(during: () => Promise<T>): Promise<T> {
  proxy.latencyMs = 400;
  try {
    const round = a.api['sync.now']({});
    await new Promise((r) => setTimeout(r, 150));
    const saved = await during();
    await round;
    return saved;
  } finally {
    proxy.latencyMs = 0;
  }
}

it('acknowledges two saves of one paragraph as the desk wrote them, without a conflict', async () => {
  const art = await syncedArticle();
  const events: CoreEvent[] = [];
  const off = a.core.onEvent((e) => events.push(e));
  const s1 = await a.api['articles.save']({
    id: art.id,
    body: bodyOf([
      ['b1', 'Eins x'],
      ['b2', 'Zwei'],
    ]),
    baseRevision: art.revision,
  });
  const s2 = await saveDuringPush(() =>
    a.api['articles.save']({
      id: art.id,
      body: bodyOf([
        ['b1', 'Eins xx'],
        ['b2', 'Zwei'],
      ]),
      baseRevision: s1.revision,
    }),
  );
  expect(s2.outcome).toBe('applied');
  // Both pushed and acknowledged; what the desk shows did not move.
  const after = await a.api['articles.get']({ id: art.id });
  expect(textsOf(after.body)).toEqual(['Eins xx', 'Zwei']);
  expect(after.revision).toBe(s2.revision);
  expect((await a.api['sync.status']({})).pending).toBe(0);

  // The editor's next save, on the base it has, is stored as sent.
  const s3 = await a.api['articles.save']({
    id: art.id,
    body: bodyOf([
      ['b1', 'Eins xxx'],
      ['b2', 'Zwei'],
    ]),
    baseRevision: s2.revision,
  });
  expect(s3.outcome).toBe('applied');
  await a.api['sync.now']({});
  off();

  const origins = events.flatMap((e) =>
    e.type === 'article.updated' && e.id === art.id ? [e.origin] : [],
  );
  expect(origins).toEqual(['local', 'local', 'local']); // s1, s2, s3: none from the sync
  const revisions = await a.api['revisions.list']({ articleId: art.id });
  expect(revisions.items.map((r) => r.reason)).not.toContain('synced');
  expect((await a.api['sync.conflicts']({})).items).toEqual([]);
  await b.api['sync.now']({});
  expect(textsOf((await b.api['articles.get']({ id: art.id })).body)).toEqual(['Eins xxx', 'Zwei']);
  expect(textsOf((await a.api['articles.get']({ id: art.id })).body)).toEqual(['Eins xxx', 'Zwei']);
});

it('still merges in a change someone else made while the desk saved twice', async () => {
  const art = await syncedArticle();
  await b.api['sync.now']({});
  const s1 = await a.api['articles.save']({
    id: art.id,
    body: bodyOf([
      ['b1', 'Eins x'],
      ['b2', 'Zwei'],
    ]),
    baseRevision: art.revision,
  });
  await b.api['articles.save']({
    id: art.id,
    body: bodyOf([
      ['b1', 'Eins'],
      ['b2', 'Zwei von B'],
    ]),
  });
  await b.api['sync.now']({});
  const events: CoreEvent[] = [];
  const off = a.core.onEvent((e) => events.push(e));
  await saveDuringPush(() =>
    a.api['articles.save']({
      id: art.id,
      body: bodyOf([
        ['b1', 'Eins xx'],
        ['b2', 'Zwei'],
      ]),
      baseRevision: s1.revision,
    }),
  );
  await a.api['sync.now']({});
  off();
  const after = await a.api['articles.get']({ id: art.id });
  expect(textsOf(after.body)).toEqual(['Eins xx', 'Zwei von B']);
  // B's change reached the desk as a change by someone else (the editor merges it).
  expect(events.some((e) => e.type === 'article.updated' && e.origin === 'remote')).toBe(true);
  expect((await a.api['sync.conflicts']({})).items).toEqual([]);
  await b.api['sync.now']({});
  expect(textsOf((await b.api['articles.get']({ id: art.id })).body)).toEqual([
    'Eins xx',
    'Zwei von B',
  ]);
});
