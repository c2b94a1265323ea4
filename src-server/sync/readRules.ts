/**
 * What a user gets to hear about a change in the feed: the pull's filter and the live poke use
 * the same rules (`mayReadArticle` / `mayReadComments` in src-shared/workflow.ts).
 */
import type { ArticleState, CommentState } from '../../src-shared/mutations';
import { mayReadArticle, mayReadComments, type Actor } from '../../src-shared/workflow';
import type { RawArticleRow } from '../storage/types';

/**
 * How an article change reaches this reader: in full (`upsert`), as a revocation of an article
 * they could see before and cannot now (it was published, or its assignee changed), or not at all.
 * `changedFields` undefined means "not known" and counts as a possible assignee change.
 */
export function articleChangeFor(
  a: RawArticleRow,
  actor: Actor,
  changedFields: readonly string[] | undefined,
): 'upsert' | 'revoke' | null {
  if (mayReadArticle(a, actor)) return 'upsert';
  if (wasPublished(a) || changedFields === undefined || changedFields.includes('assigneeId'))
    return 'revoke';
  return null;
}

/** Whether the reader may see a comment: its author always, else as for the article's comments. */
export function mayReadComment(c: CommentState, a: RawArticleRow, actor: Actor): boolean {
  return c.authorId === actor.id || mayReadComments(a, actor);
}

/** Whether an article the reader may not read was ever published (rare path: parses the JSON). */
function wasPublished(a: RawArticleRow): boolean {
  return (JSON.parse(a.json) as ArticleState).publishedAt !== null;
}
