/**
 * "Changes requested" is a draft the desk sent back: the workflow has no status of its own for
 * it (request_changes leads to draft), so it is read from the article's timeline.
 */
import type { ArticleStatus } from '../../src-shared/model';
import { sortTimeline, type TimelineEntry } from '../../src-shared/timeline';

export interface ChangesRequested {
  by: string | null;
  comment: string | null;
  at: string;
}

/** The request for changes a draft is waiting on, if its last workflow step was one. */
export function changesRequested(
  status: ArticleStatus,
  timeline: readonly TimelineEntry[],
): ChangesRequested | null {
  if (status !== 'draft') return null;
  const steps = sortTimeline([...timeline]).filter((e) => e.kind === 'transition');
  const last = steps[steps.length - 1];
  if (!last || last.action !== 'request_changes') return null;
  return { by: last.user?.username ?? null, comment: last.text, at: last.at };
}
