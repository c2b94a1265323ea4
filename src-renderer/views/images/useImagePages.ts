import { useCallback, useEffect, useRef, useState } from 'react';
import type { Image } from '../../../src-shared/model';
import { api } from '../../api/transport';
import { useCoreEvents } from '../../api/events';

export const IMAGE_PAGE_SIZE = 120;

export interface ImageFilter {
  query: string;
  missingCredit: boolean;
  sort: 'newest' | 'oldest';
}

interface Page {
  items: Image[];
  generation: number;
}

/**
 * The library as pages loaded on demand (one page per screen or so, never the whole table).
 * A new filter starts afresh; an import marks the loaded pages stale, which keep showing until
 * their reload arrives (no flicker); an edit is patched into the loaded page in place, except
 * that a synced change under a filter reloads (the image may no longer match). A page the core
 * could not give is `failed` until `retry`.
 */
export function useImagePages(filter: ImageFilter) {
  const [total, setTotal] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  // The last page that could not be loaded, until a retry asks again.
  const [failed, setFailed] = useState<unknown>(null);
  const pages = useRef(new Map<number, Page>());
  const loading = useRef(new Set<string>());
  const [, force] = useState(0);
  const { query, missingCredit, sort } = filter;

  const loadPage = useCallback(
    (page: number) => {
      const key = `${page}:${generation}`;
      const have = pages.current.get(page);
      if ((have && have.generation === generation) || loading.current.has(key)) return;
      loading.current.add(key);
      const map = pages.current;
      void api['images.list']({
        offset: page * IMAGE_PAGE_SIZE,
        limit: IMAGE_PAGE_SIZE,
        query: query.trim() || undefined,
        missingCredit: missingCredit || undefined,
        sort,
      }).then(
        (r) => {
          loading.current.delete(key);
          if (map !== pages.current) return; // the filter changed meanwhile
          map.set(page, { items: r.items, generation });
          setTotal(r.total);
          setFailed(null);
          force((n) => n + 1);
        },
        (e: unknown) => {
          loading.current.delete(key);
          if (map === pages.current) setFailed(e ?? new Error('failed'));
        },
      );
    },
    [generation, query, missingCredit, sort],
  );

  // A new filter: forget everything.
  useEffect(() => {
    pages.current = new Map();
    loading.current = new Set();
    setTotal(null);
    setFailed(null);
  }, [query, missingCredit, sort]);
  const retry = useCallback(() => {
    setFailed(null);
    setGeneration((g) => g + 1);
  }, []);

  useEffect(() => {
    loadPage(0);
  }, [loadPage]);

  const patch = useCallback((image: Image) => {
    for (const p of pages.current.values()) {
      const i = p.items.findIndex((x) => x.id === image.id);
      if (i >= 0) {
        p.items = p.items.map((x, j) => (j === i ? image : x));
        force((n) => n + 1);
      }
    }
  }, []);

  const filtered = missingCredit || query.trim() !== '';
  useCoreEvents((e) => {
    if (e.type === 'image.created') setGeneration((g) => g + 1);
    // A change from another desk may take an image in or out of the filter: ask again. An
    // edit made here stays in the list the user is working through until the filter changes.
    else if (e.type === 'image.updated' && filtered && e.origin !== 'local') {
      setGeneration((g) => g + 1);
    } else if (e.type === 'image.updated') {
      const loaded = [...pages.current.values()].some((p) => p.items.some((x) => x.id === e.id));
      if (loaded) void api['images.get']({ id: e.id }).then(patch, () => undefined);
    }
  });

  const itemAt = (index: number): Image | undefined => {
    const page = Math.floor(index / IMAGE_PAGE_SIZE);
    const p = pages.current.get(page);
    if (!p || p.generation !== generation) loadPage(page);
    return p?.items[index % IMAGE_PAGE_SIZE];
  };

  return { total, itemAt, failed, retry };
}
