/**
 * articles.schedule / articles.setEmbargo: a desk chief's schedule and embargo, written through
 * the local writer (the shared mutation refuses a past time, an unapproved article or a time
 * before the embargo at once, nothing written), then pushed at once so the server's verdict
 * (it alone knows who may) comes back while the chief is still looking.
 */
import type { Article } from '../../src-shared/model';
import type { CoreContext, HandlerFor } from './context';
import { writtenArticle } from './handler-writes';

type ScheduleMethod = 'articles.schedule' | 'articles.setEmbargo';

async function written(ctx: CoreContext, write: () => Article): Promise<Article> {
  const a = writtenArticle(ctx, write);
  if (ctx.sync.signedIn()) await ctx.sync.syncNow();
  return ctx.articles.get(a.id);
}

export const scheduleHandlers: { [M in ScheduleMethod]: HandlerFor<M> } = {
  'articles.schedule': (input, ctx) =>
    written(ctx, () => ctx.articles.schedule(input.id, input.at)),
  'articles.setEmbargo': (input, ctx) =>
    written(ctx, () => ctx.articles.setEmbargo(input.id, input.until)),
};
