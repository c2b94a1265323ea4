/**
 * Scheduled publication and embargo (desk chiefs). A scheduled article stays "approved" with a
 * `scheduledAt`; the server's scheduler publishes it at that time through the same publish
 * transition as a manual publish (src-server/publish/scheduler.ts). An `embargoUntil` refuses
 * any publication before it. Names and argument shapes are API: never change them.
 */
import { z } from 'zod';
import { Id, Timestamp } from '../model';
import { isChief } from '../workflow';
import {
  changedState,
  fail,
  noop,
  type ApplyContext,
  type ApplyResult,
  type ArticleState,
  type Authorization,
  type MutationDef,
} from './types';
import type { Actor } from '../workflow';
import { deletedRefusal, notFound } from './articleRefusals';
import { lazySchema } from '../lazySchema';

/** A time with any offset, stored as UTC (`toISOString`), so stored times compare as text. */
export const UtcTime = lazySchema(() => Timestamp.transform((t) => new Date(t).toISOString()));

const chiefsOnly = (state: ArticleState | null, _args: unknown, actor: Actor): Authorization =>
  state && !isChief(actor.role)
    ? fail('forbidden', 'Only a desk chief may schedule, take back or embargo a publication.')
    : null;

/**
 * The shared shape of the three: an existing, not deleted article, changed by desk chiefs only;
 * `apply` gets the live article.
 */
function chiefArticleMutation<A extends { id: string }>(def: {
  name: string;
  args: z.ZodType<A>;
  description: string;
  apply: (state: ArticleState, args: A, ctx: ApplyContext) => ApplyResult<ArticleState>;
}): MutationDef<A, ArticleState> {
  return {
    name: def.name,
    entity: 'article',
    args: def.args,
    description: def.description,
    entityId: (a) => a.id,
    serverOnly: () => false,
    prefetch: () => ({}),
    authorize: chiefsOnly,
    apply(state, args, ctx) {
      if (!state) return notFound(args.id);
      return deletedRefusal(state) ?? def.apply(state, args, ctx);
    },
  };
}

/** Why publishing at `at` is refused by the embargo (null: it is not). */
export function embargoRefusal(
  embargoUntil: string | null | undefined,
  at: string,
): { code: string; reason: string } | null {
  if (!embargoUntil || Date.parse(at) >= Date.parse(embargoUntil)) return null;
  return {
    code: 'embargoed',
    reason: `The article is under embargo until ${embargoUntil}; it cannot be published before.`,
  };
}

// ---- article.schedule ------------------------------------------------------------------------

export const ArticleScheduleArgs = lazySchema(() => z.strictObject({ id: Id, at: UtcTime }));
export type ArticleScheduleArgs = z.infer<typeof ArticleScheduleArgs>;

export const articleSchedule = chiefArticleMutation({
  name: 'article.schedule',
  args: ArticleScheduleArgs,
  description:
    'Schedules an approved article to be published by the server at `at` (or moves its time).',
  apply(state, args, ctx) {
    if (state.status !== 'approved') {
      return fail(
        'not_approved',
        `Only an approved article can be scheduled; this one is ${state.status}.`,
      );
    }
    if (Date.parse(args.at) <= Date.parse(ctx.now)) {
      return fail('schedule_in_past', `The time ${args.at} has passed; choose a later one.`);
    }
    const embargo = embargoRefusal(state.embargoUntil, args.at);
    if (embargo) {
      return fail(
        'schedule_before_embargo',
        `The article is under embargo until ${state.embargoUntil}; schedule it for then or later.`,
      );
    }
    if (state.scheduledAt === args.at && state.scheduledBy === ctx.authorId) return noop(state);
    return changedState(state, ctx, { scheduledAt: args.at, scheduledBy: ctx.authorId }, [
      'scheduledAt',
    ]);
  },
});

// ---- article.unschedule ----------------------------------------------------------------------

export const ArticleUnscheduleArgs = lazySchema(() => z.strictObject({ id: Id }));
export type ArticleUnscheduleArgs = z.infer<typeof ArticleUnscheduleArgs>;

export const articleUnschedule = chiefArticleMutation({
  name: 'article.unschedule',
  args: ArticleUnscheduleArgs,
  description: 'Takes a scheduled publication back: the article stays approved.',
  apply(state, args, ctx) {
    if (!state.scheduledAt) return noop(state);
    return changedState(state, ctx, { scheduledAt: null, scheduledBy: null }, ['scheduledAt']);
  },
});

// ---- article.setEmbargo ----------------------------------------------------------------------

export const ArticleSetEmbargoArgs = lazySchema(() =>
  z.strictObject({ id: Id, until: UtcTime.nullable() }),
);
export type ArticleSetEmbargoArgs = z.infer<typeof ArticleSetEmbargoArgs>;

export const articleSetEmbargo = chiefArticleMutation({
  name: 'article.setEmbargo',
  args: ArticleSetEmbargoArgs,
  description: 'Sets (or with null clears) the time before which the article may not be published.',
  apply(state, args, ctx) {
    if (state.status === 'published' && args.until !== null) {
      return fail('already_published', 'The article is already published; unpublish it first.');
    }
    if (state.scheduledAt && embargoRefusal(args.until, state.scheduledAt)) {
      return fail(
        'schedule_before_embargo',
        `The article is scheduled for ${state.scheduledAt}, before this embargo; reschedule it first.`,
      );
    }
    if ((state.embargoUntil ?? null) === args.until) return noop(state);
    return changedState(state, ctx, { embargoUntil: args.until }, ['embargoUntil']);
  },
});
