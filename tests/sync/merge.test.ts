/**
 * Two clients edit offline and meet at the real backend: different fields merge, the same block
 * becomes a conflict region with both versions, and an edit survives a concurrent delete.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp';
import type { Started } from '../support/processes';
import { bodyOf, openClient, signIn, startServer, textsOf, type Client } from './support/harness';

let tmp: ReturnType<typeof tempDir>;
let server: Started;
const clients: Client[] = [];

beforeAll(async () => {
  tmp = tempDir('copydesk-sync-');
  server = await startServer(`${tmp.dir}/server`);
});
afterAll(async () => {
  for (const c of clients) await c.close();
  await server?.stop();
  tmp?.cleanup();
});

async function pair(user = 'editor'): Promise<[Client, Client]> {
  const n = clients.length;
  const a = await openClient(tmp.dir, `a${n}`);
  const b = await openClient(tmp.dir, `b${n}`);
  clients.push(a, b);
  await signIn(a, server.url, user);
  await signIn(b, server.url, user);
  return [a, b];
}

/** A creates an article and both clients sync so that B has it. */
async function shared(
  a: Client,
  b: Client,
  body = bodyOf([
    ['b1', 'Eins'],
    ['b2', 'Zwei'],
  ]),
) {
  const art = await a.api['articles.create']({ fields: { headline: 'Start', teaser: 'T0' }, body });
  expect((await a.api['sync.now']({})).state).toBe('idle');
  expect((await b.api['sync.now']({})).state).toBe('idle');
  expect((await b.api['articles.get']({ id: art.id })).headline).toBe('Start');
  return art.id;
}

describe('sync against the real backend', () => {
  it('(a) offline edits of different fields of one article are both kept', async () => {
    const [a, b] = await pair();
    const id = await shared(a, b);
    await a.api['articles.save']({ id, fields: { headline: 'Neue Schlagzeile' } });
    await b.api['articles.save']({ id, fields: { teaser: 'Neuer Vorspann' } });
    await a.api['sync.now']({});
    await b.api['sync.now']({});
    await a.api['sync.now']({});
    for (const c of [a, b]) {
      const got = await c.api['articles.get']({ id });
      expect(got.headline).toBe('Neue Schlagzeile');
      expect(got.teaser).toBe('Neuer Vorspann');
      expect((await c.api['sync.status']({})).pending).toBe(0);
      expect((await c.api['sync.conflicts']({})).items).toEqual([]);
    }
  });

  it('(b) both edit the same block: a conflict region keeps both versions', async () => {
    const [a, b] = await pair();
    const id = await shared(a, b);
    await a.api['articles.save']({
      id,
      body: bodyOf([
        ['b1', 'Eins von A'],
        ['b2', 'Zwei'],
      ]),
    });
    await b.api['articles.save']({
      id,
      body: bodyOf([
        ['b1', 'Eins von B'],
        ['b2', 'Zwei B'],
      ]),
    });
    await a.api['sync.now']({});
    await b.api['sync.now']({});
    await a.api['sync.now']({});
    // The server kept A's block (first synced) and B's other edit merged cleanly.
    for (const c of [a, b]) {
      expect(textsOf((await c.api['articles.get']({ id })).body)).toEqual(['Eins von A', 'Zwei B']);
    }
    const conflicts = (await b.api['sync.conflicts']({})).items;
    expect(conflicts).toHaveLength(1);
    const c = conflicts[0]!;
    expect(c).toMatchObject({ kind: 'body', entityId: id, field: 'body' });
    expect(JSON.stringify(c.mine)).toContain('Eins von B');
    expect(JSON.stringify(c.theirs)).toContain('Eins von A');
    // B takes its own version of the region; after sync both clients and the server agree.
    await b.api['sync.resolveConflict']({ id: c.id, keep: 'mine' });
    expect(textsOf((await b.api['articles.get']({ id })).body)).toEqual(['Eins von B', 'Zwei B']);
    await b.api['sync.now']({});
    await a.api['sync.now']({});
    expect(textsOf((await a.api['articles.get']({ id })).body)).toEqual(['Eins von B', 'Zwei B']);
    expect((await b.api['sync.conflicts']({})).items).toEqual([]);
  });

  it('(b) both change the same field: the server keeps the first, the other is a visible conflict', async () => {
    const [a, b] = await pair();
    const id = await shared(a, b);
    await a.api['articles.save']({ id, fields: { headline: 'Von A' } });
    await b.api['articles.save']({ id, fields: { headline: 'Von B' } });
    await a.api['sync.now']({});
    await b.api['sync.now']({});
    expect((await b.api['articles.get']({ id })).headline).toBe('Von A');
    const [c] = (await b.api['sync.conflicts']({ entityId: id })).items;
    expect(c).toMatchObject({ kind: 'field', field: 'headline', mine: 'Von B', theirs: 'Von A' });
    expect((await b.api['articles.list']({})).items.find((x) => x.id === id)).toBeDefined();
    await b.api['sync.resolveConflict']({ id: c!.id, keep: 'mine' });
    await b.api['sync.now']({});
    await a.api['sync.now']({});
    expect((await a.api['articles.get']({ id })).headline).toBe('Von B');
    expect((await b.api['sync.conflicts']({})).items).toEqual([]);
  });

  it('(c) an edit against a delete survives, whichever syncs first', async () => {
    const [a, b] = await pair();
    // Delete first, edit second: the server refuses the edit of a deleted article; B restores
    // the article and re-sends its edit.
    const id1 = await shared(a, b);
    await a.api['articles.delete']({ id: id1 });
    await b.api['articles.save']({ id: id1, fields: { headline: 'Gerettet' } });
    await a.api['sync.now']({});
    await b.api['sync.now']({});
    await b.api['sync.now']({});
    await a.api['sync.now']({});
    for (const c of [a, b]) {
      const got = await c.api['articles.get']({ id: id1 });
      expect(got.deletedAt).toBeNull();
      expect(got.headline).toBe('Gerettet');
    }
    // Edit first, delete second: the delete is refused (the edit wins) and A sees why.
    const id2 = await shared(a, b);
    await b.api['articles.save']({ id: id2, fields: { headline: 'Auch gerettet' } });
    await a.api['articles.delete']({ id: id2 });
    await b.api['sync.now']({});
    await a.api['sync.now']({});
    const got = await a.api['articles.get']({ id: id2 });
    expect(got.deletedAt).toBeNull();
    expect(got.headline).toBe('Auch gerettet');
    const rejected = (await a.api['sync.conflicts']({ entityId: id2 })).items;
    expect(rejected).toMatchObject([
      { kind: 'rejected', field: 'article.delete', code: 'edited_since' },
    ]);
  });
});

