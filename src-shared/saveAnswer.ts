/**
 * What `articles.save` answers. A body the core stored exactly as sent is not sent back (a long
 * article's body is half a megabyte, and the caller has it): the answer then says
 * `bodyStored: 'as-sent'` and the DesktopApi client puts the sent body back, so callers always
 * see a whole SavedArticle.
 */
import { z } from 'zod';
import { Article, type BodyJson } from './model';
import { lazySchema } from './lazySchema';

/**
 * What a save did: `applied` — stored as sent; `merged` — sync had changed the body since the
 * editor's base revision and the core merged both (the stored body differs from the one sent);
 * `conflict` — merged, and some regions changed on both sides keep the synced text, with the
 * sent text kept as a conflict to decide on.
 */
export const SaveOutcome = lazySchema(() => z.enum(['applied', 'merged', 'conflict']));
export type SaveOutcome = z.infer<typeof SaveOutcome>;
export const SavedArticle = lazySchema(() => Article.extend({ outcome: SaveOutcome }));
export type SavedArticle = z.infer<typeof SavedArticle>;

/** The answer on the wire: the whole article, or all but the body the caller sent. */
export const SaveAnswer = lazySchema(() =>
  z.union([
    SavedArticle,
    SavedArticle.omit({ body: true }).extend({ bodyStored: z.literal('as-sent') }),
  ]),
);
export type SaveAnswer = z.infer<typeof SaveAnswer>;

/** The core's answer: without the body when the stored body is the one that was sent. */
export function saveAnswerOf(saved: SavedArticle, bodyAsSent: boolean): SaveAnswer {
  if (!bodyAsSent) return saved;
  const { body: _body, ...rest } = saved;
  return { ...rest, bodyStored: 'as-sent' };
}

/**
 * The caller's view of an answer: the sent body put back where the core left it out; null when
 * the answer says "as sent" to a save that sent no body (a broken answer).
 */
export function savedArticleOf(
  answer: SaveAnswer,
  sent: { body?: BodyJson | undefined },
): SavedArticle | null {
  if (!('bodyStored' in answer)) return answer;
  if (sent.body === undefined) return null;
  const { bodyStored: _stored, ...rest } = answer;
  return { ...rest, body: sent.body };
}
