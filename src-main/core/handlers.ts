import type { MethodName } from '../../src-shared/api';
import { ApiError } from '../../src-shared/api';
import { saveAnswerOf } from '../../src-shared/saveAnswer';
import { isBlankDraft } from '../../src-shared/blankDraft';
import type { CoreContext, HandlerFor } from './context';
import { LocalWriteRefused } from './store/local-writer';
import { imageHandlers } from './handlers-images';
import { syncHandlers } from './handlers-sync';
import { scheduleHandlers } from './handlers-schedule';
import { fieldSuggestionHandlers } from './handlers-fieldSuggestions';
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

/** The signed-in user's id (null: not signed in), what a filter's `mine` stands for. */
function myId(ctx: CoreContext): string | null {
  return ctx.sync.status().user?.id ?? null;
}

/**
 * Delete and restore are refused on the desk for a published article exactly as the server
 * refuses them, so the desk says it with the server's code (and its translated text).
 */
function trashRefusal<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof LocalWriteRefused && e.mutationCode === 'published') {
      throw new ApiError('conflict', e.message, undefined, 'published');
    }
    throw e;
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

  'articles.list': (input, ctx) => ctx.articles.list(input, input.mine ? myId(ctx) : null),
  'articles.search': (input, ctx) => ({
    items: ctx.articles.search(
      input.query,
      input.limit,
      input.filter,
      input.filter?.mine ? myId(ctx) : null,
    ),
  }),
  'articles.authors': (_input, ctx) => ({ items: ctx.articles.authors(ctx.sync.status().user) }),
  'articles.get': (input, ctx) => ctx.articles.get(input.id),
  'articles.create': (input, ctx) => {
    assertKnownSection(ctx, input.fields?.section);
    // Recorded as the signed-in user's at once (the server does the same), so "My drafts" has it.
    const a = ctx.articles.create({ ...input, authorId: myId(ctx) });
    ctx.emit({ type: 'article.created', id: a.id, origin: 'local' });
    return a;
  },
  'articles.save': (input, ctx) => {
    assertKnownSection(ctx, input.fields?.section);
    const before = ctx.articles.revisionOf(input.id);
    const { saved: a, bodyAsSent } = ctx.articles.saveReporting(input.id, {
      fields: input.fields,
      body: input.body,
      baseRevision: input.baseRevision,
    });
    // A save changes fields and body only: listeners of status or schedule need not reload.
    if (a.revision !== before)
      ctx.emit({
        type: 'article.updated',
        id: a.id,
        origin: 'local',
        revision: a.revision,
        contentOnly: true,
      });
    return saveAnswerOf(a, bodyAsSent);
  },
  'articles.delete': (input, ctx) => {
    trashRefusal(() => ctx.articles.softDelete(input.id, ctx.sync.status().user?.username ?? null));
    ctx.emit({ type: 'article.deleted', id: input.id, origin: 'local' });
    return { ok: true as const };
  },
  'articles.dropIfBlank': (input, ctx) => {
    const a = ctx.articles.get(input.id);
    if (!isBlankDraft(a)) return { dropped: false };
    ctx.articles.softDelete(a.id, ctx.sync.status().user?.username ?? null);
    ctx.emit({ type: 'article.deleted', id: a.id, origin: 'local' });
    return { dropped: true };
  },
  'articles.restore': (input, ctx) => {
    const a = trashRefusal(() => ctx.articles.restore(input.id));
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
  ...fieldSuggestionHandlers,
  ...reviewHandlers,
  ...commentHandlers,
  ...dictionaryHandlers,
  ...presenceHandlers,
};
