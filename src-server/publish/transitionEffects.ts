/**
 * What a workflow transition does beyond the article's state, the same for a desk's push and
 * the scheduler: publish or unpublish the snapshot the site serves, and record the step in the
 * audit trail (the timeline).
 */
import type { ArticleState } from '../../src-shared/mutations';
import type { TransitionName } from '../../src-shared/workflow';
import type { Tx } from '../storage/types';
import { publishSnapshot, unpublishSnapshot } from './snapshot';

export interface TransitionStep {
  transition: TransitionName;
  /** The article before and after the mutation. */
  before: ArticleState | null;
  after: ArticleState;
  /** The change seq of the step (publication may set the slug at this version). */
  seq: number;
  /** Null: no user (a scheduled publication whose chief is unknown). */
  userId: string | null;
  now: string;
  comment?: string | undefined;
  /** Extra audit detail (a scheduled publication names who scheduled it). */
  detail?: Record<string, unknown>;
}

/** Runs the effects; returns the article as stored (publication may derive a slug). */
export async function applyTransitionEffects(
  tx: Tx,
  step: TransitionStep,
): Promise<{ article: ArticleState; changed: string[] }> {
  let article = step.after;
  const changed: string[] = [];
  if (step.transition === 'publish' || step.transition === 'correct') {
    const published = await publishSnapshot(tx, article, step.now);
    if (published.slug !== article.slug) {
      article = { ...published, fieldVersions: { ...published.fieldVersions, slug: step.seq } };
      changed.push('slug');
    }
  } else if (step.transition === 'unpublish') {
    await unpublishSnapshot(tx, article.id, step.now);
  }
  await tx.insertAudit({
    userId: step.userId,
    action: `article.${step.transition}`,
    entityType: 'article',
    entityId: article.id,
    detail: {
      from: step.before ? step.before.status : null,
      to: article.status,
      comment: step.comment ?? null,
      ...step.detail,
    },
    createdAt: step.now,
  });
  return { article, changed };
}
