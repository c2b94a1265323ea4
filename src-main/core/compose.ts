/**
 * The composition root: builds everything the core is made of, once — the repositories (one per
 * table), the blob store, the token store and the sync engine — and hands them to the handlers
 * as one CoreContext. Nothing else in the core constructs a repository.
 */
import type { CoreEvent, StoreHealth } from '../../src-shared/api';
import type { CoreContext } from './context';
import { BlobStore } from './media/blob-store';
import { ArticleRepository } from './store/articles';
import { BlobRepository } from './store/blobs';
import { CommentRepository } from './store/comments';
import { DictionaryRepository } from './store/dictionary';
import type { OpenedStore } from './store/db';
import { ImageRepository } from './store/images';
import { LocalWriter } from './store/local-writer';
import { SyncedImageRepository } from './store/images-sync';
import { NoticeRepository } from './store/notices';
import { OutboxRepository } from './store/outbox';
import { SectionRepository } from './store/sections';
import { SettingsRepository } from './store/settings';
import { TagRepository } from './store/tags';
import { ConflictRepository } from './sync/conflicts';
import { SyncEngine } from './sync/engine';
import { refreshConflictFlag } from './sync/resolve';
import { FileTokenStore } from './sync/tokens';
import type { CoreOptions } from './types';
import { APP_VERSION } from '../../src-shared/version';
import { logFolder, silentLog } from './log/desk-log';
import { pushDelayMs } from './sync/push-delay';

export function composeCore(
  opts: CoreOptions,
  store: OpenedStore,
  emit: (event: CoreEvent) => void,
  health: () => StoreHealth,
): CoreContext {
  const db = store.db;
  const now = () => new Date().toISOString();
  const tokens = opts.tokenStore ?? new FileTokenStore(opts.profileDir);
  const blobs = new BlobStore(opts.profileDir);
  const outbox = new OutboxRepository(db);
  // The desk's one write path: the repositories below register how they keep their states.
  const writer = new LocalWriter(db, outbox, now);
  const conflicts = new ConflictRepository(db);
  const articles: ArticleRepository = new ArticleRepository(db, {
    writer,
    // A save that had to merge with a synced change keeps the clashing regions as conflicts.
    onBodyConflict: (id, region) => {
      conflicts.addLocalBody(id, region, now());
      refreshConflictFlag({ articles, conflicts }, id);
    },
    // Read at each revision, so sync (built below) exists by then.
    currentUser: () => sync.username(),
  });
  const blobRecords = new BlobRepository(db);
  const images = new ImageRepository(db, { outbox, writer, blobs: blobRecords, conflicts, now });
  const comments = new CommentRepository(db, writer);
  const dictionary = new DictionaryRepository(db, writer);
  const notices = new NoticeRepository(db);
  const syncedImages = new SyncedImageRepository(images, blobRecords);
  const sync = new SyncEngine({
    db,
    dbPath: store.path,
    articles,
    images: syncedImages,
    outbox,
    conflicts,
    comments,
    dictionary,
    notices,
    tokens,
    emit,
    readBlob: (sha) => {
      const path = syncedImages.blobPath(sha);
      return path ? blobs.read(path) : null;
    },
    auto: opts.host !== 'cli',
    debounceMs: pushDelayMs(),
    ...(opts.log ? { log: opts.log } : {}),
    ...opts.sync,
  });
  return {
    articles,
    settings: new SettingsRepository(db),
    sections: new SectionRepository(db),
    tags: new TagRepository(db),
    images,
    comments,
    dictionary,
    notices,
    conflicts,
    blobs,
    sync,
    live: null,
    outbox,
    serverToken: () => tokens.load(),
    info: {
      version: APP_VERSION,
      profileDir: opts.profileDir,
      databasePath: store.path,
      host: opts.host,
      schemaVersion: store.schemaVersion,
      logFolder: logFolder(opts.profileDir),
      ...(opts.testHooks ? { testHooks: true } : {}),
    },
    health,
    log: opts.log ?? silentLog,
    ...(opts.openFolder ? { openFolder: opts.openFolder } : {}),
    emit,
  };
}
