/**
 * Starts loading the article named in the URL (`#article=<id>`) while the app itself boots
 * (settings, translations), so opening a deep link costs one round trip less. `loadArticle`
 * hands out that request once, then fetches normally. The app's first render waits for that
 * answer (`startArticle`, at most START_ARTICLE_WAIT_MS) and the editor takes it synchronously
 * (`arrivedArticle`), so the body is rendered in the app's first render, without a "loading"
 * pass in between.
 */
import type { Article } from '../../src-shared/model';
import { api } from '../api/transport';
import { articleIdOfHash } from '../state/ui';

/** Longest wait for the early answer before the app renders without it (see `startArticle`). */
export const START_ARTICLE_WAIT_MS = 1000;

export interface ArticlePrefetch {
  loadArticle: (id: string) => Promise<Article>;
  /**
   * The early answer for `id` if it has arrived (validated, like every answer) and was not
   * handed out yet; it stays until `forgetEarlyArticle`, so a render that runs twice gets it
   * twice. Otherwise null.
   */
  arrivedArticle: (id: string) => Article | null;
  /** The editor took the early answer: a later opening of the article asks the core again. */
  forgetEarlyArticle: (id: string) => void;
  /**
   * Resolves once the early answer has arrived or failed, after `maxMs` at most (a slow core
   * must not keep the window empty: the editor then shows "loading" and takes the answer when
   * it comes). Never rejects; resolves at once without an early request.
   */
  startArticle: (maxMs?: number) => Promise<void>;
}

export function articlePrefetch(
  startId: string | null,
  get: (id: string) => Promise<Article>,
): ArticlePrefetch {
  const early = new Map<string, Promise<Article>>();
  const arrived = new Map<string, Article>();
  if (startId) {
    const request = get(startId);
    // A failure is reported when the editor asks for it (loadArticle).
    request.then(
      (article) => {
        if (early.has(startId)) arrived.set(startId, article);
      },
      () => undefined,
    );
    early.set(startId, request);
  }
  const forgetEarlyArticle = (id: string) => {
    early.delete(id);
    arrived.delete(id);
  };
  return {
    loadArticle: (id) => {
      const request = early.get(id);
      forgetEarlyArticle(id);
      return request ?? get(id);
    },
    arrivedArticle: (id) => arrived.get(id) ?? null,
    forgetEarlyArticle,
    startArticle: (maxMs = START_ARTICLE_WAIT_MS) => {
      const request = startId ? early.get(startId) : undefined;
      if (!request) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, maxMs);
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        request.then(done, done);
      });
    },
  };
}

export const { loadArticle, arrivedArticle, forgetEarlyArticle, startArticle } = articlePrefetch(
  articleIdOfHash(globalThis.location?.hash ?? ''),
  (id) => api['articles.get']({ id }),
);
