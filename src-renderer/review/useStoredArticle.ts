import { useState } from 'react';
import type { Article } from '../../src-shared/model';
import { api } from '../api/transport';
import { useCoreEvents } from '../api/events';
import { storedArticleMayHaveChanged } from './storedArticleEvent';

/**
 * The stored article for its status, schedule and embargo (the body and fields may be older:
 * the editor has those), reloaded whenever the core reports a change other than a save.
 */
export function useStoredArticle(initial: Article): [Article, (a: Article) => void] {
  const [article, setArticle] = useState(initial);
  useCoreEvents((e) => {
    if (storedArticleMayHaveChanged(e, initial.id)) {
      api['articles.get']({ id: initial.id }).then(setArticle, () => undefined);
    }
  });
  return [article, setArticle];
}
