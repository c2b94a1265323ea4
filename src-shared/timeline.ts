/**
 * The timeline of an article: workflow transitions, review comments and accepted or rejected
 * suggestions (`suggestion`, schemaVersion 2026-12-y), who, what and when (server clock). The server answers GET /api/v1/articles/:id/timeline with TimelineResponse;
 * the desktop adds its own not-yet-synced steps as `pending` entries.
 */
import { z } from 'zod';
import { ArticleStatus } from './model';
import { lazySchema } from './lazySchema';

export const TimelineEntry = lazySchema(() =>
  z.strictObject({
    id: z.string().max(200),
    kind: z.enum(['transition', 'comment', 'suggestion']),
    /** The transition name (submit, approve, …), "comment", or accept_suggestions / reject_suggestions. */
    action: z.string().max(50),
    from: ArticleStatus.nullable(),
    to: ArticleStatus.nullable(),
    text: z.string().max(5000).nullable(),
    user: z.strictObject({ id: z.string(), username: z.string() }).nullable(),
    /** Server time; for a pending local step the local time it was queued. */
    at: z.string(),
    /** Queued locally, not yet confirmed by the server. */
    pending: z.boolean(),
    /** For a `suggestion` entry: how many suggestions, and whose (usernames). */
    suggestions: z
      .strictObject({ count: z.number().int().nonnegative(), authors: z.array(z.string()) })
      .optional(),
  }),
);
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const TimelineResponse = lazySchema(() =>
  z.strictObject({
    articleId: z.string(),
    items: z.array(TimelineEntry),
  }),
);
export type TimelineResponse = z.infer<typeof TimelineResponse>;

/** Oldest first; ties in server order (by id). */
export function sortTimeline(items: TimelineEntry[]): TimelineEntry[] {
  return [...items].sort((a, b) =>
    a.at === b.at ? (a.pending === b.pending ? 0 : a.pending ? 1 : -1) : a.at < b.at ? -1 : 1,
  );
}

/** At most this many ids per GET /api/v1/review-queue/submissions. */
export const MAX_SUBMISSION_IDS = 200;

/** Who submitted an article for review and when (the latest submit of each article asked for). */
export const Submission = lazySchema(() =>
  z.strictObject({
    articleId: z.string(),
    user: z
      .strictObject({
        id: z.string(),
        username: z.string(),
        /** The user's display name, when they have one (sent to schemaVersion 2026-12-w and later). */
        displayName: z.string().optional(),
      })
      .nullable(),
    at: z.string(),
  }),
);
export type Submission = z.infer<typeof Submission>;

export const SubmissionsResponse = lazySchema(() => z.strictObject({ items: z.array(Submission) }));
export type SubmissionsResponse = z.infer<typeof SubmissionsResponse>;
