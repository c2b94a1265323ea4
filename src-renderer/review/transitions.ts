/** Which workflow buttons a user sees for an article, and how a failed step is explained. */
import { ApiError } from '../../src-shared/api';
import type { ArticleStatus } from '../../src-shared/model';
import { TRANSITIONS, type TransitionName, type TransitionRule } from '../../src-shared/workflow';

export const ACTION_KEYS: Record<TransitionName, string> = {
  submit: 'review.submit',
  request_changes: 'review.requestChanges',
  approve: 'review.approve',
  publish: 'review.publish',
  unpublish: 'review.unpublish',
  correct: 'review.correct',
};

/** The transitions offered from `status` to this user, in workflow order. */
export function offeredTransitions(status: ArticleStatus, chief: boolean): TransitionRule[] {
  return TRANSITIONS.filter(
    (t) => t.from.includes(status) && (chief || t.roles.includes('editor')),
  );
}

export type Failure = { kind: 'needsServer' } | { kind: 'failed'; message: string };

/** Server-only steps that fail for want of a connection or sign-in say so plainly. */
export function explainFailure(rule: TransitionRule, e: unknown): Failure {
  if (
    rule.serverOnly &&
    e instanceof ApiError &&
    (e.code === 'transport' || e.code === 'unauthorized')
  ) {
    return { kind: 'needsServer' };
  }
  return { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
}
