/**
 * A draft nobody wrote anything into (a stray Alt+N) is dropped when the editor leaves it — on
 * opening another article, and on closing or reloading the window — so that no "(untitled)"
 * article stays in the list forever. Only a draft made on this desk in this session: another
 * desk's new draft, opened here, may be the one its author is about to write.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { Article } from '../../src-shared/model';
import { hasNoContent } from '../../src-shared/blankDraft';
import { api, callOnExit } from '../api/transport';
import { useCoreEvents } from '../api/events';
import { useUi } from '../state/ui';
import { startupDone } from '../boot/startupGate';

/**
 * Call `touched()` on every edit; when the editor of `articleId` goes away without one, the core
 * moves the article to the trash if it is a blank draft (after `flush` stored anything pending).
 */
export function useDropBlankDraft(
  articleId: string,
  madeHere: boolean,
  flush: () => Promise<void>,
): () => void {
  const edited = useRef(false);
  const latestFlush = useRef(flush);
  latestFlush.current = flush;
  useEffect(() => {
    if (!madeHere) return;
    // The window goes: no time to wait for anything, the core checks and drops on its own.
    const leave = () => {
      if (edited.current) return;
      callOnExit('articles.dropIfBlank', { id: articleId });
    };
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      if (edited.current) return;
      void latestFlush
        .current()
        .then(() => api['articles.dropIfBlank']({ id: articleId }))
        .catch(() => undefined);
    };
  }, [articleId, madeHere]);
  return useCallback(() => {
    edited.current = true;
  }, []);
}

/**
 * A dropped draft has nothing to show: when the open article is (or goes) in the trash with no
 * content, the editor closes. That is the reloaded window whose address still names the draft
 * the reload dropped, whichever of the drop and the new window's read comes first.
 */
export function useCloseDroppedDraft(article: Article | null): void {
  const openArticle = useUi((s) => s.openArticle);
  const close = useCallback(
    (a: Article) => {
      if (a.deletedAt === null || !hasNoContent(a)) return;
      startupDone(); // no body will be shown: the shell need not wait for one
      if (useUi.getState().openArticleId === a.id) openArticle(null);
    },
    [openArticle],
  );
  useEffect(() => {
    if (article) close(article);
  }, [article, close]);
  const id = article?.id;
  useCoreEvents((e) => {
    if (e.type === 'article.deleted' && e.id === id)
      api['articles.get']({ id }).then(close, () => undefined);
  });
}
