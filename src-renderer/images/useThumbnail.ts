/**
 * Renditions of library images outside the library view (article editor: lead image, inline
 * images, the image picker). Reuses the library's `ThumbnailCache` (data: URLs, a few loads at a
 * time, LRU) with one app-wide cache per rendition size, so an image shown in several places is
 * loaded once.
 */
import { useEffect, useState } from 'react';
import type { RenditionSize } from '../../src-shared/model';
import { api } from '../api/transport';
import { ThumbnailCache } from '../views/images/thumbnails';

const caches = new Map<RenditionSize, ThumbnailCache>();

function cacheFor(size: RenditionSize): ThumbnailCache {
  let cache = caches.get(size);
  if (!cache) {
    cache = new ThumbnailCache(
      (id) => api['images.rendition']({ id, size }),
      size === 'thumb' ? 200 : 30,
      size === 'thumb' ? 4 : 2,
    );
    caches.set(size, cache);
  }
  return cache;
}

/** The rendition of image `id` as a URL while the caller is mounted (null: loading or failed). */
export function useRendition(
  id: string | null,
  size: RenditionSize = 'thumb',
): { url: string | null; failed: boolean } {
  const [state, setState] = useState<{ id: string | null; url: string | null; failed: boolean }>({
    id: null,
    url: null,
    failed: false,
  });
  useEffect(() => {
    if (!id) return;
    return cacheFor(size).acquire(id, (url) => setState({ id, url, failed: url === null }));
  }, [id, size]);
  return state.id === id ? { url: state.url, failed: state.failed } : { url: null, failed: false };
}
