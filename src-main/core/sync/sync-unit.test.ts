import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDesktopApi, type DesktopApi } from '../../../src-shared/api';
import {
  MUTATION_NAMES,
  parseMutation,
  type ArticleState,
  type MutationName,
} from '../../../src-shared/mutations';
import type { BodyJson } from '../../../src-shared/model';
import { body, paragraph, text } from '../../../src-shared/richtext/builders';
import { tempDir } from '../../../tests/support/tmp';
import { databasePath, openCore } from '../core';
import type { CoreHandle } from '../types';
import { parseRetryAfter, retryDelay } from './backoff';
import { rebaseArticle } from './rebase';
import { swapRegion } from './resolve';
import { FileTokenStore } from './tokens';

const doc = (...blocks: [string, string][]): BodyJson =>
  body(...blocks.map(([id, t]) => paragraph([text(t)], id))) as BodyJson;

let tmp: ReturnType<typeof tempDir>;
let core: CoreHandle;
let api: DesktopApi;

async function open(dir: string): Promise<void> {
  core = await openCore({ profileDir: dir, host: 'cli', backgroundIntegrityCheck: false });
  api = createDesktopApi({ call: (m, i) => core.call(m, i), onEvent: (l) => core.onEvent(l) });
}

beforeEach(async () => {
  tmp = tempDir('copydesk-sync-unit-');
  await open(join(tmp.dir, 'p'));
});
afterEach(async () => {
  await core.close();
  tmp.cleanup();
});

function outbox(dir = join(tmp.dir, 'p')) {
  const db = new Database(databasePath(dir), { readonly: true });
  const rows = db
    .prepare('SELECT mutation_id, name, args_json FROM outbox ORDER BY mutation_id')
    .all() as {
    mutation_id: number;
    name: string;
    args_json: string;
  }[];
  db.close();
  return rows.map((r) => ({
    id: r.mutation_id,
    name: r.name,
    args: JSON.parse(r.args_json) as unknown,
  }));
}

describe('outbox rows', () => {
  it('conform to the shared mutation arg schemas, numbered 1, 2, 3 … in push order', async () => {
    const a = await api['articles.create']({
      fields: { headline: 'Eins', section: 'politik' },
      body: doc(['b1', 'x']),
    });
    await api['articles.save']({
      id: a.id,
      fields: { headline: 'Zwei', tags: ['Wahl'] },
      body: doc(['b1', 'y']),
    });
    await api['articles.save']({ id: a.id, fields: { tags: [] } });
    await api['articles.transition']({ id: a.id, to: 'in_review' });
    await api['articles.delete']({ id: a.id });
    await api['articles.restore']({ id: a.id });
    const rows = outbox();
    expect(rows.map((r) => r.id)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.map((r) => r.name)).toEqual([
      'article.create',
      'article.setFields',
      'article.addTag',
      'article.setBody',
      'article.removeTag',
      'article.transition',
      'article.delete',
      'article.restore',
    ]);
    for (const r of rows) {
      expect(MUTATION_NAMES).toContain(r.name);
      const parsed = parseMutation(r.name as MutationName, r.args);
      expect(parsed.ok ? 'ok' : parsed.reason).toBe('ok');
    }
    expect(rows[1]!.args).toMatchObject({
      baseVersion: 0,
      values: { headline: 'Zwei' },
      baseValues: { headline: 'Eins' },
    });
    expect(rows[3]!.args).toMatchObject({ baseBodyVersion: 0 });
    expect(rows[5]!.args).toEqual({ id: a.id, from: 'draft', to: 'in_review' });
  });

  it('take their bases from the server versions the article was last synced at', async () => {
    const a = await api['articles.create']({ fields: { headline: 'Eins' } });
    const db = new Database(databasePath(join(tmp.dir, 'p')));
    db.prepare(
      'UPDATE articles SET server_version = 41, server_body_version = 17 WHERE id = ?',
    ).run(a.id);
    db.close();
    await api['articles.save']({
      id: a.id,
      fields: { headline: 'Zwei' },
      body: doc(['b1', 'neu']),
    });
    await api['articles.delete']({ id: a.id });
    const rows = outbox();
    expect(rows.find((r) => r.name === 'article.setFields')!.args).toMatchObject({
      baseVersion: 41,
    });
    expect(rows.find((r) => r.name === 'article.setBody')!.args).toMatchObject({
      baseBodyVersion: 17,
    });
    expect(rows.find((r) => r.name === 'article.delete')!.args).toEqual({
      id: a.id,
      baseVersion: 41,
    });
  });
});

