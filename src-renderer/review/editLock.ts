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
  | { locked: true; why: 'review' | 'published' | 'unpublished' | 'trash' };

export function editLock(status: ArticleStatus, chief: boolean, inTrash = false): EditLock {
  if (inTrash) return { locked: true, why: 'trash' };
  if (chief) return { locked: false, note: status === 'published' ? 'published' : 'none' };
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
