/**
 * Whom to poke about committed changes: a desk hears about a change when its next pull would
 * bring it something (the pull's own rules, see sync/readRules.ts), and never about its own push.
 */
import type { CommentState } from '../../src-shared/mutations';
import type { Actor } from '../../src-shared/workflow';
import type { RawArticleRow, Tx } from '../storage/types';
import { articleChangeFor, mayReadComment } from '../sync/readRules';
import type { CommittedChange } from './bus';

export interface Reader {
  clientId: string;
  actor: Actor;
}

/** The entities a batch of changes touches, read once for all readers. */
export interface ChangedEntities {
  articles: Map<string, RawArticleRow | undefined>;
  comments: Map<string, CommentState | undefined>;
  /**
   * False when the changed articles were not read because no reader needs them: every reader
   * reads every article (`readsEveryArticle`) and no comment changed. Article rows are never
   * deleted (a deleted article keeps its row), so such a reader is poked about every article
   * change, exactly as if the rows had been read.
   */
  articlesRead?: boolean;
}

/** Whether `mayReadArticle` is true for this actor whatever the article (src-shared/workflow.ts). */
export function readsEveryArticle(actor: Actor): boolean {
  return actor.role !== 'editor';
}

/**
 * Whether deciding whom to poke about these changes needs a database read: comments always (who
 * may read one depends on the comment and its article), articles only for readers whose access
 * depends on the article (editors).
 */
export function needsEntities(
  changes: readonly CommittedChange[],
  readers: Iterable<Reader>,
): boolean {
  if (changes.some((c) => c.entityType === 'comment')) return true;
  if (!changes.some((c) => c.entityType === 'article')) return false;
  for (const r of readers) if (!readsEveryArticle(r.actor)) return true;
  return false;
}

/** What `needsEntities` found needs no read: nothing loaded, articles marked as not read. */
export const NOT_READ: ChangedEntities = {
  articles: new Map(),
  comments: new Map(),
  articlesRead: false,
};

export async function loadChangedEntities(
  tx: Tx,
  changes: readonly CommittedChange[],
): Promise<ChangedEntities> {
  const articles = new Map<string, RawArticleRow | undefined>();
  const comments = new Map<string, CommentState | undefined>();
  for (const c of changes) {
    if (c.entityType === 'comment' && !comments.has(c.entityId))
      comments.set(c.entityId, await tx.getComment(c.entityId));
  }
  const articleIds = new Set<string>();
  for (const c of changes) if (c.entityType === 'article') articleIds.add(c.entityId);
  for (const c of comments.values()) if (c) articleIds.add(c.articleId);
  const found = await tx.getArticlesRaw([...articleIds]);
  for (const id of articleIds) articles.set(id, found.get(id));
  return { articles, comments };
}

export function concerns(change: CommittedChange, reader: Reader, e: ChangedEntities): boolean {
  if (change.clientId !== null && change.clientId === reader.clientId) return false;
  switch (change.entityType) {
    case 'conflict':
    case 'rejection':
      return change.scopeId === reader.clientId;
    case 'image':
    case 'word':
      return true;
    case 'article': {
      if (e.articlesRead === false) return readsEveryArticle(reader.actor);
      const a = e.articles.get(change.entityId);
      return a !== undefined && articleChangeFor(a, reader.actor, change.changedFields) !== null;
    }
    case 'comment': {
      const c = e.comments.get(change.entityId);
      const a = c ? e.articles.get(c.articleId) : undefined;
      return c !== undefined && a !== undefined && mayReadComment(c, a, reader.actor);
    }
    default:
      return false;
  }
}

/** The highest seq among the changes that concern the reader, or null when none does. */
export function pokeSeq(
  changes: readonly CommittedChange[],
  reader: Reader,
  e: ChangedEntities,
): number | null {
  let seq: number | null = null;
  for (const c of changes) if (concerns(c, reader, e)) seq = Math.max(seq ?? 0, c.seq);
  return seq;
}
