import { describe, expect, it } from 'vitest';
import { ThumbnailCache } from './thumbnails';

/** A loader whose answers the test releases by hand, recording the order of requests. */
function manualLoader() {
  const requested: string[] = [];
  const pending = new Map<string, (ok: boolean) => void>();
  const load = (id: string) =>
    new Promise<{ mime: string; dataBase64: string }>((resolve, reject) => {
      requested.push(id);
      pending.set(id, (ok) =>
        ok ? resolve({ mime: 'image/webp', dataBase64: btoa(id) }) : reject(new Error(id)),
      );
    });
  const answer = async (id: string, ok = true) => {
    pending.get(id)!(ok);
    pending.delete(id);
    await new Promise((r) => setTimeout(r, 0));
  };
  return { load, requested, answer };
}

describe('ThumbnailCache', () => {
  it('loads newest requests first, a few at a time, and skips cells that left before their turn', async () => {
    const l = manualLoader();
    const cache = new ThumbnailCache(l.load, 10, 2);
    const urls: Record<string, string | null> = {};
    const release: Record<string, () => void> = {};
    for (const id of ['a', 'b', 'c', 'd', 'e'])
      release[id] = cache.acquire(id, (u) => (urls[id] = u));
    // 'a' and 'b' started at once (the pool was free); the rest wait, newest first.
    expect(l.requested).toEqual(['a', 'b']);
    release.d!(); // scrolled away before its turn: never loaded
    await l.answer('a');
    expect(urls.a).toBe(`data:image/webp;base64,${btoa('a')}`);
    expect(l.requested).toEqual(['a', 'b', 'e']);
    await l.answer('b', false);
    expect(urls.b).toBeNull();
    expect(l.requested).toEqual(['a', 'b', 'e', 'c']);
    expect(cache.has('d')).toBe(false);
  });

  it('answers a second cell from the cache and evicts only entries nobody shows', async () => {
    const l = manualLoader();
    const cache = new ThumbnailCache(l.load, 2, 4);
    const releaseA = cache.acquire('a', () => undefined);
    const releaseB = cache.acquire('b', () => undefined);
    await l.answer('a');
    await l.answer('b');
    let second: string | null = null;
    const releaseA2 = cache.acquire('a', (u) => (second = u));
    expect(second).toBe(`data:image/webp;base64,${btoa('a')}`);
    expect(l.requested).toEqual(['a', 'b']);

    releaseB();
    const releaseC = cache.acquire('c', () => undefined);
    await l.answer('c');
    // Capacity 2: 'b' (unused, least recent) goes; 'a' is still shown and stays.
    expect(cache.has('b')).toBe(false);
    expect(cache.has('a')).toBe(true);
    expect(cache.has('c')).toBe(true);
    releaseA();
    releaseA2();
    releaseC();
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('drops an answer that arrives after the cache was cleared', async () => {
    const l = manualLoader();
    const cache = new ThumbnailCache(l.load, 10, 1);
    const seen: (string | null)[] = [];
    cache.acquire('a', (u) => seen.push(u));
    cache.clear();
    await l.answer('a');
    expect(seen).toEqual([]);
    expect(cache.has('a')).toBe(false);
  });
});
