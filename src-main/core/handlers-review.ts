/**
 * Review methods: the desk chief's queue (articles in review, oldest first, with what their
 * checklist misses), an article's timeline (the server's history plus local pending steps), and
 * the record of accepted or rejected suggestions it shows.
 */
import type { ReviewQueueItem } from '../../src-shared/api';
import type { Submission } from '../../src-shared/timeline';
import { checkArticle } from '../../src-shared/checklist';
import { sortTimeline } from '../../src-shared/timeline';
import type { CoreContext, HandlerFor } from './context';
import { refusalsAsApiErrors } from './handler-writes';
import { pendingSteps } from './review/pending';
import { fetchTimeline } from './review/remote';
import { fetchSubmissions } from './review/submissions';

type ReviewMethod = 'articles.reviewQueue' | 'articles.timeline' | 'articles.recordSuggestions';

function creditLookup(ctx: CoreContext) {
  return (id: string) => {
    try {
      return ctx.images.get(id);
    } catch {
      return undefined;
    }
  };
}

export const reviewHandlers: { [M in ReviewMethod]: HandlerFor<M> } = {
  'articles.reviewQueue': async (input, ctx) => {
    const { items, total } = ctx.articles.list({
      status: 'in_review',
      offset: 0,
      limit: 500,
    });
    const status = ctx.sync.status();
    const me = status.user;
    const token = ctx.serverToken();
    const submissions =
      status.serverUrl && token && items.length > 0
        ? await fetchSubmissions(
            status.serverUrl,
            token,
            items.map((s) => s.id),
          )
        : new Map<string, Submission>();
    const lookup = creditLookup(ctx);
    const queue: ReviewQueueItem[] = items.map((s) => {
      const a = ctx.articles.get(s.id);
      const submitted = submissions.get(s.id);
      return {
        ...s,
        byline: a.byline,
        authorId: a.authorId,
        author:
          submitted?.user?.displayName ||
          submitted?.user?.username ||
          (me && a.authorId === me.id ? me.username : a.byline),
        submittedAt: submitted?.at ?? null,
        missing: checkArticle({ fields: a, body: a.body }, lookup).map(({ code, message }) => ({
          code,
          message,
        })),
      };
    });
    // Oldest first: the article waiting longest (by submission, else creation; ties by id, which
    // is time-ordered).
    const since = (q: ReviewQueueItem) => q.submittedAt ?? q.createdAt;
    queue.sort((x, y) =>
      since(x) === since(y) ? (x.id < y.id ? -1 : 1) : since(x) < since(y) ? -1 : 1,
    );
    return { items: queue.slice(0, input.limit), total };
  },

  'articles.timeline': async (input, ctx) => {
    ctx.articles.mustExist(input.id);
    const status = ctx.sync.status();
    const me = status.user ? { id: status.user.id, username: status.user.username } : null;
    const pending = pendingSteps(ctx.outbox.list(), input.id, me);
    const token = ctx.serverToken();
    if (!status.serverUrl || !token) {
      return {
        items: sortTimeline(pending),
        source: 'local' as const,
        message: 'Not signed in to a server.',
      };
    }
    const remote = await fetchTimeline(status.serverUrl, token, input.id);
    if (!remote.ok) {
      return { items: sortTimeline(pending), source: 'local' as const, message: remote.message };
    }
    return {
      items: sortTimeline([...remote.items, ...pending]),
      source: 'server' as const,
      message: null,
    };
  },

  'articles.recordSuggestions': (input, ctx) => {
    refusalsAsApiErrors(() => ctx.articles.recordSuggestions(input));
    return Promise.resolve({});
  },
};
