/**
 * What the handlers that write through the local writer share: a refused write (nothing was
 * written) becomes the ApiError the renderer translates, and a written article is announced as
 * a local change.
 */
import { ApiError } from '../../src-shared/api';
import type { Article } from '../../src-shared/model';
import type { CoreContext } from './context';
import { LocalWriteRefused } from './store/local-writer';

/** Runs `write`; a refusal is thrown as an ApiError with the mutation's code. */
export function refusalsAsApiErrors<T>(write: () => T): T {
  try {
    return write();
  } catch (e) {
    if (e instanceof LocalWriteRefused) {
      throw new ApiError(e.code, e.message, undefined, e.mutationCode);
    }
    throw e;
  }
}

/** Writes an article and announces it (`article.updated`, origin local). */
export function writtenArticle(ctx: CoreContext, write: () => Article): Article {
  const a = refusalsAsApiErrors(write);
  ctx.emit({ type: 'article.updated', id: a.id, origin: 'local', revision: a.revision });
  return a;
}