describe('an open editor that did not reload', () => {
  it('merges its body save with a change sync brought in, and keeps a clash as a conflict', async () => {
    const [a, b] = await pair();
    const id = await shared(a, b);
    const loaded = await b.api['articles.get']({ id }); // B's editor loads the article
    await a.api['articles.save']({
      id,
      body: bodyOf([
        ['b1', 'Eins von A'],
        ['b2', 'Zwei'],
      ]),
    });
    await a.api['sync.now']({});
    await b.api['sync.now']({}); // the pull changes B's body under the open editor
    const saved = await b.api['articles.save']({
      id,
      body: bodyOf([
        ['b1', 'Eins'],
        ['b2', 'Zwei von B'],
      ]),
      baseRevision: loaded.revision,
    });
    expect(textsOf(saved.body)).toEqual(['Eins von A', 'Zwei von B']);
    await b.api['sync.now']({});
    await a.api['sync.now']({});
    expect(textsOf((await a.api['articles.get']({ id })).body)).toEqual([
      'Eins von A',
      'Zwei von B',
    ]);

    // Now both change block 2: the synced text stays, the editor's text is a conflict to take.
    await a.api['articles.save']({
      id,
      body: bodyOf([
        ['b1', 'Eins von A'],
        ['b2', 'Zwei nochmal A'],
      ]),
    });
    await a.api['sync.now']({});
    await b.api['sync.now']({});
    const clash = await b.api['articles.save']({
      id,
      body: bodyOf([
        ['b1', 'Eins von A'],
        ['b2', 'Zwei nochmal B'],
      ]),
      baseRevision: saved.revision,
    });
    expect(textsOf(clash.body)).toEqual(['Eins von A', 'Zwei nochmal A']);
    const [c] = (await b.api['sync.conflicts']({ entityId: id })).items;
    expect(c).toMatchObject({ kind: 'body' });
    expect(JSON.stringify(c!.mine)).toContain('Zwei nochmal B');
    await b.api['sync.resolveConflict']({ id: c!.id, keep: 'mine' });
    expect(textsOf((await b.api['articles.get']({ id })).body)).toEqual([
      'Eins von A',
      'Zwei nochmal B',
    ]);
  });
});

