import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { checkArticle } from '../../src-shared/checklist';
import { emptyFields, type ArticleFields } from '../../src-shared/model';
import {
  applyMutation,
  MUTATIONS,
  type ArticleState,
  type ImageState,
  type MutationContext,
} from '../../src-shared/mutations';
import {
  findTransition,
  mayEditArticle,
  mayReadArticle,
  mayTransition,
  TRANSITIONS,
  type Actor,
} from '../../src-shared/workflow';
import { body, completeFields } from './helpers';

const editor: Actor = { id: 'u-editor', role: 'editor' };
const other: Actor = { id: 'u-other', role: 'editor' };
const chief: Actor = { id: 'u-chief', role: 'desk_chief' };
const photo: Actor = { id: 'u-photo', role: 'photo_editor' };

function ctx(
  actor: Actor,
  version: number,
  images: Record<string, Partial<ImageState>> = {},
): MutationContext {
  return {
    actor,
    now: new Date(Date.UTC(2016, 11, 13, 10)).toISOString(),
    version,
    getImage: (id) => (images[id] ? ({ credit: '', ...images[id] } as ImageState) : undefined),
    getArticle: () => undefined,
    userExists: () => true,
    baseBody: () => undefined,
  };
}

function created(actor = editor, fields: Partial<ArticleFields> = completeFields()): ArticleState {
  const r = applyMutation(
    'article.create',
    null,
    { id: randomUUID(), fields, body: body('Text') },
    ctx(actor, 1),
  );
  if (!r.ok) throw new Error(r.reason);
  return r.state as ArticleState;
}

function transition(state: ArticleState, actor: Actor, to: string, version = 10, images = {}) {
  return applyMutation(
    'article.transition',
    state,
    { id: state.id, from: state.status, to },
    ctx(actor, version, images),
  );
}

