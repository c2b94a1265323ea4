/**
 * Field suggestions (suggestion mode, issue #17): `article.suggestField` records, replaces or
 * withdraws the acting user's proposed value of a kicker, headline or teaser;
 * `article.resolveFieldSuggestion` accepts (the field takes the value and the suggestion goes, in
 * one change) or rejects one. Each is an operation on the server's current list, so replaying a
 * desk's pending ones on newer data (rebase, push) is the list's merge: adds from both sides are
 * kept, a resolved suggestion stays resolved (`replaces`), and a field change does not touch the
 * suggestions on it. `article.reopenFieldSuggestion` undoes a decision: the suggestion is open again
 * and, for an accept, the field takes back the value it had, in one change; refused when the
 * field has moved on since.
 * Names and argument shapes are API: never change them.
 */
import { z } from 'zod';
import {
  ArticleFields,
  FieldSuggestion,
  Id,
  fieldSuggestionsOf,
  MAX_FIELD_SUGGESTIONS,
} from '../model';
import { isChief, mayEditArticle } from '../workflow';
import type { Actor } from '../workflow';
import { deletedRefusal, notFound } from './articleRefusals';
import {
  allowedIf,
  changedState,
  fail,
  noop,
  type ArticleState,
  type Authorization,
  type MutationDef,
} from './types';
import { lazySchema } from '../lazySchema';

export const ArticleSuggestFieldArgs = lazySchema(() =>
  z.strictObject({
    id: Id,
    /**
     * The proposal. A value equal to the field's current value withdraws the author's open
     * suggestion on that field; another replaces it (keeping its id).
     */
    suggestion: FieldSuggestion,
    /**
     * The id of the author's open suggestion this one replaces, as the desk saw it. If that was
     * accepted or rejected meanwhile, the change is dropped: a resolution wins over later edits.
     */
    replaces: Id.optional(),
  }),
);
export type ArticleSuggestFieldArgs = z.infer<typeof ArticleSuggestFieldArgs>;

export const ArticleResolveFieldSuggestionArgs = lazySchema(() =>
  z.strictObject({
    id: Id,
    suggestionId: Id,
    action: z.enum(['accept', 'reject']),
  }),
);
export type ArticleResolveFieldSuggestionArgs = z.infer<typeof ArticleResolveFieldSuggestionArgs>;

/** Undo of a decision: the suggestion as it was decided, and for an accept the field's value before. */
export const ArticleReopenFieldSuggestionArgs = lazySchema(() =>
  z
    .discriminatedUnion('action', [
      z.strictObject({
        id: Id,
        suggestion: FieldSuggestion,
        action: z.literal('accept'),
        /** The field's value before the accept; the field takes it back. */
        previous: z.string().max(3000),
      }),
      z.strictObject({ id: Id, suggestion: FieldSuggestion, action: z.literal('reject') }),
    ])
    .superRefine((a, issues) => {
      if (a.action !== 'accept') return;
      const r = ArticleFields.shape[a.suggestion.field].safeParse(a.previous);
      if (!r.success) {
        issues.addIssue({
          code: 'custom',
          path: ['previous'],
          message: `not a valid ${a.suggestion.field}: ${r.error.issues[0]?.message ?? 'invalid'}`,
        });
      }
    }),
);
export type ArticleReopenFieldSuggestionArgs = z.infer<typeof ArticleReopenFieldSuggestionArgs>;

export const articleSuggestField: MutationDef<ArticleSuggestFieldArgs, ArticleState> = {
  name: 'article.suggestField',
  entity: 'article',
  args: ArticleSuggestFieldArgs,
  description:
    "Records the acting user's suggested value of the kicker, headline or teaser (one per author and field; the current value withdraws it).",
  entityId: (a) => a.id,
  serverOnly: () => false,
  prefetch: () => ({}),
  // Whoever may change the field may suggest a change of it (desk chiefs review by editing).
  authorize: (state, args, actor: Actor) => {
    if (actor.username !== undefined && args.suggestion.author !== actor.username) {
      return fail('forbidden', 'A suggestion must carry the name of the user who makes it.');
    }
    return state ? allowedIf(mayEditArticle(state, actor)) : null;
  },
  apply(state, args, ctx) {
    if (!state) return notFound(args.id);
    const deleted = deletedRefusal(state);
    if (deleted) return deleted;
    const s = args.suggestion;
    const list = fieldSuggestionsOf(state);
    if (args.replaces !== undefined && !list.some((x) => x.id === args.replaces)) {
      return noop(state);
    }
    const mine = list.find((x) => x.author === s.author && x.field === s.field);
    if (s.value === state[s.field]) {
      if (!mine) return noop(state);
      return changedState(state, ctx, { fieldSuggestions: list.filter((x) => x !== mine) }, [
        'fieldSuggestions',
      ]);
    }
    if (mine?.value === s.value) return noop(state);
    if (!mine && list.some((x) => x.id === s.id)) {
      return fail('suggestion_exists', `There is already a suggestion ${s.id}.`);
    }
    if (!mine && list.length >= MAX_FIELD_SUGGESTIONS) {
      return fail(
        'too_many_suggestions',
        `An article holds at most ${MAX_FIELD_SUGGESTIONS} open field suggestions; resolve some first.`,
      );
    }
    const next = mine ? list.map((x) => (x === mine ? { ...s, id: mine.id } : x)) : [...list, s];
    return changedState(state, ctx, { fieldSuggestions: next }, ['fieldSuggestions']);
  },
};

