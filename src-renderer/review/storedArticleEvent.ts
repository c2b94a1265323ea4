import type { CoreEvent } from '../../src-shared/api';

/**
 * Whether a change event means the stored article's status, schedule, embargo or place in the
 * trash may have changed for `id`. A save (`contentOnly`) changes only fields and body, which the editor holds
 * itself: reloading the whole article (half a megabyte for a long one) on every autosave is
 * what made saves slow.
 */
export function storedArticleMayHaveChanged(e: CoreEvent, id: string): boolean {
  if (e.type === 'article.deleted' || e.type === 'article.restored') return e.id === id;
  return e.type === 'article.updated' && e.id === id && e.contentOnly !== true;
}
