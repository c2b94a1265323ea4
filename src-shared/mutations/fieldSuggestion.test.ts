/**
 * Field suggestions in isolation: the schema, `article.suggestField` and
 * `article.resolveFieldSuggestion` (apply and authorize), the list's merge when two desks' changes
 * meet on the server, the checklist's count and the old-desk gate.
 */
import { describe, expect, it } from 'vitest';
import { emptyBody, emptyFields, FieldSuggestion, FieldSuggestions } from '../model';
import { checkArticleWarnings } from '../checklist';
import { acceptsFieldSuggestions, SCHEMA_VERSION } from '../protocol';
import {
  applyMutation,
  parseMutation,
  type ApplyResult,
  type ArticleState,
  type MutationContext,
} from './index';

const A1 = '6f1c2a9e-0b7d-4c1e-9a57-3d2f8e4b1c00';
const S1 = '0193a6e0-0000-7000-8000-000000000001';
const S2 = '0193a6e0-0000-7000-8000-000000000002';
const S3 = '0193a6e0-0000-7000-8000-000000000003';
const at = '2030-01-14T11:00:00.000Z';
const chief = { id: 'u-chief', role: 'desk_chief' } as const;
const author = { id: 'u-ed', role: 'editor' } as const;
const stranger = { id: 'u-other', role: 'editor' } as const;

function article(patch: Partial<ArticleState> = {}): ArticleState {
  return {
    ...emptyFields(),
    kicker: 'Rat:',
    headline: 'Brücke gesperrt',
    teaser: 'Vorspann',
    id: A1,
    body: emptyBody(),
    status: 'draft',
    authorId: 'u-ed',
    assigneeId: null,
    revision: 3,
    createdAt: '2030-01-01T00:00:00.000Z',
    updatedAt: '2030-01-01T00:00:00.000Z',
    publishedAt: null,
    deletedAt: null,
    correctedAt: null,
    hasConflict: false,
    version: 5,
    bodyVersion: 1,
    fieldVersions: {},
    ...patch,
  };
}

let seq = 10;
function ctx(actor: MutationContext['actor']): MutationContext {
  return {
    actor,
    now: '2030-01-14T12:00:00.000Z',
    version: ++seq,
    getImage: () => undefined,
    getArticle: () => undefined,
    userExists: () => true,
    baseBody: () => undefined,
  };
}

const suggestion = <F extends string>(field: F, value: string, id = S1, by = 'chief') => ({
  id,
  field,
  value,
  author: by,
  at,
});
const suggest = (field: string, value: string, id = S1, by = 'chief', replaces?: string) => ({
  id: A1,
  suggestion: suggestion(field, value, id, by),
  ...(replaces ? { replaces } : {}),
});

function ok(r: ApplyResult<unknown>): ArticleState {
  if (!r.ok) throw new Error(`${r.code}: ${r.reason}`);
  return r.state as ArticleState;
}

describe('FieldSuggestion schema', () => {
  it('takes kicker, headline and teaser with the field limits, and nothing else', () => {
    expect(FieldSuggestion.safeParse(suggestion('headline', 'Neu')).success).toBe(true);
    expect(FieldSuggestion.safeParse(suggestion('teaser', 'x'.repeat(3000))).success).toBe(true);
    expect(FieldSuggestion.safeParse(suggestion('headline', 'x'.repeat(501))).success).toBe(false);
    expect(FieldSuggestion.safeParse(suggestion('kicker', 'x'.repeat(201))).success).toBe(false);
    // A line field's rules hold for its suggestions too: a line break becomes a space.
    expect(FieldSuggestion.parse(suggestion('kicker', 'zwei\nZeilen')).value).toBe('zwei Zeilen');
    expect(FieldSuggestion.safeParse(suggestion('byline', 'Jemand')).success).toBe(false);
    expect(FieldSuggestion.safeParse({ ...suggestion('headline', 'x'), author: '' }).success).toBe(
      false,
    );
  });

  it('allows one open suggestion per author and field, with unique ids', () => {
    const two = [suggestion('headline', 'A', S1), suggestion('headline', 'B', S2, 'anna')];
    expect(FieldSuggestions.safeParse(two).success).toBe(true);
    const same = [suggestion('headline', 'A', S1), suggestion('headline', 'B', S2)];
    expect(FieldSuggestions.safeParse(same).error?.issues[0]?.message).toMatch(
      /more than one open suggestion on the headline/,
    );
    const dup = [suggestion('headline', 'A', S1), suggestion('kicker', 'B', S1)];
    expect(FieldSuggestions.safeParse(dup).error?.issues[0]?.message).toMatch(/duplicate/);
  });
});

