/**
 * Local workflow steps, comments and suggestion decisions still in the outbox, as timeline entries
 * marked pending.
 */
import { ARTICLE_STATUSES, type ArticleStatus } from '../../../src-shared/model';
import type { TimelineEntry } from '../../../src-shared/timeline';
import { suggestionTimelineAction } from '../../../src-shared/mutations/suggestionDecision';
import { findTransition } from '../../../src-shared/workflow';
import type { OutboxEntry } from '../store/outbox';

type Args = Record<string, unknown>;

function statusOf(v: unknown): ArticleStatus | null {
  return typeof v === 'string' && (ARTICLE_STATUSES as readonly string[]).includes(v)
    ? (v as ArticleStatus)
    : null;
}

export function pendingSteps(
  outbox: readonly OutboxEntry[],
  articleId: string,
  user: { id: string; username: string } | null,
): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const row of outbox) {
    const args = (typeof row.args === 'object' && row.args !== null ? row.args : {}) as Args;
    if (row.name === 'article.transition' && row.entityId === articleId) {
      const from = statusOf(args.from);
      const to = statusOf(args.to);
      const rule = from && to ? findTransition(from, to) : undefined;
      out.push({
        id: `outbox:${row.mutationId}`,
        kind: 'transition',
        action: rule?.name ?? 'transition',
        from,
        to,
        text: typeof args.comment === 'string' ? args.comment : null,
        user,
        at: row.createdAt,
        pending: true,
      });
    } else if (row.name === 'article.recordSuggestions' && row.entityId === articleId) {
      out.push({
        id: `outbox:${row.mutationId}`,
        kind: 'suggestion',
        action: suggestionTimelineAction(args),
        from: null,
        to: null,
        text: typeof args.excerpt === 'string' ? args.excerpt : null,
        user,
        at: row.createdAt,
        pending: true,
        suggestions: {
          count: typeof args.count === 'number' ? args.count : 0,
          authors: Array.isArray(args.authors) ? args.authors.map(String) : [],
        },
      });
    } else if (row.name === 'comment.add' && args.articleId === articleId) {
      out.push({
        id: `outbox:${row.mutationId}`,
        kind: 'comment',
        action: 'comment',
        from: null,
        to: null,
        text: typeof args.text === 'string' ? args.text : null,
        user,
        at: row.createdAt,
        pending: true,
      });
    }
  }
  return out;
}
