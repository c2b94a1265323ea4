import { useState } from 'react';
import type { Article } from '../../src-shared/model';
import { api } from '../api/transport';
import { useCoreEvents } from '../api/events';

/** The stored article (status, body as saved), reloaded whenever the core reports a change. */
export function useStoredArticle(initial: Article): [Article, (a: Article) => void] {
  const [article, setArticle] = useState(initial);
  useCoreEvents((e) => {
    if (e.type === 'article.updated' && e.id === initial.id) {
      api['articles.get']({ id: initial.id }).then(setArticle, () => undefined);
    }
  });
  return [article, setArticle];
}
