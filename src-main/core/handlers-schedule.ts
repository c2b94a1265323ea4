/**
 * articles.schedule / articles.setEmbargo: a desk chief's schedule and embargo, written through
 * the local writer (the shared mutation refuses a past time, an unapproved article or a time
 * before the embargo at once, nothing written), then pushed at once so the server's verdict
 * (it alone knows who may) comes back while the chief is still looking.
 */
import { ApiError } from '../../src-shared/api';
import type { Article } from '../../src-shared/model';
import type { CoreContext, HandlerFor } from './context';
import { LocalWriteRefused } from './store/local-writer';

type ScheduleMethod = 'articles.schedule' | 'articles.setEmbargo';

async function written(ctx: CoreContext, write: () => Article): Promise<Article> {
  let a: Article;
  try {
    a = write();
  } catch (e) {
    if (e instanceof LocalWriteRefused) {
      throw new ApiError(e.code, e.message, undefined, e.mutationCode);
    }
    throw e;
  }
  ctx.emit({ type: 'article.updated', id: a.id, origin: 'local', revision: a.revision });
  if (ctx.sync.signedIn()) await ctx.sync.syncNow();
  return ctx.articles.get(a.id);
}

export const scheduleHandlers: { [M in ScheduleMethod]: HandlerFor<M> } = {
  'articles.schedule': (input, ctx) =>
    written(ctx, () => ctx.articles.schedule(input.id, input.at)),
  'articles.setEmbargo': (input, ctx) =>
    written(ctx, () => ctx.articles.setEmbargo(input.id, input.until)),
};
