/** The scheduling mutations and the embargo rule of the publish transition, in isolation. */
import { describe, expect, it } from 'vitest';
import { emptyBody, emptyFields } from '../model';
import { applyMutation, type ArticleState, type MutationContext } from './index';

const A1 = '6f1c2a9e-0b7d-4c1e-9a57-3d2f8e4b1c00';
const chief = { id: 'u-chief', role: 'desk_chief' } as const;
const editor = { id: 'u-ed', role: 'editor' } as const;

function article(patch: Partial<ArticleState> = {}): ArticleState {
  return {
    ...emptyFields(),
    headline: 'Brücke',
    teaser: 'Vorspann',
    section: 'lokales',
    tags: ['Verkehr'],
    id: A1,
    body: emptyBody(),
    status: 'approved',
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

function ctx(actor: MutationContext['actor'], now = '2030-01-14T12:00:00.000Z'): MutationContext {
  return {
    actor,
    now,
    version: 9,
    getImage: () => undefined,
    getArticle: () => undefined,
    userExists: () => true,
    baseBody: () => undefined,
  };
}

describe('article.schedule', () => {
  it('stores the time in UTC with who scheduled it, and moves the version', () => {
    const r = applyMutation(
      'article.schedule',
      article(),
      { id: A1, at: '2030-01-15T06:00:00+01:00' },
      ctx(chief),
    );
    expect(r).toMatchObject({
      ok: true,
      changed: ['scheduledAt'],
      state: {
        scheduledAt: '2030-01-15T05:00:00.000Z',
        scheduledBy: 'u-chief',
        status: 'approved',
        version: 9,
        revision: 4,
      },
    });
  });

  it('refuses editors, unapproved articles, past times, times before the embargo and bad input', () => {
    const at = '2030-01-15T05:00:00Z';
    const code = (state: ArticleState, args: unknown, c = ctx(chief)) => {
      const r = applyMutation('article.schedule', state, args, c);
      return r.ok ? 'ok' : r.code;
    };
    expect(code(article(), { id: A1, at }, ctx(editor))).toBe('forbidden');
    expect(code(article({ status: 'in_review' }), { id: A1, at })).toBe('not_approved');
    expect(code(article(), { id: A1, at: '2030-01-14T11:59:59Z' })).toBe('schedule_in_past');
    expect(code(article({ embargoUntil: '2030-01-15T06:00:00.000Z' }), { id: A1, at })).toBe(
      'schedule_before_embargo',
    );
    expect(code(article({ embargoUntil: '2030-01-15T05:00:00.000Z' }), { id: A1, at })).toBe('ok');
    expect(code(article(), { id: A1, at: '15.01.2030 06:00' })).toBe('invalid_args');
    expect(code(article({ deletedAt: '2030-01-02T00:00:00.000Z' }), { id: A1, at })).toBe(
      'deleted',
    );
  });
});

describe('article.unschedule and article.setEmbargo', () => {
  it('takes a schedule back (the article stays approved); without one it is a no-op', () => {
    const scheduled = article({ scheduledAt: '2030-01-15T05:00:00.000Z', scheduledBy: 'u-chief' });
    const r = applyMutation('article.unschedule', scheduled, { id: A1 }, ctx(chief));
    expect(r).toMatchObject({ ok: true, state: { scheduledAt: null, status: 'approved' } });
    expect(applyMutation('article.unschedule', article(), { id: A1 }, ctx(chief))).toMatchObject({
      ok: true,
      outcome: 'noop',
    });
  });

  it('sets and clears an embargo; refuses one after the scheduled time and on a published article', () => {
    const set = applyMutation(
      'article.setEmbargo',
      article(),
      { id: A1, until: '2030-01-15T07:00:00+01:00' },
      ctx(chief),
    );
    expect(set).toMatchObject({ ok: true, state: { embargoUntil: '2030-01-15T06:00:00.000Z' } });
    const cleared = applyMutation(
      'article.setEmbargo',
      article({ embargoUntil: '2030-01-15T06:00:00.000Z' }),
      { id: A1, until: null },
      ctx(chief),
    );
    expect(cleared).toMatchObject({ ok: true, state: { embargoUntil: null } });
    const late = applyMutation(
      'article.setEmbargo',
      article({ scheduledAt: '2030-01-15T05:00:00.000Z' }),
      { id: A1, until: '2030-01-15T06:00:00Z' },
      ctx(chief),
    );
    expect(late).toMatchObject({ ok: false, code: 'schedule_before_embargo' });
    const published = applyMutation(
      'article.setEmbargo',
      article({ status: 'published' }),
      { id: A1, until: '2030-01-15T06:00:00Z' },
      ctx(chief),
    );
    expect(published).toMatchObject({ ok: false, code: 'already_published' });
  });
});

describe('the publish transition and the schedule', () => {
  it('refuses publishing before the embargo and allows it from the embargo on', () => {
    const embargoed = article({ embargoUntil: '2030-01-14T13:00:00.000Z' });
    const args = { id: A1, from: 'approved', to: 'published' };
    expect(applyMutation('article.transition', embargoed, args, ctx(chief))).toMatchObject({
      ok: false,
      code: 'embargoed',
    });
    expect(
      applyMutation('article.transition', embargoed, args, ctx(chief, '2030-01-14T13:00:00.000Z')),
    ).toMatchObject({ ok: true, state: { status: 'published' } });
  });

  it('ends the schedule when the article is published by hand or sent back to draft', () => {
    const scheduled = article({ scheduledAt: '2030-01-15T05:00:00.000Z', scheduledBy: 'u-chief' });
    for (const to of ['published', 'draft'] as const) {
      const r = applyMutation(
        'article.transition',
        scheduled,
        { id: A1, from: 'approved', to },
        ctx(chief),
      );
      expect(r).toMatchObject({ ok: true, state: { status: to, scheduledAt: null } });
      expect(r.ok && r.changed).toContain('scheduledAt');
    }
  });
});