describe('status', () => {
  it('reports "k of N" while pushing and the count of changes received while pulling', async () => {
    const [a, b] = await pair();
    for (let i = 0; i < 3; i++) await a.api['articles.create']({ fields: { headline: `S${i}` } });
    expect((await a.api['sync.status']({})).pending).toBe(3);
    const seen: { done?: number; total?: number }[] = [];
    const off = a.core.onEvent((e) => {
      if (e.type === 'sync.status' && e.status.state === 'syncing') seen.push(e.status);
    });
    await a.api['sync.now']({});
    off();
    expect(seen).toContainEqual(expect.objectContaining({ done: 3, total: 3 }));
    const pulled: { done?: number; total?: number }[] = [];
    const off2 = b.core.onEvent((e) => {
      if (e.type === 'sync.status' && e.status.state === 'syncing') pulled.push(e.status);
    });
    await b.api['sync.now']({});
    off2();
    // B is a fresh profile of the same editor: it receives these three and the earlier tests' articles.
    expect(pulled.at(-1)!.done).toBeGreaterThanOrEqual(3);
    expect(pulled.at(-1)?.total).toBeUndefined();
    expect(await b.api['sync.status']({})).toMatchObject({
      state: 'idle',
      pending: 0,
      lastError: null,
    });
  });
});

describe('triggers', () => {
  it('a local change syncs by itself after the debounce, and a failing server is retried with backoff', async () => {
    const { startFaultProxy } = await import('./support/fault-proxy');
    const proxy = await startFaultProxy(server.url, 7);
    try {
      const n = clients.length;
      const a = await openClient(tmp.dir, `auto${n}`, {
        auto: true,
        debounceMs: 100,
        intervalMs: 60_000,
      });
      clients.push(a);
      await signIn(a, proxy.url, 'editor');
      const waitFor = async (pred: () => Promise<boolean>, ms = 10_000) => {
        const end = Date.now() + ms;
        while (!(await pred())) {
          if (Date.now() > end) throw new Error('timed out');
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      const idle = async () => {
        const s = await a.api['sync.status']({});
        return s.state === 'idle' && s.pending === 0;
      };
      await waitFor(idle);
      await a.api['articles.create']({ fields: { headline: 'Von selbst' } });
      expect((await a.api['sync.status']({})).pending).toBe(1);
      await waitFor(idle);

      const seen: string[] = [];
      const off = a.core.onEvent((e) => {
        if (e.type === 'sync.status') seen.push(e.status.state);
      });
      proxy.rates = { error_500: 1 };
      await a.api['articles.create']({ fields: { headline: 'Trotz Fehler' } });
      await waitFor(async () => (await a.api['sync.status']({})).state === 'error');
      expect((await a.api['sync.status']({})).lastError).toContain('injected fault');
      proxy.rates = {};
      await waitFor(idle); // the scheduled retry, without any explicit sync
      off();
      expect(seen).toEqual(expect.arrayContaining(['syncing', 'error', 'idle']));
    } finally {
      await proxy.close();
    }
  });
});

describe('images', () => {
  it('uploads the blob before image.create and sends metadata edits', async () => {
    const { fixture } = await import('../fixtures/images');
    const n = clients.length;
    const a = await openClient(tmp.dir, `img${n}`);
    clients.push(a);
    await signIn(a, server.url, 'photo');
    const img = await a.api['images.import']({
      fileName: 'credits.png',
      dataBase64: fixture('credits.png').toString('base64'),
    });
    await a.api['images.setMeta']({ id: img.id, meta: { credit: 'Foto: Test' } });
    const s = await a.api['sync.now']({});
    expect(s).toMatchObject({ state: 'idle', pending: 0 });
    expect((await a.api['sync.conflicts']({})).items).toEqual([]);
    const { readFileSync } = await import('node:fs');
    const token = readFileSync(`${a.dir}/sync-token`, 'utf8');
    const res = await fetch(`${server.url}/api/v1/blobs/${img.sha256}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    // The pulled server version becomes the base of the next metadata edit.
    await a.api['images.setMeta']({ id: img.id, meta: { caption: 'Bildunterschrift' } });
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(`${a.dir}/copydesk.db`, { readonly: true });
    const row = db.prepare("SELECT args_json FROM outbox WHERE name = 'image.setMeta'").get() as {
      args_json: string;
    };
    db.close();
    expect((JSON.parse(row.args_json) as { baseVersion: number }).baseVersion).toBeGreaterThan(0);
    expect((await a.api['sync.now']({})).pending).toBe(0);
  });
});
