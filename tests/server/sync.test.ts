/* eslint-disable @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument -- JSON responses are `any`; the assertions check their shape */
/** Sync protocol against the real backend process (docs/sync.md). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { PullResponse, PushResponse, SCHEMA_VERSION } from '../../src-shared/protocol';
import { serverCount, serverRow, serverRows } from '../support/serverDb';
import {
  Client,
  body,
  completeFields,
  http,
  login,
  pngBytes,
  spawnServer,
  type ServerProcess,
} from './helpers';

let server: ServerProcess;
let editor: Client;
let erika: Client; // a second editor
let chief: Client;

function count(sql: string, ...params: unknown[]): Promise<number> {
  return serverCount(server, sql, ...params);
}

beforeAll(async () => {
  server = await spawnServer(['--demo']);
  const adminToken = await login(server.url, 'admin');
  const created = await http(`${server.url}/api/v1/users`, {
    token: adminToken,
    json: { username: 'erika', password: 'erika-pass', role: 'editor' },
  });
  expect(created.status).toBe(201);
  editor = new Client(server.url, await login(server.url, 'editor'));
  erika = new Client(server.url, await login(server.url, 'erika', 'erika-pass'));
  chief = new Client(server.url, await login(server.url, 'chief'));
});
afterAll(async () => {
  await server.stop();
});

async function article(c: Client, id: string) {
  const all = await new Client(c.url, c.token).pullAll(1000);
  const found = all.flatMap((p) => p.changes).filter((ch: { id: string }) => ch.id === id);
  return found.at(-1)?.data;
}

describe('push and pull', () => {
  it('applies a mutation, reports it on pull with full data and lastMutationId; responses match the shared schemas', async () => {
    const id = randomUUID();
    const r = await editor.push([
      {
        name: 'article.create',
        args: { id, fields: { headline: 'Erster Entwurf „Test“' }, body: body('Absatz eins') },
      },
    ]);
    expect(r.status).toBe(200);
    expect(PushResponse.parse(r.body)).toEqual({
      lastMutationId: 1,
      outcomes: [{ id: 1, status: 'applied' }],
    });
    // A desk older than schemaVersion 2026-12-t gets the article without the fields it lacks.
    const from = editor.cursor;
    const old = await editor.pull();
    const oldData = (old.body.changes as { id: string; data: object }[]).find((c) => c.id === id)!;
    expect(oldData.data).not.toHaveProperty('metaDescription');
    expect(oldData.data).not.toHaveProperty('socialImageId');
    editor.schemaVersion = SCHEMA_VERSION;
    const p = await editor.pull(500, from);
    editor.schemaVersion = undefined;
    expect(p.status).toBe(200);
    const parsed = PullResponse.parse(p.body);
    expect(parsed.lastMutationId).toBe(1);
    const ch = parsed.changes.find((c) => c.id === id);
    expect(ch).toMatchObject({ entity: 'article', op: 'upsert' });
    expect(ch && 'data' in ch && ch.data).toMatchObject({
      id,
      headline: 'Erster Entwurf „Test“',
      status: 'draft',
      revision: 1,
    });
  });

  it('names who made each pulled change (actor with username) to clients that accept it', async () => {
    const id = randomUUID();
    const e = new Client(server.url, editor.token);
    e.schemaVersion = SCHEMA_VERSION;
    expect(
      (await e.push([{ name: 'article.create', args: { id, body: body('Eins') } }])).status,
    ).toBe(200);
    const created = await e.pullAll();
    const mine = created.flatMap((p) => p.changes).find((c: { id: string }) => c.id === id);
    const editorId = mine.data.authorId as string;
    expect(mine.actor).toEqual({ id: editorId, username: 'editor' });

    // The chief changes the headline: a pull brings the change with the chief as its actor.
    const c = new Client(server.url, chief.token);
    c.schemaVersion = SCHEMA_VERSION;
    await c.pullAll(1000);
    const version = mine.data.version as number;
    const r = await c.push([
      {
        name: 'article.setFields',
        args: { id, baseVersion: version, values: { headline: 'Vom Chef' }, baseValues: {} },
      },
    ]);
    expect(r.body.outcomes[0].status).toBe('applied');
    // The editor also changes the teaser; its own change is the latest in the page, but the
    // actor is the chief's (the change this client did not make itself).
    await e.push([
      {
        name: 'article.setFields',
        args: { id, baseVersion: version, values: { teaser: 'Vorspann' }, baseValues: {} },
      },
    ]);
    const pages = await e.pullAll();
    for (const p of pages) PullResponse.parse(p);
    const ch = pages.flatMap((p) => p.changes).filter((x: { id: string }) => x.id === id);
    expect(ch).toHaveLength(1);
    expect(ch[0].data).toMatchObject({ headline: 'Vom Chef', teaser: 'Vorspann' });
    expect(ch[0].actor).toEqual({ id: expect.any(String), username: 'chief' });
    expect(ch[0].actor.id).not.toBe(editorId);

    // The chief pulls the editor's teaser change: the actor is the editor.
    const atChief = (await c.pullAll())
      .flatMap((p) => p.changes)
      .filter((x: { id: string }) => x.id === id);
    expect(atChief.at(-1).actor).toEqual({ id: editorId, username: 'editor' });

    // A client that predates the field (no schemaVersion, or an older one) gets no `actor`.
    for (const v of [undefined, '2025-01']) {
      const old = new Client(server.url, chief.token);
      old.schemaVersion = v;
      const all = (await old.pullAll(1000)).flatMap((p) => p.changes);
      expect(all.length).toBeGreaterThan(0);
      expect(all.filter((x: object) => 'actor' in x)).toEqual([]);
    }
  });

  it('skips duplicates and stops at a gap with 409 and the last applied id', async () => {
    const changesBefore = await count('SELECT COUNT(*) AS n FROM changes');
    const dup = await editor.push([{ name: 'article.create', args: { id: randomUUID() } }], [1]);
    expect(dup.body.outcomes).toEqual([{ id: 1, status: 'duplicate' }]);
    expect(await count('SELECT COUNT(*) AS n FROM changes')).toBe(changesBefore);
    const gap = await editor.push([{ name: 'article.create', args: { id: randomUUID() } }], [5]);
    expect(gap.status).toBe(409);
    expect(gap.body.error).toMatchObject({ code: 'mutation_gap', lastMutationId: 1 });
    expect(await count('SELECT COUNT(*) AS n FROM changes')).toBe(changesBefore);
  });

  it('stores a permanently invalid mutation with payload and reason, bumps the counter, reports it to that client only', async () => {
    const c = new Client(server.url, editor.token);
    const badArgs = { id: 'not-a-uuid', fields: { headline: 42 } };
    const r = await c.push([
      { name: 'article.create', args: badArgs },
      { name: 'article.create', args: { id: randomUUID() } },
    ]);
    expect(r.status).toBe(200);
    expect(r.body.outcomes[0]).toMatchObject({ id: 1, status: 'rejected', code: 'invalid_args' });
    expect(r.body.outcomes[1]).toMatchObject({ id: 2, status: 'applied' });
    expect(r.body.lastMutationId).toBe(2);
    const row = await serverRow<{ args: string; reason: string; name: string }>(
      server,
      'SELECT * FROM rejected_mutations WHERE client_id = ?',
      c.clientId,
    );
    expect(JSON.parse(row.args)).toEqual(badArgs);
    expect(row.name).toBe('article.create');
    expect(row.reason).toMatch(/Invalid arguments/);
    const pages = await c.pullAll();
    const rejected = pages.flatMap((p) => p.rejected);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({
      mutationId: 1,
      name: 'article.create',
      args: badArgs,
      code: 'invalid_args',
    });
    expect(pages.at(-1).lastMutationId).toBe(2);
    // another client of the same user does not get this client's rejection
    const other = new Client(server.url, editor.token);
    expect((await other.pullAll()).flatMap((p) => p.rejected)).toEqual([]);
  });

  it('refuses unknown or missing protocol versions with update_required', async () => {
    const push = await http(`${server.url}/api/v1/sync/push`, {
      token: editor.token,
      json: { protocolVersion: 2, clientId: editor.clientId, mutations: [] },
    });
    expect(push.status).toBe(400);
    expect(push.body.error.code).toBe('update_required');
    const pull = await http(`${server.url}/api/v1/sync/pull?clientId=${editor.clientId}&cursor=0`, {
      token: editor.token,
    });
    expect(pull.body.error.code).toBe('update_required');
    const pull9 = await http(
      `${server.url}/api/v1/sync/pull?protocolVersion=9&clientId=${editor.clientId}&cursor=0`,
      { token: editor.token },
    );
    expect(pull9.body.error.code).toBe('update_required');
  });

  it('a client id belongs to one user', async () => {
    const stolen = new Client(server.url, erika.token);
    (stolen as { clientId: string }).clientId = editor.clientId;
    expect(
      (await stolen.push([{ name: 'article.create', args: { id: randomUUID() } }], [99])).status,
    ).toBe(403);
    expect((await stolen.pull()).status).toBe(403);
  });

  it('a cursor ahead of the server gets 410 resync_required', async () => {
    const r = await editor.pull(10, 10_000_000);
    expect(r.status).toBe(410);
    expect(r.body.error.code).toBe('resync_required');
  });
});

describe('workflow on the server', () => {
  it("an editor's approve and publish are rejected with a permission reason and change nothing", async () => {
    const c = new Client(server.url, editor.token);
    const id = randomUUID();
    await c.push([
      {
        name: 'article.create',
        args: { id, fields: completeFields({ headline: 'Workflow-Test' }), body: body('Text') },
      },
      { name: 'article.transition', args: { id, from: 'draft', to: 'in_review' } },
    ]);
    const before = await article(chief, id);
    expect(before.status).toBe('in_review');
    const changesBefore = await count('SELECT COUNT(*) AS n FROM changes WHERE entity_id = ?', id);
    const r = await c.push([
      { name: 'article.transition', args: { id, from: 'in_review', to: 'approved' } },
      { name: 'article.transition', args: { id, from: 'approved', to: 'published' } },
    ]);
    for (const o of r.body.outcomes) {
      expect(o).toMatchObject({ status: 'rejected', code: 'forbidden' });
      expect(o.reason).toMatch(/Permission denied/);
    }
    expect(await article(chief, id)).toEqual(before);
    expect(await count('SELECT COUNT(*) AS n FROM changes WHERE entity_id = ?', id)).toBe(
      changesBefore,
    );
    expect(await count('SELECT COUNT(*) AS n FROM published WHERE article_id = ?', id)).toBe(0);
  });

  it('publishing needs the checklist, including a credit on every image', async () => {
    const photoClient = new Client(server.url, await login(server.url, 'photo'));
    const imageId = randomUUID();
    const { bytes, sha256 } = pngBytes(42);
    const missing = await photoClient.push([
      {
        name: 'image.create',
        args: { id: imageId, sha256, mime: 'image/png', width: 1, height: 1 },
      },
    ]);
    expect(missing.status).toBe(503); // blob not uploaded yet: transient, counter not bumped
    expect(missing.body.error.code).toBe('blob_missing');
    photoClient.next = 1;
    expect(
      (
        await http(`${server.url}/api/v1/blobs/${sha256}`, {
          method: 'PUT',
          token: photoClient.token,
          body: bytes,
          headers: { 'content-type': 'image/png' },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await photoClient.push([
          {
            name: 'image.create',
            args: {
              id: imageId,
              sha256,
              mime: 'image/png',
              width: 1,
              height: 1,
              meta: { caption: 'LWL-Zentrale' },
            },
          },
        ])
      ).body.outcomes[0].status,
    ).toBe('applied');

    const id = randomUUID();
    await chief.push([
      {
        name: 'article.create',
        args: {
          id,
          fields: completeFields({ headline: 'Mit Bild', leadImage: { imageId, caption: '' } }),
          body: body('Text'),
        },
      },
      { name: 'article.transition', args: { id, from: 'draft', to: 'in_review' } },
    ]);
    const r1 = await chief.push([
      { name: 'article.transition', args: { id, from: 'draft', to: 'in_review' } },
    ]);
    expect(r1.body.outcomes[0]).toMatchObject({ status: 'rejected', code: 'checklist' });
    expect(r1.body.outcomes[0].missing.map((m: { code: string }) => m.code)).toEqual([
      'lead_image_credit_missing',
    ]);
    const art = await article(photoClient, id);
    const img = await article(photoClient, imageId);
    expect(img.credit).toBe('');
    expect(
      (
        await photoClient.push([
          {
            name: 'image.setMeta',
            args: {
              id: imageId,
              baseVersion: img.version,
              values: { credit: 'LWL' },
              baseValues: { credit: '' },
            },
          },
        ])
      ).body.outcomes[0].status,
    ).toBe('applied');
    const r2 = await chief.push([
      { name: 'article.transition', args: { id, from: art.status, to: 'in_review' } },
      { name: 'article.transition', args: { id, from: 'in_review', to: 'approved' } },
      { name: 'article.transition', args: { id, from: 'approved', to: 'published' } },
    ]);
    expect(r2.body.outcomes.map((o: { status: string }) => o.status)).toEqual([
      'applied',
      'applied',
      'applied',
    ]);
    const published = await article(chief, id);
    expect(published.status).toBe('published');
    expect(published.slug).toBe('mit-bild');
  });
});

describe('read filtering', () => {
  it('editors read their own, assigned and published articles; chiefs read all; access loss is a revoked delete', async () => {
    const mine = randomUUID();
    await erika.push([
      {
        name: 'article.create',
        args: {
          id: mine,
          fields: completeFields({ headline: 'Erikas Entwurf' }),
          body: body('geheim'),
        },
      },
    ]);
    const seen = async (c: Client) => {
      const fresh = new Client(server.url, c.token);
      return (await fresh.pullAll())
        .flatMap((p) => p.changes)
        .filter((ch: { id: string }) => ch.id === mine);
    };
    expect(await seen(editor)).toEqual([]);
    expect((await seen(erika)).at(-1).data.headline).toBe('Erikas Entwurf');
    expect((await seen(chief)).at(-1).op).toBe('upsert');
    // assigned → readable; unassigned → revoked
    const state = await article(chief, mine);
    const editorUser = (await http(`${server.url}/api/v1/auth/me`, { token: editor.token })).body
      .user;
    await chief.push([
      {
        name: 'article.assign',
        args: { id: mine, assigneeId: editorUser.id, expectedAssignee: state.assigneeId },
      },
    ]);
    expect((await seen(editor)).at(-1).op).toBe('upsert');
    await chief.push([
      {
        name: 'article.assign',
        args: { id: mine, assigneeId: null, expectedAssignee: editorUser.id },
      },
    ]);
    expect((await seen(editor)).at(-1)).toMatchObject({ op: 'delete', reason: 'revoked' });
    // published → everyone reads it
    await chief.push([
      { name: 'article.transition', args: { id: mine, from: 'draft', to: 'in_review' } },
      { name: 'article.transition', args: { id: mine, from: 'in_review', to: 'approved' } },
      { name: 'article.transition', args: { id: mine, from: 'approved', to: 'published' } },
    ]);
    expect((await seen(editor)).at(-1)).toMatchObject({
      op: 'upsert',
      data: { status: 'published' },
    });
    await chief.push([
      { name: 'article.transition', args: { id: mine, from: 'published', to: 'unpublished' } },
    ]);
    expect((await seen(editor)).at(-1)).toMatchObject({ op: 'delete', reason: 'revoked' });
  });
});

describe('paging and lastMutationId', () => {
  it('lastMutationId never runs ahead of the changes in the same page', async () => {
    const c = new Client(server.url, erika.token);
    const other = new Client(server.url, chief.token);
    const id = randomUUID();
    await c.push([
      { name: 'article.create', args: { id, fields: { headline: 'Basis' }, body: body('x') } },
    ]); // m1
    const base = await article(c, id);
    await other.push([
      {
        name: 'article.setFields',
        args: {
          id,
          baseVersion: base.version,
          values: { headline: 'Vom Chef' },
          baseValues: { headline: 'Basis' },
        },
      },
    ]);
    // m2 conflicts: it writes the article change row and then a conflict notice row
    const r = await c.push([
      {
        name: 'article.setFields',
        args: {
          id,
          baseVersion: base.version,
          values: { headline: 'Von Erika' },
          baseValues: { headline: 'Basis' },
        },
      },
    ]);
    expect(r.body.outcomes[0]).toMatchObject({ status: 'conflict' });
    for (let i = 0; i < 4; i++)
      await c.push([{ name: 'article.addTag', args: { id, tag: `t${i}` } }]); // m3..m6

    // Walk the whole feed in small pages, checking the invariant against the database.
    const rowsOf = (await serverRows(
      server,
      'SELECT seq, mutation_id FROM changes WHERE client_id = ? ORDER BY seq',
      c.clientId,
    )) as { seq: number; mutation_id: number }[];
    let cursor = 0;
    let previous = 0;
    const reader = new Client(server.url, erika.token);
    (reader as { clientId: string }).clientId = c.clientId;
    let conflicts = 0;
    for (let guard = 0; guard < 10_000; guard++) {
      const p = await reader.pull(3, cursor);
      expect(p.status).toBe(200);
      const { lastMutationId } = p.body;
      // every change row of every mutation <= lastMutationId lies at or before this page's cursor
      for (const row of rowsOf)
        if (row.mutation_id <= lastMutationId) expect(row.seq).toBeLessThanOrEqual(p.body.cursor);
      expect(lastMutationId).toBeGreaterThanOrEqual(previous);
      previous = lastMutationId;
      conflicts += p.body.conflicts.length;
      cursor = p.body.cursor;
      if (!p.body.hasMore) break;
    }
    expect(previous).toBe(6);
    expect(conflicts).toBe(1);
    expect(await article(c, id)).toMatchObject({
      headline: 'Vom Chef',
      hasConflict: true,
      tags: ['t0', 't1', 't2', 't3'],
    });
    const conflict = await serverRow<{ theirs: string; mine: string; base: string }>(
      server,
      'SELECT * FROM conflict_records WHERE entity_id = ?',
      id,
    );
    expect([
      JSON.parse(conflict.base),
      JSON.parse(conflict.theirs),
      JSON.parse(conflict.mine),
    ]).toEqual(['Basis', 'Vom Chef', 'Von Erika']);
  });
});

describe('body merge on the server', () => {
  it('merges concurrent edits of different blocks, keeps both versions of the same block as a conflict, and stores a revision per overwrite', async () => {
    const a = new Client(server.url, chief.token);
    const b = new Client(server.url, chief.token);
    const id = randomUUID();
    const base = body('Eins', 'Zwei', 'Drei');
    await a.push([{ name: 'article.create', args: { id, body: base } }]);
    const v0 = (await article(a, id)).bodyVersion;
    const withText = (i: number, t: string) => {
      const copy = structuredClone(base);
      (
        (copy.root.children[i] as { children: { text: string }[] }).children[0] as { text: string }
      ).text = t;
      return copy;
    };
    const ra = await a.push([
      { name: 'article.setBody', args: { id, baseBodyVersion: v0, body: withText(0, 'EINS') } },
    ]);
    expect(ra.body.outcomes[0].status).toBe('applied');
    const rb = await b.push([
      { name: 'article.setBody', args: { id, baseBodyVersion: v0, body: withText(2, 'DREI') } },
    ]);
    expect(rb.body.outcomes[0].status).toBe('merged');
    const merged = await article(a, id);
    const texts = (merged.body.root.children as { children: { text: string }[] }[]).map(
      (p) => p.children[0]?.text,
    );
    expect(texts).toEqual(['EINS', 'Zwei', 'DREI']);
    // same block, different edits from the same base: conflict with both versions
    const rc = await b.push([
      { name: 'article.setBody', args: { id, baseBodyVersion: v0, body: withText(1, 'zwei (B)') } },
    ]);
    expect(rc.body.outcomes[0].status).toBe('merged'); // block 2 untouched on the server: clean
    const v2 = (await article(a, id)).bodyVersion;
    const mineA = structuredClone((await article(a, id)).body);
    mineA.root.children[1].children[0].text = 'zwei (A)';
    await a.push([{ name: 'article.setBody', args: { id, baseBodyVersion: v2, body: mineA } }]);
    const mineB = structuredClone(mineA);
    mineB.root.children[1].children[0].text = 'zwei (B2)';
    const rd = await b.push([
      { name: 'article.setBody', args: { id, baseBodyVersion: v2, body: mineB } },
    ]);
    expect(rd.body.outcomes[0].status).toBe('conflict');
    const conflict = await serverRow<{ mine: string; theirs: string; region: string }>(
      server,
      "SELECT * FROM conflict_records WHERE entity_id = ? AND field = 'body'",
      id,
    );
    const revisions = await count('SELECT COUNT(*) AS n FROM revisions WHERE article_id = ?', id);
    expect(JSON.parse(conflict.mine)[0].children[0].text).toBe('zwei (B2)');
    expect(JSON.parse(conflict.theirs)[0].children[0].text).toBe('zwei (A)');
    expect(JSON.parse(conflict.region).kind).toBe('both_changed');
    // create + 4 body writes (A, merged B, merged B, A) → 5 revisions; the conflicting push wrote no body
    expect(revisions).toBe(5);
    const final = await article(a, id);
    expect(final.hasConflict).toBe(true);
    expect(final.body.root.children[1].children[0].text).toBe('zwei (A)');
  });
});
