/**
 * Starts loading the article named in the URL (`#article=<id>`) while the app itself boots
 * (settings, translations, first render), so opening a deep link costs one round trip less.
 * `loadArticle` hands out that request once, then fetches normally.
 */
import type { Article } from '../../src-shared/model';
import { api } from '../api/transport';

const early = new Map<string, Promise<Article>>();

const m = /^#article=([0-9a-f-]{36})$/i.exec(globalThis.location?.hash ?? '');
if (m) {
  const request = api['articles.get']({ id: m[1]! });
  request.catch(() => undefined); // reported when the editor asks for it
  early.set(m[1]!, request);
}

export function loadArticle(id: string): Promise<Article> {
  const request = early.get(id);
  early.delete(id);
  return request ?? api['articles.get']({ id });
}
