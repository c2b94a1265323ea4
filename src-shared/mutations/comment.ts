/** Review comments on an article (optionally anchored to a body block). */
import { z } from 'zod';
import { CommentText, Id } from '../model';
import { mayReadComments } from '../workflow';
import { fail, noop, type CommentState, type MutationDef } from './types';
import { lazySchema } from '../lazySchema';

export const CommentAddArgs = lazySchema(() =>
  z.strictObject({
    id: Id,
    articleId: Id,
    text: CommentText,
    blockId: z.string().max(100).nullable().default(null),
  }),
);
export type CommentAddArgs = z.infer<typeof CommentAddArgs>;

function notFound(articleId: string) {
  return fail('not_found', `There is no article ${articleId}.`);
}

export const commentAdd: MutationDef<CommentAddArgs, CommentState> = {
  name: 'comment.add',
  entity: 'comment',
  args: CommentAddArgs,
  description:
    'Adds a review comment to an article whose comments the user may read (author, assignee, desk chiefs; idempotent by id).',
  entityId: (a) => a.id,
  serverOnly: () => false,
  prefetch: (a) => ({ articleIds: [a.articleId] }),
  // An article the user may not read the comments of is, to them, no article at all.
  authorize(state, args, actor, ctx) {
    if (state) return null;
    const article = ctx.getArticle(args.articleId);
    return article && !mayReadComments(article, actor) ? notFound(args.articleId) : null;
  },
  apply(state, args, ctx) {
    if (state) {
      return state.authorId === ctx.authorId
        ? noop(state)
        : fail('exists', 'A comment with this id already exists.');
    }
    const article = ctx.getArticle(args.articleId);
    if (!article) return notFound(args.articleId);
    if (article.deletedAt !== null) return fail('deleted', 'The article is deleted.');
    return {
      ok: true,
      outcome: 'applied',
      state: {
        id: args.id,
        articleId: args.articleId,
        authorId: ctx.authorId,
        blockId: args.blockId,
        text: args.text,
        createdAt: ctx.now,
        version: ctx.version,
      },
      changed: ['*'],
      conflicts: [],
      bodyWritten: false,
    };
  },
};
