/**
 * The desk's one write path: a local write is computed by the shared mutation's apply, the same
 * function the server runs, and a mutation that apply refuses writes nothing at all.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MUTATIONS,
  applyMutation,
  type ArticleState,
  type EntityStates,
  type MutationContext,
  type MutationName,
} from '../../../src-shared/mutations';
import { body, paragraph, text } from '../../../src-shared/richtext/builders';
import type { BodyJson } from '../../../src-shared/model';
import { tempDir } from '../../../tests/support/tmp';
import { ArticleRepository, articleStateOf } from './articles';
import { BlobRepository } from './blobs';
import { ConflictRepository } from '../sync/conflicts';
import { CommentRepository } from './comments';
import { openStore } from './db';
import { ImageRepository } from './images';
import { LocalWriteRefused, LocalWriter } from './local-writer';
import { OutboxRepository } from './outbox';
import type { ArticleRow } from './rows';

/** Fields the publication checklist accepts (the server checks it on submit). */
const complete = {
  kicker: 'Münster/LWL:',
  headline: 'Rat tagt',
  teaser:
    'Die Stadt und der Landschaftsverband wollen bei der Informationstechnik zusammenarbeiten.',
  byline: 'bs',
  section: 'politik',
  tags: ['Rat'],
};

const doc = (...texts: string[]): BodyJson =>
  body(...texts.map((t, i) => paragraph([text(t)], `b${i}`))) as BodyJson;

let tmp: ReturnType<typeof tempDir>;
let store: ReturnType<typeof openStore>;
let writer: LocalWriter;
let articles: ArticleRepository;
let images: ImageRepository;
let comments: CommentRepository;

beforeEach(() => {
  tmp = tempDir('copydesk-local-writer-');
  store = openStore(join(tmp.dir, 'copydesk.db'));
  const outbox = new OutboxRepository(store.db);
  writer = new LocalWriter(store.db, outbox);
  articles = new ArticleRepository(store.db, { writer });
  images = new ImageRepository(store.db, {
    outbox,
    writer,
    blobs: new BlobRepository(store.db),
    conflicts: new ConflictRepository(store.db),
  });
  comments = new CommentRepository(store.db, writer);
});
afterEach(() => {
  vi.restoreAllMocks();
  store.close();
  tmp.cleanup();
});

const all = (sql: string) => store.db.prepare(sql).all();

/** Every row of the tables a local write touches. */
function everything(): unknown {
  return Object.fromEntries(
    ['articles', 'revisions', 'outbox', 'article_tags', 'images', 'blobs', 'comments'].map((t) => [
      t,
      all(`SELECT * FROM ${t} ORDER BY 1`),
    ]),
  );
}

/** The article as the local row holds it, in the shared state shape. */
function localArticle(id: string): ArticleState {
  return articleStateOf(
    store.db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow,
  );
}

/** The visible part of a state (what both sides must agree on). */
function visible<E extends keyof EntityStates>(entity: E, s: EntityStates[E]): unknown {
  if (entity === 'article') {
    const {
      version: _v,
      bodyVersion: _b,
      fieldVersions: _f,
      revision: _r,
      ...rest
    } = s as ArticleState;
    return { ...rest, hasConflict: false, correctedAt: null };
  }
  const { version: _v, fieldVersions: _f, ...rest } = s as EntityStates['image'];
  return rest;
}

interface ApplyCall {
  name: MutationName;
  before: unknown;
  args: unknown;
  ctx: Omit<MutationContext, 'actor'>;
  state: unknown;
}

/** Records every call of the shared apply (what the server runs) with what it returned. */
function spyOnApply(): ApplyCall[] {
  const calls: ApplyCall[] = [];
  for (const name of Object.keys(MUTATIONS) as MutationName[]) {
    const def = MUTATIONS[name];
    const real = def.apply.bind(def);
    vi.spyOn(def, 'apply').mockImplementation((before, args, ctx) => {
      const r = real(before, args, ctx);
      calls.push({ name, before, args, ctx, state: r.ok ? r.state : null });
      return r;
    });
  }
  return calls;
}

