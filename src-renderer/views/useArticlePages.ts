import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleSummary } from '../../src-shared/model';
import type { ArticleFilter } from '../../src-shared/api';
import { api } from '../api/transport';
import { useCoreEvents } from '../api/events';
import { afterStartup } from '../boot/startupGate';

export const PAGE_SIZE = 100;

/**
 * The article list as pages loaded on demand: a 100,000-row list costs one page per screen
 * scrolled, never the whole table. Any change event, or another filter, invalidates the loaded
 * pages. A page the core could not give is `failed` (the list says so) until `retry`.
 */
export function useArticlePages(filter: ArticleFilter) {
  const key = JSON.stringify(filter);
  const [total, setTotal] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  // The last page that could not be loaded, until a retry (or any change event) asks again.
  const [failed, setFailed] = useState<unknown>(null);
  const pages = useRef(new Map<number, ArticleSummary[]>());
  const loading = useRef(new Set<number>());
  const [, force] = useState(0);

  const loadPage = useCallback(
    (page: number) => {
      if (pages.current.has(page) || loading.current.has(page)) return;
      loading.current.add(page);
      const gen = generation;
      const query = { ...(JSON.parse(key) as ArticleFilter), offset: page * PAGE_SIZE };
      afterStartup(
        () =>
          void api['articles.list']({ ...query, limit: PAGE_SIZE }).then(
            (r) => {
              loading.current.delete(page);
              if (gen !== generation) return;
              pages.current.set(page, r.items);
              setTotal(r.total);
              force((n) => n + 1);
            },
            (e: unknown) => {
              loading.current.delete(page);
              if (gen === generation) setFailed(e ?? new Error('failed'));
            },
          ),
      );
    },
    [generation, key],
  );

  useEffect(() => {
    pages.current = new Map();
    loading.current = new Set();
    setFailed(null);
    loadPage(0);
  }, [loadPage]);
  const retry = useCallback(() => setGeneration((g) => g + 1), []);

  useCoreEvents((e) => {
    if (e.type.startsWith('article.')) setGeneration((g) => g + 1);
  });

  const rowAt = (index: number): ArticleSummary | undefined => {
    const page = Math.floor(index / PAGE_SIZE);
    const rows = pages.current.get(page);
    if (!rows) {
      loadPage(page);
      return undefined;
    }
    return rows[index % PAGE_SIZE];
  };

  return { total, rowAt, failed, retry };
}
