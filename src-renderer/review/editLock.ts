/**
 * Whether the open article may be typed into, as the workflow rules say (src-shared/workflow.ts:
 * editors change drafts only; desk chiefs change any status). The server enforces the same rule;
 * the editor follows it so that nobody types text the server will refuse. An article in the
 * trash (deleted here or on another desk while open) is read only for everyone until restored:
 * text typed into it would land where no list shows it.
 */
import type { ArticleStatus } from '../../src-shared/model';

export type EditLock =
  | { locked: false; note: 'none' | 'published' }
  /** `why` picks the banner: what the state is and what to do about it. */
  | { locked: true; why: 'review' | 'published' | 'unpublished' | 'trash' | 'notYours' };

/**
 * Whether the user is the article's author or assignee, as the server judges it. A desk that
 * never signed in (`userId` null) and an article made here before signing in (no author yet:
 * the server makes the pusher its author) count as the user's own.
 */
export function worksOnArticle(
  a: { authorId: string | null; assigneeId: string | null },
  userId: string | null,
): boolean {
  return userId === null || a.authorId === null || a.authorId === userId || a.assigneeId === userId;
}

/**
 * The lock for a user who is (`chief`) a desk chief or not; `worksOnIt`: see worksOnArticle
 * (only the author, the assignee and desk chiefs change an article, whatever its status).
 */
export function editLock(
  status: ArticleStatus,
  chief: boolean,
  inTrash = false,
  worksOnIt = true,
): EditLock {
  if (inTrash) return { locked: true, why: 'trash' };
  if (chief) return { locked: false, note: status === 'published' ? 'published' : 'none' };
  if (!worksOnIt) return { locked: true, why: 'notYours' };
  switch (status) {
    case 'draft':
      return { locked: false, note: 'none' };
    case 'in_review':
    case 'approved':
      return { locked: true, why: 'review' };
    case 'published':
      return { locked: true, why: 'published' };
    case 'unpublished':
      return { locked: true, why: 'unpublished' };
  }
}
