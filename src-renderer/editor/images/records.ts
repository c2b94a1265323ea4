/**
 * Image records (credit, caption, file name…) for the article editor, fetched with `images.get`
 * and shared by every place that shows them (inline images, lead image, checklist). A record is
 * fetched again when the core reports `image.updated` (a photo editor fixed the credit), so the
 * editor's credit lines and checklist follow the image library without a reload.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Image } from '../../../src-shared/model';
import { api, transport } from '../../api/transport';

/** `null`: the core does not know the image (deleted, or not synced yet). */
type Entry = { state: 'loading' } | { state: 'ready'; image: Image | null };

const entries = new Map<string, Entry>();
const listeners = new Set<() => void>();
let version = 0;
let unsubscribe: (() => void) | null = null;

function changed(): void {
  version++;
  for (const l of listeners) l();
}

function fetchRecord(id: string): void {
  if (entries.get(id)?.state !== 'ready') entries.set(id, { state: 'loading' });
  api['images.get']({ id }).then(
    (image) => {
      entries.set(id, { state: 'ready', image });
      changed();
    },
    (e: unknown) => {
      const code = (e as { code?: string } | null)?.code;
      // Only "not found" is an answer; anything else is retried on the next request.
      if (code === 'not_found') entries.set(id, { state: 'ready', image: null });
      else entries.delete(id);
      changed();
    },
  );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  unsubscribe ??= transport.onEvent((e) => {
    if ((e.type === 'image.updated' || e.type === 'image.created') && entries.has(e.id)) {
      fetchRecord(e.id);
    }
  });
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && unsubscribe) {
      unsubscribe();
      unsubscribe = null;
    }
  };
}

/** Puts a record the caller already has (e.g. just imported or picked) into the cache. */
export function rememberImage(image: Image): void {
  entries.set(image.id, { state: 'ready', image });
  changed();
}

export interface ImageRecords {
  /** The record, `null` when the core does not know the id, `undefined` while loading. */
  get: (id: string) => Image | null | undefined;
  /** True while any of the requested records is still loading. */
  loading: boolean;
}

/** Records of the given image ids; re-renders when any of them loads or changes. */
export function useImageRecords(ids: readonly string[]): ImageRecords {
  const key = [...new Set(ids)].sort().join(',');
  const [seen, setSeen] = useState(version);
  useEffect(() => subscribe(() => setSeen(version)), []);
  useEffect(() => {
    for (const id of key ? key.split(',') : []) if (!entries.has(id)) fetchRecord(id);
  }, [key]);
  return useMemo(() => {
    const wanted = key ? key.split(',') : [];
    return {
      get: (id: string) => {
        const entry = entries.get(id);
        return entry?.state === 'ready' ? entry.image : undefined;
      },
      loading: wanted.some((id) => entries.get(id)?.state !== 'ready'),
    };
    // `seen` changes whenever a record loads or changes, so the lookup is a new object then.
  }, [key, seen]);
}

/** The record of one image (see `useImageRecords`). */
export function useImageRecord(id: string | null): Image | null | undefined {
  const records = useImageRecords(id ? [id] : []);
  return id ? records.get(id) : undefined;
}
