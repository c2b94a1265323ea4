/**
 * What every DesktopApi handler gets: the repositories, the sync engine and the core's facts.
 * Built once by the composition root (./compose.ts); the handler modules import only this type,
 * so they never import each other.
 */
import type { z } from 'zod';
import type {
  AppInfo,
  CoreEvent,
  DesktopApiSpec,
  MethodName,
  MethodOutput,
  StoreHealth,
} from '../../src-shared/api';
import type { BlobStore } from './media/blob-store';
import type { ArticleRepository } from './store/articles';
import type { CommentRepository } from './store/comments';
import type { DictionaryRepository } from './store/dictionary';
import type { ImageRepository } from './store/images';
import type { NoticeRepository } from './store/notices';
import type { OutboxRepository } from './store/outbox';
import type { SectionRepository } from './store/sections';
import type { SettingsRepository } from './store/settings';
import type { TagRepository } from './store/tags';
import type { ConflictRepository } from './sync/conflicts';
import type { SyncEngine } from './sync/engine';
import type { LiveLink } from './sync/live';
import type { DeskLog } from './log/desk-log';

export interface CoreContext {
  articles: ArticleRepository;
  settings: SettingsRepository;
  sections: SectionRepository;
  tags: TagRepository;
  images: ImageRepository;
  comments: CommentRepository;
  dictionary: DictionaryRepository;
  notices: NoticeRepository;
  conflicts: ConflictRepository;
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
