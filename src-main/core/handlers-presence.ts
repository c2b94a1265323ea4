/** presence.open / presence.list: which article is open here, and where else (sync/live.ts). */
import type { HandlerFor } from './context';

type PresenceMethod = 'presence.open' | 'presence.list';

export const presenceHandlers: { [M in PresenceMethod]: HandlerFor<M> } = {
  'presence.open': ({ articleId }, ctx) => {
    ctx.live?.setOpenArticle(articleId);
    return { ok: true };
  },
  'presence.list': (_input, ctx) => ({ articles: ctx.live?.currentPresence() ?? [] }),
};
