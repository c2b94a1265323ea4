/**
 * Schedule, take back and embargo from the queue and the editor. The core writes locally, pushes
 * at once and answers with the article as it stands after the server's verdict; a refusal the
 * desk sees at once (in the past, before the embargo) is an error, translated here.
 */
import type { TFunction } from 'i18next';
import type { Article } from '../../src-shared/model';
import { api } from '../api/transport';
import { errorText } from '../i18n/errors';

export type Outcome = { ok: true; article: Article } | { ok: false; text: string };

async function attempt(t: TFunction, call: () => Promise<Article>): Promise<Outcome> {
  try {
    return { ok: true, article: await call() };
  } catch (e) {
    return { ok: false, text: errorText(t, e) };
  }
}

export const scheduleAt = (t: TFunction, id: string, at: string | null) =>
  attempt(t, () => api['articles.schedule']({ id, at }));

export const embargoUntil = (t: TFunction, id: string, until: string | null) =>
  attempt(t, () => api['articles.setEmbargo']({ id, until }));
