import type { MethodName, MethodOutput, DesktopApiSpec, StoreHealth } from '../../src-shared/api';
import { ApiError } from '../../src-shared/api';
import type { z } from 'zod';
import type { ArticleRepository } from './store/articles';
import type { SettingsRepository } from './store/settings';
import type { SectionRepository } from './store/sections';
import type { TagRepository } from './store/tags';
import type { ImageRepository } from './store/images';
import type { BlobStore } from './media/blob-store';
import { imageHandlers } from './handlers-images';
import { syncHandlers } from './handlers-sync';
import { reviewHandlers } from './handlers-review';
import { commentHandlers } from './handlers-comments';
import { appHandlers } from './handlers-app';
import type { DeskLog } from './log/desk-log';
import { presenceHandlers } from './handlers-presence';
import type { LiveLink } from './sync/live';
import type { OutboxRepository } from './store/outbox';
import type { SyncEngine } from './sync/engine';
import type { CoreEvent } from '../../src-shared/api';
import type { AppInfo } from '../../src-shared/api';

export interface CoreContext {
  articles: ArticleRepository;
  settings: SettingsRepository;
  sections: SectionRepository;
  tags: TagRepository;
  images: ImageRepository;
  blobs: BlobStore;
  sync: SyncEngine;
  /** The live socket (pokes, presence); null where the core syncs only when told (the CLI). */
  live: LiveLink | null;
  /** Read-only use by the timeline (pending local steps). */
  outbox: OutboxRepository;
  /** The sign-in token for server reads outside sync (the timeline); null when signed out. */
  serverToken(): string | null;
  info: AppInfo;
  health(): StoreHealth;
  log: DeskLog;
  /** Opens a folder in the system's file manager, where the host can (browser mode, Electron). */
  openFolder?: (path: string) => Promise<boolean>;
  emit(event: CoreEvent): void;
}

/** One method's handler; long-running ones (image import) may answer asynchronously. */
export type HandlerFor<M extends MethodName> = (
  input: z.output<DesktopApiSpec[M]['input']>,
  ctx: CoreContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

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
    ctx.emit({ type: 'article.created', id: a.id });
    return a;
  },
  'articles.save': (input, ctx) => {
    assertKnownSection(ctx, input.fields?.section);
    const before = ctx.articles.get(input.id).revision;
    const a = ctx.articles.save(input.id, {
      fields: input.fields,
      body: input.body,
      baseRevision: input.baseRevision,
    });
    if (a.revision !== before) ctx.emit({ type: 'article.updated', id: a.id });
    return a;
  },
  'articles.delete': (input, ctx) => {
    ctx.articles.softDelete(input.id);
    ctx.emit({ type: 'article.deleted', id: input.id });
    return { ok: true as const };
  },
  'articles.restore': (input, ctx) => {
    const a = ctx.articles.restore(input.id);
    ctx.emit({ type: 'article.restored', id: a.id });
    return a;
  },

  'revisions.list': (input, ctx) => ({ items: ctx.articles.revisions(input.articleId) }),
  'revisions.get': (input, ctx) => ctx.articles.revision(input.id),
  'revisions.restore': (input, ctx) => {
    const a = ctx.articles.restoreRevision(input.id);
    ctx.emit({ type: 'article.updated', id: a.id });
    return a;
  },

  'sections.list': (_i, ctx) => ({ items: ctx.sections.list() }),
  'tags.list': (input, ctx) => ({ items: ctx.tags.list(input.prefix ?? '', input.limit) }),

  ...imageHandlers,
  ...syncHandlers,
  ...reviewHandlers,
  ...commentHandlers,
  ...presenceHandlers,
};