describe('a local write is the shared transition', () => {
  it('persists exactly the state apply computed, the same state the server computes from the queued args', () => {
    const calls = spyOnApply();
    const a = articles.create({ fields: complete, body: doc('Eins') });
    articles.save(a.id, {
      fields: { headline: 'Rat tagt lange', tags: ['Rat', 'Haushalt'] },
      body: doc('Eins', 'Zwei'),
    });
    articles.save(a.id, { fields: { tags: ['Haushalt'] } });
    articles.transition(a.id, 'in_review', undefined);
    articles.transition(a.id, 'draft', 'Bitte kürzen');
    articles.softDelete(a.id, null);
    articles.restore(a.id);

    const names = calls.map((c) => c.name);
    expect(names).toEqual([
      'article.create',
      'article.setFields',
      'article.addTag',
      'article.setBody',
      'article.removeTag',
      'article.transition',
      'article.transition',
      'article.delete',
      'article.restore',
    ]);
    // After each write, the local row is the last state apply returned.
    expect(visible('article', localArticle(a.id))).toEqual(
      visible('article', calls.at(-1)!.state as ArticleState),
    );

    // Replaying the outbox rows as the server would (permission, apply, server checks) on the
    // same states gives the same states: one function, the same result on both sides.
    const queued = all('SELECT name, args_json FROM outbox ORDER BY mutation_id') as {
      name: MutationName;
      args_json: string;
    }[];
    expect(queued.map((q) => q.name)).toEqual(names);
    queued.forEach((q, i) => {
      const call = calls[i]!;
      const chief = { id: 'u-chief', role: 'desk_chief' as const };
      const server = applyMutation(
        q.name,
        call.before as ArticleState | null,
        JSON.parse(q.args_json),
        {
          ...call.ctx,
          actor: chief,
        },
      );
      expect(server.ok, `${q.name}: ${JSON.stringify(server)}`).toBe(true);
      const s = (server as { state: ArticleState }).state;
      // The one legitimate difference: the server records the acting user as the author.
      const local = call.state as ArticleState;
      expect(visible('article', { ...s, authorId: local.authorId })).toEqual(
        visible('article', local),
      );
    });
  });

  it('computes image and comment writes with the shared apply too', () => {
    const calls = spyOnApply();
    const { image } = images.createFromImport({
      sha256: 'a'.repeat(64),
      mime: 'image/png',
      width: 10,
      height: 10,
      fileName: 'rat.png',
      byteSize: 100,
      blobPath: 'blobs/aa/a',
      meta: {
        credit: '',
        creator: '',
        copyright: '',
        source: '',
        licence: '',
        licenceExpires: null,
        caption: '',
        headline: '',
        alt: '',
        extendedDescription: '',
      },
      keywords: [],
    });
    images.setMeta(image.id, { credit: 'dpa', caption: 'Der Rat' });
    const a = articles.create({ fields: { headline: 'Rat' } });
    const c = comments.add({
      articleId: a.id,
      text: ' Quelle? ',
      blockId: null,
      authorId: null,
      at: '2026-01-01T00:00:00.000Z',
    });

    expect(calls.map((x) => x.name)).toEqual([
      'image.create',
      'image.setMeta',
      'article.create',
      'comment.add',
    ]);
    const img = images.get(image.id);
    const applied = calls[1]!.state as EntityStates['image'];
    expect({ credit: img.credit, caption: img.caption, updatedAt: img.updatedAt }).toEqual({
      credit: applied.credit,
      caption: applied.caption,
      updatedAt: applied.updatedAt,
    });
    expect(all('SELECT upload_state, size FROM blobs')).toEqual([
      { upload_state: 'pending', size: 100 },
    ]);
    const comment = calls[3]!.state as EntityStates['comment'];
    expect(c).toMatchObject({ id: comment.id, text: comment.text, createdAt: comment.createdAt });
    expect(comment.text).toBe('Quelle?');
  });
});

describe('a mutation the shared transition refuses writes nothing', () => {
  it('a workflow step from a status the article is not in: no state, no revision, no outbox row', () => {
    const a = articles.create({ fields: { headline: 'Rat' }, body: doc('Eins') });
    const before = everything();
    let refused: unknown;
    try {
      writer.writeOne('article', 'article.transition', {
        id: a.id,
        from: 'in_review',
        to: 'draft',
      });
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(LocalWriteRefused);
    expect((refused as LocalWriteRefused).mutationCode).toBe('status_mismatch');
    expect((refused as LocalWriteRefused).code).toBe('conflict');
    expect(everything()).toEqual(before);
  });

  it('a refusal anywhere in a write undoes the whole write (fields applied before it too)', () => {
    const a = articles.create({ fields: { headline: 'Rat' } });
    const before = everything();
    expect(() =>
      writer.write('article', [
        {
          name: 'article.setFields',
          args: {
            id: a.id,
            baseVersion: 0,
            values: { headline: 'Neu' },
            baseValues: { headline: 'Rat' },
          },
        },
        { name: 'article.transition', args: { id: a.id, from: 'approved', to: 'draft' } },
      ]),
    ).toThrow(/approved/);
    expect(everything()).toEqual(before);
  });

  it('an edit of a deleted article and a comment on it are refused, as the server refuses them', () => {
    const a = articles.create({ fields: { headline: 'Rat' } });
    articles.softDelete(a.id, null);
    const before = everything();
    expect(() => articles.save(a.id, { fields: { headline: 'Neu' } })).toThrow(
      /deleted; restore it first/,
    );
    expect(() =>
      comments.add({
        articleId: a.id,
        text: 'Hm',
        blockId: null,
        authorId: null,
        at: new Date().toISOString(),
      }),
    ).toThrow(/deleted/);
    expect(everything()).toEqual(before);
  });

  it('a server-only step is queued without changing the local state', () => {
    const a = articles.create({ fields: { headline: 'Rat' } });
    articles.transition(a.id, 'in_review', undefined);
    const row = () => all(`SELECT status, revision, updated_at FROM articles`);
    const stateBefore = row();
    const apply = vi.spyOn(MUTATIONS['article.transition'], 'apply');
    articles.transition(a.id, 'approved', undefined);
    expect(apply).not.toHaveBeenCalled();
    expect(row()).toEqual(stateBefore);
    expect(all('SELECT name, args_json FROM outbox ORDER BY mutation_id DESC LIMIT 1')).toEqual([
      {
        name: 'article.transition',
        args_json: JSON.stringify({ id: a.id, from: 'in_review', to: 'approved' }),
      },
    ]);
  });
});
