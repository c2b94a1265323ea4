/**
 * In-app notices for authors: the apply step records one when a pull brings a status
 * change of an article the signed-in user wrote (changes requested, approved, published); after
 * the pull the engine asks the server's timeline who did it and with which note, and announces
 * it as a `notice` core event. The notices stay in the store until dismissed.
 */
import type { CoreEvent, NoticeKind } from '../../../src-shared/api';
import type { ArticleState } from '../../../src-shared/mutations';
import type { Status } from '../../../src-shared/workflow';
import type { TimelineEntry } from '../../../src-shared/timeline';
import type { NoticeRepository } from '../store/notices';

export function noticeKind(from: Status, to: Status): NoticeKind | null {
  if (to === 'draft' && (from === 'in_review' || from === 'approved')) return 'changes_requested';
  if (to === 'approved' && from !== 'approved') return 'approved';
  if (to === 'published' && from !== 'published') return 'published';
  return null;
}

const TARGET: Record<NoticeKind, Status> = {
  changes_requested: 'draft',
  approved: 'approved',
  published: 'published',
};

/** Called by the apply step, inside the page's transaction, before the new base is stored. */
export function recordNotice(
  notices: NoticeRepository,
  me: string,
  before: ArticleState | undefined,
  after: ArticleState,
  at: string,
): void {
  if (!before || after.authorId !== me) return;
  const kind = noticeKind(before.status, after.status);
  if (!kind) return;
  notices.add({
    id: `${after.id}:${after.version}:${kind}`,
    kind,
    articleId: after.id,
    headline: after.headline,
    at,
  });
}

/**
 * Completes the recorded notices from the server's timeline (who, with which note) and emits them.
 * A change the user made themselves is dismissed silently. Without the timeline (offline), the
 * notice goes out without who and note.
 */
export async function announceNotices(
  notices: NoticeRepository,
  me: string,
  timeline: (articleId: string) => Promise<TimelineEntry[] | null>,
  emit: (e: CoreEvent) => void,
  now: () => string,
): Promise<void> {
  const cache = new Map<string, TimelineEntry[] | null>();
  for (const n of notices.unannounced()) {
    if (!cache.has(n.articleId)) cache.set(n.articleId, await timeline(n.articleId));
    const items = cache.get(n.articleId) ?? [];
    const step = [...items]
      .reverse()
      .find((i) => i.kind === 'transition' && i.to === TARGET[n.kind] && !i.pending);
    notices.markAnnounced(n.id);
    if (step?.user?.id === me) {
      notices.dismiss(n.id, now());
      continue;
    }
    notices.enrich(n.id, step?.user?.username ?? null, step?.text ?? null);
    const done = notices.get(n.id);
    if (done) emit({ type: 'notice', ...done });
  }
}
