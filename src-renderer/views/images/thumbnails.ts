import { createContext, useContext, useEffect, useState } from 'react';

type Loader = (id: string) => Promise<{ mime: string; dataBase64: string }>;
type Listener = (url: string | null) => void;

interface Entry {
  state: 'queued' | 'loading' | 'ready' | 'failed';
  url: string | null;
  refs: number;
  listeners: Set<Listener>;
}

/**
 * Thumbnails as data: URLs, loaded only for the cells that ask (the visible ones), newest
 * request first, a few at a time. Cells that scroll away before their turn are dropped from the
 * queue. A small LRU keeps recently seen thumbnails; entries in use are never evicted.
 *
 * Why not object URLs: `new Blob` plus `URL.createObjectURL` are synchronous round trips to the
 * browser process, measured at ~4 ms per thumbnail on the renderer's main thread while scrolling
 * 10,000 images; a data: URL of a ~10 KB WebP costs nothing to make and nothing to release.
 */
export class ThumbnailCache {
  private entries = new Map<string, Entry>();
  private queue: string[] = [];
  private active = 0;

  constructor(
    private readonly load: Loader,
    private readonly capacity = 300,
    private readonly concurrency = 4,
  ) {}

  /** Subscribes to the thumbnail of `id` (null = it failed); returns the release function. */
  acquire(id: string, listener: Listener): () => void {
    let entry = this.entries.get(id);
    if (entry) {
      this.entries.delete(id); // re-insert: most recently used
    } else {
      entry = { state: 'queued', url: null, refs: 0, listeners: new Set() };
      this.queue.push(id);
    }
    this.entries.set(id, entry);
    entry.refs++;
    entry.listeners.add(listener);
    if (entry.state === 'ready') listener(entry.url);
    else if (entry.state === 'failed') listener(null);
    this.pump();
    const e = entry;
    return () => {
      e.refs--;
      e.listeners.delete(listener);
      if (e.refs === 0 && e.state === 'queued') {
        this.queue = this.queue.filter((q) => q !== id);
        this.entries.delete(id);
      }
      this.evict();
    };
  }

  /** Drops everything (the library is closing). */
  clear(): void {
    this.entries.clear();
    this.queue = [];
  }

  /** True when the thumbnail of `id` is at hand (no load needed). */
  has(id: string): boolean {
    return this.entries.get(id)?.state === 'ready';
  }

  get size(): number {
    return this.entries.size;
  }

  private pump(): void {
    while (this.active < this.concurrency && this.queue.length > 0) {
      const id = this.queue.pop()!;
      const entry = this.entries.get(id);
      if (!entry) continue;
      entry.state = 'loading';
      this.active++;
      void this.load(id)
        .then(
          (r) => this.settle(id, entry, `data:${r.mime};base64,${r.dataBase64}`),
          () => this.settle(id, entry, null),
        )
        .finally(() => {
          this.active--;
          this.pump();
        });
    }
  }

  private settle(id: string, entry: Entry, url: string | null): void {
    if (this.entries.get(id) !== entry) return; // cleared meanwhile
    entry.state = url ? 'ready' : 'failed';
    entry.url = url;
    for (const l of entry.listeners) l(url);
    this.evict();
  }

  private evict(): void {
    if (this.entries.size <= this.capacity) return;
    for (const [id, e] of this.entries) {
      if (this.entries.size <= this.capacity) break;
      if (e.refs > 0 || e.state === 'loading' || e.state === 'queued') continue;
      this.entries.delete(id);
    }
  }
}

export const ThumbnailContext = createContext<ThumbnailCache | null>(null);

/** A cell asks for a thumbnail only once it has stayed on screen this long (fast scrolling). */
export const THUMB_SETTLE_MS = 90;

/** The URL of an image's thumbnail while the calling cell is mounted. */
export function useThumbnail(id: string): { url: string | null; failed: boolean } {
  const cache = useContext(ThumbnailContext);
  const [state, setState] = useState<{ url: string | null; failed: boolean }>({
    url: null,
    failed: false,
  });
  useEffect(() => {
    if (!cache) return;
    setState({ url: null, failed: false });
    let release: (() => void) | undefined;
    const acquire = () => {
      release = cache.acquire(id, (url) => setState({ url, failed: url === null }));
    };
    const timer = cache.has(id) ? (acquire(), undefined) : setTimeout(acquire, THUMB_SETTLE_MS);
    return () => {
      clearTimeout(timer);
      release?.();
    };
  }, [cache, id]);
  return state;
}
