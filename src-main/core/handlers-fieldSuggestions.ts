/**
 * articles.suggestField / articles.resolveFieldSuggestion / articles.reopenFieldSuggestion (undo
 * of a decision): suggestions on kicker, headline and teaser, written through the local writer (bad input or an unknown suggestion is refused before
 * anything is written) and synced like any other change.
 */
import { ApiError } from '../../src-shared/api';
import type { HandlerFor } from './context';
import { writtenArticle } from './handler-writes';

type FieldSuggestionMethod =
  'articles.suggestField' | 'articles.resolveFieldSuggestion' | 'articles.reopenFieldSuggestion';

const written = writtenArticle;

export const fieldSuggestionHandlers: { [M in FieldSuggestionMethod]: HandlerFor<M> } = {
  'articles.suggestField': (input, ctx) => {
    // A suggestion names its author; the desk knows who that is only once someone signed in.
    const author = ctx.sync.status().user?.username;
    if (!author) {
      throw new ApiError('unauthorized', 'Sign in to make suggestions: they carry your name.');
    }
    return written(ctx, () =>
      ctx.articles.suggestField(input.id, { field: input.field, value: input.value, author }),
    );
  },
  'articles.resolveFieldSuggestion': (input, ctx) =>
    written(ctx, () =>
      ctx.articles.resolveFieldSuggestion(input.id, input.suggestionId, input.action),
    ),
  'articles.reopenFieldSuggestion': (input, ctx) =>
    written(ctx, () => ctx.articles.reopenFieldSuggestion(input)),
};
