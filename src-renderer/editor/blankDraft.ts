/**
 * A draft nobody wrote anything into (a stray Alt+N) is dropped when the editor leaves it, so
 * that no "(untitled)" article stays in the list forever.
 */
import { useCallback, useEffect, useRef } from 'react';
import { api } from '../api/transport';
import { isBlankDraft } from './blankDraftRule';

/**
 * Call `touched()` on every edit; when the editor of `articleId` unmounts without one, the
 * stored article is deleted if it is a blank draft (after `flush` stored anything pending).
 */
export function useDropBlankDraft(articleId: string, flush: () => Promise<void>): () => void {
  const edited = useRef(false);
  const latestFlush = useRef(flush);
  latestFlush.current = flush;
  useEffect(
    () => () => {
      if (edited.current) return;
      void latestFlush
        .current()
        .then(() => api['articles.get']({ id: articleId }))
        .then((a) => (isBlankDraft(a) ? api['articles.delete']({ id: articleId }) : undefined))
        .catch(() => undefined);
    },
    [articleId],
  );
  return useCallback(() => {
    edited.current = true;
  }, []);
}