describe('client identity', () => {
  it('a copied profile database gets a new client id and renumbers its unsent mutations from 1', async () => {
    await api['articles.create']({ fields: { headline: 'Eins' } });
    await api['articles.create']({ fields: { headline: 'Zwei' } });
    const db = new Database(databasePath(join(tmp.dir, 'p')));
    // Pretend the first two were acknowledged and trimmed, and a third is waiting.
    db.prepare('DELETE FROM outbox').run();
    db.close();
    await api['articles.create']({ fields: { headline: 'Drei' } });
    const id1 = (await core.call('sync.status', {})).ok;
    expect(id1).toBe(true);
    await core.close();
    const copy = join(tmp.dir, 'copy');
    mkdirSync(copy);
    copyFileSync(databasePath(join(tmp.dir, 'p')), databasePath(copy));
    expect(statSync(databasePath(copy)).ino).not.toBe(
      statSync(databasePath(join(tmp.dir, 'p'))).ino,
    );
    const clientId = (dir: string) => {
      const d = new Database(databasePath(dir), { readonly: true });
      const v = (
        d.prepare("SELECT value FROM sync_state WHERE key = 'client_id'").get() as { value: string }
      ).value;
      d.close();
      return v;
    };
    const original = clientId(join(tmp.dir, 'p'));
    await open(copy);
    expect(clientId(copy)).not.toBe(original);
    expect(outbox(copy).map((r) => r.id)).toEqual([1]);
    await api['articles.create']({ fields: { headline: 'Vier' } });
    expect(outbox(copy).map((r) => r.id)).toEqual([1, 2]);
    await core.close();
    // The original file keeps its identity.
    await open(join(tmp.dir, 'p'));
    expect(clientId(join(tmp.dir, 'p'))).toBe(original);
    expect(outbox().map((r) => r.id)).toEqual([3]);
  });

  it('keeps the sign-in token in a file only the owner can read', () => {
    const store = new FileTokenStore(tmp.dir);
    store.save('secret');
    expect(statSync(join(tmp.dir, 'sync-token')).mode & 0o777).toBe(0o600);
    expect(store.load()).toBe('secret');
    store.clear();
    expect(store.load()).toBeNull();
  });
});

describe('pure parts', () => {
  it('backs off exponentially with jitter, capped, honouring Retry-After', () => {
    expect(retryDelay(1, null, () => 0)).toBe(500);
    expect(retryDelay(1, null, () => 0.999)).toBeLessThanOrEqual(1000);
    expect(retryDelay(4, null, () => 0)).toBe(4000);
    expect(retryDelay(60, null, () => 1)).toBe(5 * 60 * 1000);
    expect(retryDelay(1, 30_000, () => 0)).toBe(30_000);
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter(new Date(Date.now() + 10_000).toUTCString())).toBeGreaterThan(8000);
    expect(parseRetryAfter('soon')).toBeNull();
  });

  it('swaps one side of a body conflict region in place', () => {
    const merged = doc(['a', 'A'], ['b', 'B theirs'], ['c', 'C']);
    const mine = doc(['b', 'B mine']).root.children;
    const theirs = doc(['b', 'B theirs']).root.children;
    expect(swapRegion(merged, theirs, mine)).toEqual(doc(['a', 'A'], ['b', 'B mine'], ['c', 'C']));
  });

  it('rebases pending mutations on fresh server state with the shared mutators', () => {
    const now = '2026-01-01T00:00:00.000Z';
    const base: ArticleState = {
      id: '01900000-0000-7000-8000-000000000001',
      kicker: '',
      headline: 'Server',
      teaser: 'Server-Vorspann',
      byline: '',
      section: null,
      tags: ['a'],
      links: [],
      leadImage: null,
      slug: '',
      metaDescription: '',
      socialImageId: null,
      body: doc(['b1', 'eins'], ['b2', 'zwei (server)']),
      status: 'draft',
      authorId: 'u1',
      assigneeId: null,
      revision: 3,
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
      deletedAt: null,
      version: 20,
      bodyVersion: 20,
      fieldVersions: { headline: 5, teaser: 20, tags: 5 },
      correctedAt: null,
      hasConflict: false,
    };
    const oldBody = doc(['b1', 'eins'], ['b2', 'zwei']);
    const out = rebaseArticle(
      base,
      [
        {
          name: 'article.setFields',
          args: {
            id: base.id,
            baseVersion: 10,
            values: { headline: 'Mine' },
            baseValues: { headline: 'Server' },
          },
        },
        { name: 'article.addTag', args: { id: base.id, tag: 'b' } },
        {
          name: 'article.setBody',
          args: {
            id: base.id,
            baseBodyVersion: 10,
            body: doc(['b1', 'eins (mine)'], ['b2', 'zwei']),
          },
        },
      ],
      {
        actor: { id: 'u1', role: 'editor' },
        now,
        baseBody: (_id, v) => (v === 10 ? oldBody : undefined),
      },
    )!;
    expect(out.headline).toBe('Mine');
    expect(out.teaser).toBe('Server-Vorspann');
    expect(out.tags).toEqual(['a', 'b']);
    expect(out.body).toEqual(doc(['b1', 'eins (mine)'], ['b2', 'zwei (server)']));
  });
});
