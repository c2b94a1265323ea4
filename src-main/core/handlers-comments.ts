/**
 * Review comments and author notices: comments are written locally with their
 * `comment.add` outbox row and synced; notices are recorded by the sync engine after a pull and
 * kept until dismissed.
 */
import { ApiError } from '../../src-shared/api';
import type { Role } from '../../src-shared/model';
import { blockIdsOf } from '../../src-shared/richtext/blockIdsJson';
import { mayReadComments } from '../../src-shared/workflow';
import type { HandlerFor } from './context';

type CommentMethod = 'comments.list' | 'comments.add' | 'notices.list' | 'notices.dismiss';

export const commentHandlers: { [M in CommentMethod]: HandlerFor<M> } = {
  'comments.list': (input, ctx) => {
    ctx.articles.mustExist(input.articleId); // not found → a clear error
    return { items: ctx.comments.list(input.articleId) };
  },

  'comments.add': (input, ctx) => {
    const a = ctx.articles.get(input.articleId);
    const me = ctx.sync.status().user;
    // The server decides; this only spares a change it would refuse.
    if (me && !mayReadComments(a, { id: me.id, role: me.role as Role })) {
      throw new ApiError(
        'unauthorized',
        'Only the author, the assignee or a desk chief may comment on this article.',
      );
    }
    const blockId = input.blockId ?? null;
    if (blockId !== null && !blockIdsOf(a.body).some((b) => b.id === blockId)) {
      throw new ApiError(
        'invalid_input',
        `The article has no paragraph "${blockId}" to anchor to.`,
      );
    }
    const c = ctx.comments.add({
      articleId: a.id,
      text: input.text,
      blockId,
      authorId: me?.id ?? null,
      at: new Date().toISOString(),
    });
    ctx.emit({ type: 'comments.updated', articleId: a.id, origin: 'local' });
    return c;
  },

  'notices.list': (_input, ctx) => ({ items: ctx.notices.list() }),

  'notices.dismiss': (input, ctx) => {
    if (!ctx.notices.get(input.id))
      throw new ApiError('not_found', `There is no notice ${input.id}.`);
    ctx.notices.dismiss(input.id, new Date().toISOString());
    return { ok: true as const };
  },
};