/** The article's author and desk chiefs decide; accepting changes the field, so it must be editable. */
function mayResolve(
  state: ArticleState | null,
  args: { action: 'accept' | 'reject' },
  actor: Actor,
): Authorization {
  if (!state) return null;
  if (!isChief(actor.role) && state.authorId !== actor.id) {
    return fail(
      'forbidden',
      "Only the article's author or a desk chief may accept or reject suggestions.",
    );
  }
  return args.action === 'accept' ? allowedIf(mayEditArticle(state, actor)) : null;
}

export const articleResolveFieldSuggestion: MutationDef<
  ArticleResolveFieldSuggestionArgs,
  ArticleState
> = {
  name: 'article.resolveFieldSuggestion',
  entity: 'article',
  args: ArticleResolveFieldSuggestionArgs,
  description:
    'Accepts (the field takes the suggested value) or rejects one open field suggestion, in one change.',
  entityId: (a) => a.id,
  serverOnly: () => false,
  prefetch: () => ({}),
  authorize: mayResolve,
  apply(state, args, ctx) {
    if (!state) return notFound(args.id);
    const deleted = deletedRefusal(state);
    if (deleted) return deleted;
    const list = fieldSuggestionsOf(state);
    const s = list.find((x) => x.id === args.suggestionId);
    if (!s) {
      return fail(
        'unknown_suggestion',
        `The article has no open field suggestion ${args.suggestionId} (it may have been resolved already).`,
      );
    }
    const rest = list.filter((x) => x !== s);
    if (args.action === 'reject') {
      return changedState(state, ctx, { fieldSuggestions: rest }, ['fieldSuggestions']);
    }
    const changed =
      state[s.field] === s.value ? ['fieldSuggestions'] : [s.field, 'fieldSuggestions'];
    return changedState(state, ctx, { fieldSuggestions: rest, [s.field]: s.value }, changed);
  },
};

/** Who may undo a decision: who may decide; the article changes either way, so it must be editable. */
function mayReopen(state: ArticleState | null, _args: unknown, actor: Actor): Authorization {
  return mayResolve(state, { action: 'accept' }, actor);
}

export const articleReopenFieldSuggestion: MutationDef<
  ArticleReopenFieldSuggestionArgs,
  ArticleState
> = {
  name: 'article.reopenFieldSuggestion',
  entity: 'article',
  args: ArticleReopenFieldSuggestionArgs,
  description:
    'Undoes an accept or reject of a field suggestion: the suggestion is open again and an accepted field takes back its previous value, in one change.',
  entityId: (a) => a.id,
  serverOnly: () => false,
  prefetch: () => ({}),
  authorize: mayReopen,
  apply(state, args, ctx) {
    if (!state) return notFound(args.id);
    const deleted = deletedRefusal(state);
    if (deleted) return deleted;
    const s = args.suggestion;
    const list = fieldSuggestionsOf(state);
    // Replayed (or undone twice): it is open already.
    if (list.some((x) => x.id === s.id)) return noop(state);
    const moved = () =>
      fail(
        'field_moved',
        `The ${s.field} has changed since the decision, so it cannot be undone; the suggestion stays resolved.`,
      );
    if (args.action === 'accept' && state[s.field] !== s.value) return moved();
    // Rejected, and the field took the suggested value since: nothing is left to suggest.
    if (args.action === 'reject' && state[s.field] === s.value) return moved();
    if (list.some((x) => x.author === s.author && x.field === s.field)) {
      return fail(
        'suggestion_superseded',
        `${s.author} has made a newer suggestion on the ${s.field}; the decided one stays resolved.`,
      );
    }
    if (list.length >= MAX_FIELD_SUGGESTIONS) {
      return fail(
        'too_many_suggestions',
        `An article holds at most ${MAX_FIELD_SUGGESTIONS} open field suggestions; resolve some first.`,
      );
    }
    const reopened = [...list, s];
    if (args.action === 'reject' || args.previous === s.value) {
      return changedState(state, ctx, { fieldSuggestions: reopened }, ['fieldSuggestions']);
    }
    return changedState(state, ctx, { fieldSuggestions: reopened, [s.field]: args.previous }, [
      s.field,
      'fieldSuggestions',
    ]);
  },
};
