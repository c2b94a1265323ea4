import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src-shared/model';
import { articlePrefetch } from './prefetch';

// The module's own instance talks to the core; these tests make their own instances.
vi.mock('../api/transport', () => ({ api: {} }));

const ID = '0190b6f0-0000-7000-8000-000000000001';
const article = { id: ID, slug: 'a' } as unknown as Article;

function deferred() {
  let resolve!: (a: Article) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<Article>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('articlePrefetch', () => {
  it('asks for the start article at once and hands it out synchronously once it arrived', async () => {
    const answer = deferred();
    const get = vi.fn(() => answer.promise);
    const p = articlePrefetch(ID, get);
    expect(get).toHaveBeenCalledWith(ID);
    expect(p.arrivedArticle(ID)).toBeNull();
    answer.resolve(article);
    await p.startArticle();
    expect(p.arrivedArticle(ID)).toBe(article);
    expect(p.arrivedArticle(ID)).toBe(article); // a second render gets it too
    p.forgetEarlyArticle(ID);
    expect(p.arrivedArticle(ID)).toBeNull();
    // Opened again later: a new request, not the early answer.
    await p.loadArticle(ID);
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('loadArticle takes the early request once, then asks again', async () => {
    const get = vi.fn(() => Promise.resolve(article));
    const p = articlePrefetch(ID, get);
    expect(await p.loadArticle(ID)).toBe(article);
    expect(get).toHaveBeenCalledTimes(1);
    expect(p.arrivedArticle(ID)).toBeNull();
    await p.loadArticle(ID);
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('startArticle does not wait longer than its limit for a slow answer', async () => {
    vi.useFakeTimers();
    const answer = deferred();
    const p = articlePrefetch(ID, () => answer.promise);
    let started = false;
    void p.startArticle(1000).then(() => (started = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(started).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toBe(true);
    expect(p.arrivedArticle(ID)).toBeNull();
    // The answer that comes later still reaches the editor through loadArticle.
    answer.resolve(article);
    expect(await p.loadArticle(ID)).toBe(article);
  });

  it('a failed early answer ends the wait, is not handed out and is reported by loadArticle', async () => {
    const answer = deferred();
    const p = articlePrefetch(ID, () => answer.promise);
    answer.reject(new Error('Article not found'));
    await p.startArticle();
    expect(p.arrivedArticle(ID)).toBeNull();
    await expect(p.loadArticle(ID)).rejects.toThrow('Article not found');
  });

  it('without an article in the link nothing is asked and nothing waits', async () => {
    const get = vi.fn(() => Promise.resolve(article));
    const p = articlePrefetch(null, get);
    await p.startArticle();
    expect(get).not.toHaveBeenCalled();
    expect(p.arrivedArticle(ID)).toBeNull();
  });
});
