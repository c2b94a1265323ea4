/** Review comments on an article (optionally anchored to a body block). */
import { z } from 'zod';
import { CommentText, Id } from '../model';
import { mayReadComments } from '../workflow';
import { fail, noop, type CommentState, type MutationDef } from './types';

export const CommentAddArgs = z.strictObject({
  id: Id,
  articleId: Id,
  text: CommentText,
  blockId: z.string().max(100).nullable().default(null),
});
export type CommentAddArgs = z.infer<typeof CommentAddArgs>;

export const commentAdd: MutationDef<CommentAddArgs, CommentState> = {
  name: 'comment.add',
  entity: 'comment',
  args: CommentAddArgs,
  description:
    'Adds a review comment to an article whose comments the user may read (author, assignee, desk chiefs; idempotent by id).',
  entityId: (a) => a.id,
  serverOnly: () => false,
  prefetch: (a) => ({ articleIds: [a.articleId] }),
  apply(state, args, ctx) {
    if (state) {
      return state.authorId === ctx.actor.id
        ? noop(state)
        : fail('exists', 'A comment with this id already exists.');
    }
    const article = ctx.getArticle(args.articleId);
    if (!article || !mayReadComments(article, ctx.actor)) {
      return fail('not_found', `There is no article ${args.articleId}.`);
    }
    if (article.deletedAt !== null) return fail('deleted', 'The article is deleted.');
    return {
      ok: true,
      outcome: 'applied',
      state: {
        id: args.id,
        articleId: args.articleId,
        authorId: ctx.actor.id,
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
