/**
 * article.recordSuggestions: the record of an accept or reject of body suggestions, for the
 * article's timeline. The decision itself reaches the server as the body it produced
 * (article.setBody); this mutation changes no state: the server writes an audit event
 * (`article.suggestions`) that the timeline shows as "Anna accepted 2 suggestions from Jonas".
 * Undoing a decision (Ctrl+Z in the body, Undo after a field decision) is recorded the same way
 * with `undone: true` ("Anna undid accepting 2 suggestions from Jonas"), so the timeline never
 * claims a decision stands that was taken back.
 */
import { z } from 'zod';
import { Id } from '../model';
import { MAX_SUGGESTION_AUTHOR } from '../richtext/suggestionFields';
import { isChief, mayEditArticle, type Actor, type ArticleAccessInfo } from '../workflow';
import { allowedIf, fail, noop, type ArticleState, type MutationDef } from './types';
import { lazySchema } from '../lazySchema';

/** The audit action the server records; the timeline lists it as a `suggestion` entry. */
export const SUGGESTION_AUDIT_ACTION = 'article.suggestions';
/** How long the recorded excerpt of the resolved text may be. */
export const MAX_SUGGESTION_EXCERPT = 300;

export const SuggestionDecision = lazySchema(() =>
  z.strictObject({
    action: z.enum(['accept', 'reject']),
    /** How many suggestions (distinct ids) were resolved. */
    count: z.number().int().min(1).max(100_000),
    /** Whose suggestions (usernames), each once. */
    authors: z.array(z.string().min(1).max(MAX_SUGGESTION_AUTHOR)).min(1).max(50),
    /** The start of the resolved text, for the reader of the timeline. */
    excerpt: z.string().max(MAX_SUGGESTION_EXCERPT),
    /** The decision was undone (the suggestions are open again). */
    undone: z.literal(true).optional(),
  }),
);
export type SuggestionDecision = z.infer<typeof SuggestionDecision>;

/** The timeline action of a recorded decision (audit detail or queued args). */
export function suggestionTimelineAction(d: { action?: unknown; undone?: unknown }): string {
  const decided = d.action === 'accept' ? 'accept_suggestions' : 'reject_suggestions';
  return d.undone === true ? `undo_${decided}` : decided;
}

export const ArticleRecordSuggestionsArgs = lazySchema(() => SuggestionDecision.extend({ id: Id }));
export type ArticleRecordSuggestionsArgs = z.infer<typeof ArticleRecordSuggestionsArgs>;

/**
 * Who may accept or reject suggestions: the article's author and desk chiefs, and only where
 * they may edit it (not deleted; an author's article only while it is a draft).
 */
export function mayResolveSuggestions(
  a: ArticleAccessInfo,
  actor: Actor,
): { ok: true } | { ok: false; code: string; reason: string } {
  if (!isChief(actor.role) && a.authorId !== actor.id) {
    return {
      ok: false,
      code: 'forbidden',
      reason: 'Only the author of the article and desk chiefs accept or reject suggestions.',
    };
  }
  return mayEditArticle(a, actor);
}

export const articleRecordSuggestions: MutationDef<ArticleRecordSuggestionsArgs, ArticleState> = {
  name: 'article.recordSuggestions',
  entity: 'article',
  args: ArticleRecordSuggestionsArgs,
  description:
    "Records that the user accepted or rejected suggestions (the article's timeline); changes nothing else.",
  entityId: (a) => a.id,
  // Nothing changes on the desk: it shows the queued record as a pending timeline entry.
  serverOnly: () => true,
  prefetch: () => ({}),
  authorize: (state, _args, actor) =>
    state ? allowedIf(mayResolveSuggestions(state, actor)) : null,
  apply(state, args) {
    if (!state) return fail('not_found', `There is no article ${args.id}.`);
    return {
      ...noop(state),
      audit: {
        action: SUGGESTION_AUDIT_ACTION,
        detail: {
          action: args.action,
          count: args.count,
          authors: args.authors,
          excerpt: args.excerpt,
          ...(args.undone ? { undone: true } : {}),
        },
      },
    };
  },
};