describe('article.suggestField', () => {
  it('adds a suggestion without touching the field, and moves version and revision', () => {
    const r = applyMutation(
      'article.suggestField',
      article(),
      suggest('headline', 'Neu'),
      ctx(chief),
    );
    expect(r).toMatchObject({ ok: true, changed: ['fieldSuggestions'] });
    const s = ok(r);
    expect(s.headline).toBe('Brücke gesperrt');
    expect(s.fieldSuggestions).toEqual([suggestion('headline', 'Neu')]);
    expect(s.revision).toBe(4);
    expect(s.fieldVersions.fieldSuggestions).toBe(s.version);
  });

  it("replaces the author's open suggestion on the field (keeping its id) and withdraws it with the field's value", () => {
    const s1 = ok(
      applyMutation('article.suggestField', article(), suggest('headline', 'Neu'), ctx(chief)),
    );
    const s2 = ok(
      applyMutation(
        'article.suggestField',
        s1,
        suggest('headline', 'Neuer', S2, 'chief', S1),
        ctx(chief),
      ),
    );
    expect(s2.fieldSuggestions).toEqual([suggestion('headline', 'Neuer', S1)]);
    const s3 = ok(
      applyMutation(
        'article.suggestField',
        s2,
        suggest('headline', 'Brücke gesperrt', S3),
        ctx(chief),
      ),
    );
    expect(s3.fieldSuggestions).toEqual([]);
    // The same again changes nothing.
    const r = applyMutation(
      'article.suggestField',
      s3,
      suggest('headline', 'Brücke gesperrt', S3),
      ctx(chief),
    );
    expect(r).toMatchObject({ ok: true, outcome: 'noop' });
  });

  it('refuses bad input with a clear reason before anything is applied', () => {
    const long = parseMutation('article.suggestField', suggest('headline', 'x'.repeat(501)));
    expect(long).toMatchObject({ ok: false });
    expect(!long.ok && long.reason).toMatch(/500/);
    const field = parseMutation('article.suggestField', suggest('byline', 'Jemand'));
    expect(field.ok).toBe(false);
    expect(!field.ok && field.reason).toMatch(/field/);
    const deleted = applyMutation(
      'article.suggestField',
      article({ deletedAt: at }),
      suggest('headline', 'Neu'),
      ctx(chief),
    );
    expect(deleted).toMatchObject({ ok: false, code: 'deleted' });
  });

  it('is for whoever may edit the article: chiefs and the author, not another editor', () => {
    expect(
      applyMutation('article.suggestField', article(), suggest('headline', 'x'), ctx(chief)).ok,
    ).toBe(true);
    expect(
      applyMutation(
        'article.suggestField',
        article(),
        suggest('headline', 'x', S1, 'ed'),
        ctx(author),
      ).ok,
    ).toBe(true);
    expect(
      applyMutation(
        'article.suggestField',
        article(),
        suggest('headline', 'x', S1, 'other'),
        ctx(stranger),
      ),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    // An editor cannot change an article in review, so cannot suggest on it either.
    expect(
      applyMutation(
        'article.suggestField',
        article({ status: 'in_review' }),
        suggest('headline', 'x', S1, 'ed'),
        ctx(author),
      ),
    ).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('article.resolveFieldSuggestion', () => {
  const open = () =>
    article({
      fieldSuggestions: [
        suggestion('headline', 'Brücke wieder offen', S1),
        suggestion('kicker', 'Stadt:', S2),
      ],
    });

  it('accept sets the field and removes the suggestion in one change', () => {
    const r = applyMutation(
      'article.resolveFieldSuggestion',
      open(),
      { id: A1, suggestionId: S1, action: 'accept' },
      ctx(author),
    );
    expect(r).toMatchObject({ ok: true, changed: ['headline', 'fieldSuggestions'] });
    const s = ok(r);
    expect(s.headline).toBe('Brücke wieder offen');
    expect(s.fieldSuggestions).toEqual([suggestion('kicker', 'Stadt:', S2)]);
    expect(s.revision).toBe(4);
    expect(s.fieldVersions.headline).toBe(s.version);
  });

  it('reject removes the suggestion and leaves the field', () => {
    const s = ok(
      applyMutation(
        'article.resolveFieldSuggestion',
        open(),
        { id: A1, suggestionId: S2, action: 'reject' },
        ctx(chief),
      ),
    );
    expect(s.kicker).toBe('Rat:');
    expect(s.fieldSuggestions).toEqual([suggestion('headline', 'Brücke wieder offen', S1)]);
  });

  it('refuses an unknown suggestion id, and another editor', () => {
    expect(
      applyMutation(
        'article.resolveFieldSuggestion',
        open(),
        { id: A1, suggestionId: S3, action: 'accept' },
        ctx(chief),
      ),
    ).toMatchObject({ ok: false, code: 'unknown_suggestion' });
    expect(
      applyMutation(
        'article.resolveFieldSuggestion',
        open(),
        { id: A1, suggestionId: S1, action: 'reject' },
        ctx(stranger),
      ),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(
      parseMutation('article.resolveFieldSuggestion', { id: A1, suggestionId: S1, action: 'keep' })
        .ok,
    ).toBe(false);
  });
});

describe('article.reopenFieldSuggestion (undo of a decision)', () => {
  const decided = suggestion('headline', 'Brücke wieder offen', S1);
  const accepted = () =>
    article({
      headline: 'Brücke wieder offen',
      fieldSuggestions: [suggestion('kicker', 'Stadt:', S2)],
    });
  const undoAccept = (patch: Record<string, unknown> = {}) => ({
    id: A1,
    suggestion: decided,
    action: 'accept',
    previous: 'Brücke gesperrt',
    ...patch,
  });

  it('undoing an accept puts the field back and reopens the suggestion, in one change', () => {
    const r = applyMutation('article.reopenFieldSuggestion', accepted(), undoAccept(), ctx(author));
    expect(r).toMatchObject({ ok: true, changed: ['headline', 'fieldSuggestions'] });
    const s = ok(r);
    expect(s.headline).toBe('Brücke gesperrt');
    expect(s.fieldSuggestions).toEqual([suggestion('kicker', 'Stadt:', S2), decided]);
    expect(s.revision).toBe(4);
  });

  it('resolve then reopen gives back the article as it was (fields and suggestions)', () => {
    const before = article({ fieldSuggestions: [decided] });
    const after = ok(
      applyMutation(
        'article.resolveFieldSuggestion',
        before,
        { id: A1, suggestionId: S1, action: 'accept' },
        ctx(chief),
      ),
    );
    const back = ok(
      applyMutation('article.reopenFieldSuggestion', after, undoAccept(), ctx(chief)),
    );
    expect(back.headline).toBe(before.headline);
    expect(back.fieldSuggestions).toEqual(before.fieldSuggestions);
  });

  it('undoing a reject reopens the suggestion and leaves the field', () => {
    const s = ok(
      applyMutation(
        'article.reopenFieldSuggestion',
        article(),
        { id: A1, suggestion: decided, action: 'reject' },
        ctx(chief),
      ),
    );
    expect(s.headline).toBe('Brücke gesperrt');
    expect(s.fieldSuggestions).toEqual([decided]);
  });

  it('is a no-op when the suggestion is open already (a replay)', () => {
    const r = applyMutation(
      'article.reopenFieldSuggestion',
      article({ headline: 'Brücke wieder offen', fieldSuggestions: [decided] }),
      undoAccept(),
      ctx(author),
    );
    expect(r).toMatchObject({ ok: true, outcome: 'noop' });
  });

  it('refuses, changing nothing, when the field has moved on since the accept', () => {
    const moved = article({ headline: 'Brücke ab Montag offen' });
    const r = applyMutation('article.reopenFieldSuggestion', moved, undoAccept(), ctx(author));
    expect(r).toMatchObject({ ok: false, code: 'field_moved' });
    expect(moved.headline).toBe('Brücke ab Montag offen');
    expect(moved.fieldSuggestions).toBeUndefined();
    // A rejected suggestion whose value the field took meanwhile is not reopened either.
    expect(
      applyMutation(
        'article.reopenFieldSuggestion',
        article({ headline: 'Brücke wieder offen' }),
        { id: A1, suggestion: decided, action: 'reject' },
        ctx(author),
      ),
    ).toMatchObject({ ok: false, code: 'field_moved' });
  });

  it('refuses when the suggester has a newer suggestion on the field', () => {
    const newer = suggestion('headline', 'Brücke bald offen', S3);
    expect(
      applyMutation(
        'article.reopenFieldSuggestion',
        article({ fieldSuggestions: [newer] }),
        { id: A1, suggestion: decided, action: 'reject' },
        ctx(author),
      ),
    ).toMatchObject({ ok: false, code: 'suggestion_superseded' });
  });

  it('only the author and desk chiefs, only where they may edit', () => {
    expect(
      applyMutation('article.reopenFieldSuggestion', accepted(), undoAccept(), ctx(stranger)),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(
      applyMutation(
        'article.reopenFieldSuggestion',
        { ...accepted(), status: 'in_review' },
        undoAccept(),
        ctx(author),
      ).ok,
    ).toBe(false);
  });

  it("validates its arguments: the previous value has the field's limits, accept needs it", () => {
    expect(parseMutation('article.reopenFieldSuggestion', undoAccept()).ok).toBe(true);
    expect(
      parseMutation('article.reopenFieldSuggestion', undoAccept({ previous: 'x'.repeat(501) })).ok,
    ).toBe(false);
    expect(
      parseMutation('article.reopenFieldSuggestion', {
        id: A1,
        suggestion: decided,
        action: 'accept',
      }).ok,
    ).toBe(false);
    expect(
      parseMutation('article.reopenFieldSuggestion', { ...undoAccept(), action: 'keep' }).ok,
    ).toBe(false);
  });
});

describe('merging two desks (their mutations replayed on the server in either order)', () => {
  type M = {
    name: 'article.suggestField' | 'article.resolveFieldSuggestion' | 'article.setFields';
    args: unknown;
    actor: MutationContext['actor'];
  };
  const run = (state: ArticleState, ms: M[]) =>
    ms.reduce((s, m) => {
      const r = applyMutation(m.name, s, m.args, ctx(m.actor));
      return r.ok ? (r.state as ArticleState) : s;
    }, state);
  const both = (a: M[], b: M[]) => [run(run(article(), a), b), run(run(article(), b), a)];

  it('keeps the suggestions both sides added', () => {
    const chiefSide: M[] = [
      { name: 'article.suggestField', args: suggest('headline', 'A', S1), actor: chief },
    ];
    const other: M[] = [
      { name: 'article.suggestField', args: suggest('kicker', 'B:', S2, 'anna'), actor: chief },
    ];
    for (const s of both(chiefSide, other)) {
      expect(new Set(s.fieldSuggestions?.map((x) => x.id))).toEqual(new Set([S1, S2]));
    }
  });

  it("keeps the author's field change and the chief's suggestion on that field", () => {
    const chiefSide: M[] = [
      { name: 'article.suggestField', args: suggest('headline', 'Vorschlag'), actor: chief },
    ];
    const authorSide: M[] = [
      {
        name: 'article.setFields',
        args: {
          id: A1,
          baseVersion: 5,
          values: { headline: 'Eigene' },
          baseValues: { headline: 'Brücke gesperrt' },
        },
        actor: author,
      },
    ];
    for (const s of both(chiefSide, authorSide)) {
      expect(s.headline).toBe('Eigene');
      expect(s.fieldSuggestions).toEqual([suggestion('headline', 'Vorschlag')]);
    }
  });

  it('a resolution wins over a later edit of the same suggestion made without seeing it', () => {
    const start = run(article(), [
      { name: 'article.suggestField', args: suggest('headline', 'A'), actor: chief },
    ]);
    const rejected = run(start, [
      {
        name: 'article.resolveFieldSuggestion',
        args: { id: A1, suggestionId: S1, action: 'reject' },
        actor: author,
      },
    ]);
    // The chief, offline, changed the suggestion they still saw open.
    const merged = run(rejected, [
      {
        name: 'article.suggestField',
        args: suggest('headline', 'A2', S1, 'chief', S1),
        actor: chief,
      },
    ]);
    expect(merged.fieldSuggestions).toEqual([]);
    expect(merged.headline).toBe('Brücke gesperrt');
  });
});

describe('what reads field suggestions', () => {
  it('the checklist counts them with the body suggestions as open suggestions', () => {
    const warnings = checkArticleWarnings(
      {
        fields: article(),
        body: emptyBody(),
        fieldSuggestions: [suggestion('headline', 'A', S1), suggestion('kicker', 'B', S2)],
      },
      () => undefined,
    );
    expect(warnings).toEqual([expect.objectContaining({ code: 'open_suggestions', count: 2 })]);
    expect(checkArticleWarnings({ fields: article(), body: emptyBody() }, () => undefined)).toEqual(
      [],
    );
  });

  it('only desks of schemaVersion 2026-12-x or later get them in pulls', () => {
    expect(acceptsFieldSuggestions(SCHEMA_VERSION)).toBe(true);
    expect(acceptsFieldSuggestions('2026-12-x')).toBe(true);
    expect(acceptsFieldSuggestions('2026-12-w')).toBe(false);
    expect(acceptsFieldSuggestions(undefined)).toBe(false);
  });
});
