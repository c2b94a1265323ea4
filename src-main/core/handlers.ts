import type { MethodName } from '../../src-shared/api';
import { ApiError } from '../../src-shared/api';
import type { CoreContext, HandlerFor } from './context';
import { imageHandlers } from './handlers-images';
import { syncHandlers } from './handlers-sync';
import { scheduleHandlers } from './handlers-schedule';
import { reviewHandlers } from './handlers-review';
import { commentHandlers } from './handlers-comments';
import { dictionaryHandlers } from './handlers-dictionary';
import { appHandlers } from './handlers-app';
import { presenceHandlers } from './handlers-presence';

type Handlers = { [M in MethodName]: HandlerFor<M> };

function assertKnownSection(ctx: CoreContext, section: string | null | undefined): void {
  if (section == null) return;
  if (!ctx.sections.list().some((s) => s.slug === section)) {
    throw new ApiError(
      'invalid_input',
      `Unknown section "${section}". Choose one of: ${ctx.sections
        .list()
        .map((s) => s.slug)
        .join(', ')}.`,
    );
  }
}

/** One function per DesktopApi method. Inputs arrive validated; outputs are validated after. */
export const handlers: Handlers = {
  ...appHandlers,
  'store.health': (_i, ctx) => ctx.health(),
  'settings.get': (_i, ctx) => ctx.settings.get(),
  'settings.update': (input, ctx) => {
    const s = ctx.settings.update(input);
    ctx.emit({ type: 'settings.updated' });
    return s;
  },

  'articles.list': (input, ctx) => ctx.articles.list(input),
  'articles.search': (input, ctx) => ({ items: ctx.articles.search(input.query, input.limit) }),
  'articles.get': (input, ctx) => ctx.articles.get(input.id),
  'articles.create': (input, ctx) => {
    assertKnownSection(ctx, input.fields?.section);
    const a = ctx.articles.create(input);
    ctx.emit({ type: 'article.created', id: a.id, origin: 'local' });
    return a;
  },
  'articles.save': (input, ctx) => {
    assertKnownSection(ctx, input.fields?.section);
    const before = ctx.articles.revisionOf(input.id);
    const a = ctx.articles.save(input.id, {
      fields: input.fields,
      body: input.body,
      baseRevision: input.baseRevision,
    });
    if (a.revision !== before)
      ctx.emit({ type: 'article.updated', id: a.id, origin: 'local', revision: a.revision });
    return a;
  },
  'articles.delete': (input, ctx) => {
    ctx.articles.softDelete(input.id);
    ctx.emit({ type: 'article.deleted', id: input.id, origin: 'local' });
    return { ok: true as const };
  },
  'articles.restore': (input, ctx) => {
    const a = ctx.articles.restore(input.id);
    ctx.emit({ type: 'article.restored', id: a.id, origin: 'local' });
    return a;
  },

  'revisions.list': (input, ctx) => ({ items: ctx.articles.revisions(input.articleId) }),
  'revisions.get': (input, ctx) => ctx.articles.revision(input.id),
  'revisions.restore': (input, ctx) => {
    const { outcome: _outcome, ...a } = ctx.articles.restoreRevision(input.id);
    ctx.emit({ type: 'article.updated', id: a.id, origin: 'local', revision: a.revision });
    return a;
  },

  'sections.list': (_i, ctx) => ({ items: ctx.sections.list() }),
  'tags.list': (input, ctx) => ({ items: ctx.tags.list(input.prefix ?? '', input.limit) }),

  ...imageHandlers,
  ...syncHandlers,
  ...scheduleHandlers,
  ...reviewHandlers,
  ...commentHandlers,
  ...dictionaryHandlers,
  ...presenceHandlers,
};