describe('workflow rules', () => {
  it('every transition is identified by (from, to)', () => {
    for (const t of TRANSITIONS)
      for (const from of t.from) expect(findTransition(from, t.to)).toBe(t);
    expect(findTransition('draft', 'published')).toBeUndefined();
  });

  it('an editor cannot approve or publish: permission reason, nothing changes', () => {
    let a = created();
    const submitted = transition(a, editor, 'in_review');
    expect(submitted.ok).toBe(true);
    a = (submitted as { state: ArticleState }).state;
    const approve = transition(a, editor, 'approved');
    expect(approve).toMatchObject({ ok: false, code: 'forbidden' });
    expect((approve as { reason: string }).reason).toMatch(
      /Permission denied.*editor may not approve/,
    );
    const approvedByChief = transition(a, chief, 'approved');
    expect(approvedByChief.ok).toBe(true);
    const publish = transition(
      (approvedByChief as { state: ArticleState }).state,
      editor,
      'published',
    );
    expect(publish).toMatchObject({ ok: false, code: 'forbidden' });
    expect(a.status).toBe('in_review'); // apply is pure: the input is untouched
  });

  it('status is compare-and-set', () => {
    const a = created();
    const r = applyMutation(
      'article.transition',
      a,
      { id: a.id, from: 'in_review', to: 'approved' },
      ctx(chief, 5),
    );
    expect(r).toMatchObject({ ok: false, code: 'status_mismatch' });
  });

  it('read and edit rules per role', () => {
    const a = created();
    expect(mayReadArticle(a, editor)).toBe(true);
    expect(mayReadArticle(a, other)).toBe(false);
    expect(mayReadArticle({ ...a, status: 'published' }, other)).toBe(true);
    expect(mayReadArticle({ ...a, assigneeId: other.id }, other)).toBe(true);
    expect(mayReadArticle(a, photo)).toBe(true);
    expect(mayEditArticle(a, other).ok).toBe(false);
    expect(mayEditArticle({ ...a, status: 'in_review' }, editor).ok).toBe(false);
    expect(mayEditArticle({ ...a, status: 'published' }, chief).ok).toBe(true);
    const rule = findTransition('draft', 'in_review')!;
    expect(mayTransition(a, other, rule).ok).toBe(false);
  });

  it('publish sets publishedAt; correct sets correctedAt; unpublish is a chief transition', () => {
    let a = created(chief);
    for (const to of ['in_review', 'approved', 'published']) {
      const r = transition(a, chief, to);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      a = (r as { state: ArticleState }).state;
    }
    expect(a.publishedAt).not.toBeNull();
    expect(a.correctedAt).toBeNull();
    const c = transition(a, chief, 'published', 20);
    expect(c).toMatchObject({ ok: true, transition: 'correct' });
    expect((c as { state: ArticleState }).state.correctedAt).not.toBeNull();
    expect(transition(a, editor, 'unpublished')).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('checklist', () => {
  const imageNode = (imageId: string, credit: string) => ({
    type: 'article-image',
    version: 1,
    $: { imageId, credit, blockId: 'img1' },
  });

  it('lists every missing item with a machine code', () => {
    const missing = checkArticle({ fields: emptyFields(), body: body() }, () => undefined);
    expect(missing.map((m) => m.code)).toEqual([
      'headline_missing',
      'teaser_missing',
      'section_missing',
      'tag_missing',
    ]);
    expect(missing.every((m) => m.message.length > 0)).toBe(true);
  });

  it('requires a credit on the lead image and on every inline image', () => {
    const fields = {
      ...emptyFields(),
      ...completeFields(),
      leadImage: { imageId: 'lead', caption: '' },
    } as ArticleFields;
    const b = body('x');
    b.root.children.push(imageNode('inl', ''), imageNode('inl2', 'dpa'));
    const missing = checkArticle({ fields, body: b }, (id) =>
      id === 'lead' ? { credit: ' ' } : id === 'inl' ? { credit: '' } : undefined,
    );
    expect(missing.map((m) => [m.code, m.imageId])).toEqual([
      ['lead_image_credit_missing', 'lead'],
      ['image_credit_missing', 'inl'],
    ]);
    const ok = checkArticle({ fields, body: b }, (id) => ({ credit: id === 'inl2' ? '' : 'LWL' }));
    expect(ok).toEqual([]);
  });

  it('submit is refused while the checklist is incomplete', () => {
    const a = created(editor, { headline: 'Nur Titel' });
    const r = transition(a, editor, 'in_review');
    expect(r).toMatchObject({ ok: false, code: 'checklist' });
    expect((r as { missing: { code: string }[] }).missing.map((m) => m.code)).toContain(
      'tag_missing',
    );
  });
});

describe('mutations', () => {
  it('the registry has the documented names, each with a zod schema', () => {
    expect(Object.keys(MUTATIONS).sort()).toEqual(
      [
        'article.addTag',
        'article.assign',
        'article.create',
        'article.delete',
        'article.recordSuggestions',
        'article.removeTag',
        'article.reopenFieldSuggestion',
        'article.resolveFieldSuggestion',
        'article.restore',
        'article.schedule',
        'article.setBody',
        'article.setEmbargo',
        'article.setFields',
        'article.suggestField',
        'article.transition',
        'article.unschedule',
        'comment.add',
        'dictionary.addWord',
        'dictionary.removeWord',
        'image.create',
        'image.setMeta',
      ].sort(),
    );
  });

  it('invalid args give a permanent failure naming the path', () => {
    const r = applyMutation(
      'article.setFields',
      null,
      { id: 'nope', baseVersion: -1, values: {} },
      ctx(editor, 1),
    );
    expect(r).toMatchObject({ ok: false, code: 'invalid_args' });
    expect((r as { reason: string }).reason).toMatch(/id/);
  });

  it('setFields merges field by field and reports a conflict for concurrent editorial edits', () => {
    const a = created();
    const v1 = applyMutation(
      'article.setFields',
      a,
      {
        id: a.id,
        baseVersion: 1,
        values: { headline: 'Server' },
        baseValues: { headline: a.headline },
      },
      ctx(editor, 7),
    );
    expect(v1).toMatchObject({ ok: true, outcome: 'applied' });
    const s1 = (v1 as { state: ArticleState }).state;
    expect(s1.fieldVersions.headline).toBe(7);
    const v2 = applyMutation(
      'article.setFields',
      s1,
      {
        id: a.id,
        baseVersion: 1,
        values: { headline: 'Mine', teaser: 'Neu' },
        baseValues: { headline: a.headline, teaser: a.teaser },
      },
      ctx(editor, 8),
    );
    expect(v2).toMatchObject({ ok: true, outcome: 'conflict' });
    const s2 = v2 as {
      state: ArticleState;
      conflicts: { field: string; mine: unknown; theirs: unknown }[];
    };
    expect(s2.state.headline).toBe('Server');
    expect(s2.state.teaser).toBe('Neu');
    expect(s2.state.hasConflict).toBe(true);
    expect(s2.conflicts).toEqual([
      expect.objectContaining({ field: 'headline', mine: 'Mine', theirs: 'Server' }),
    ]);
  });

  it('tags are sets: adding twice is a no-op', () => {
    const a = created();
    const r = applyMutation('article.addTag', a, { id: a.id, tag: 'Politik' }, ctx(editor, 3));
    expect(r).toMatchObject({ ok: true, outcome: 'noop' });
    const r2 = applyMutation('article.addTag', a, { id: a.id, tag: 'LWL.IT' }, ctx(editor, 3));
    expect((r2 as { state: ArticleState }).state.tags).toEqual(['Politik', 'citeq', 'LWL.IT']);
  });

  it('setBody rejects unknown node types (shared body schema)', () => {
    const a = created();
    const r = applyMutation(
      'article.setBody',
      a,
      {
        id: a.id,
        baseBodyVersion: 1,
        body: { root: { type: 'root', children: [{ type: 'script', children: [] }] } },
      },
      ctx(editor, 3),
    );
    expect(r).toMatchObject({ ok: false, code: 'invalid_args' });
    expect((r as { reason: string }).reason).toMatch(/Unknown node type/);
  });

  it('delete after someone else edited is refused (edit wins)', () => {
    const a = { ...created(), version: 9 };
    expect(
      applyMutation('article.delete', a, { id: a.id, baseVersion: 1 }, ctx(editor, 10)),
    ).toMatchObject({ ok: false, code: 'edited_since' });
    expect(
      applyMutation('article.delete', a, { id: a.id, baseVersion: 9 }, ctx(editor, 10)),
    ).toMatchObject({ ok: true });
  });
});
