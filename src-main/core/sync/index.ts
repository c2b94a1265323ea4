/** Builds the sync engine for a core host (the CLI syncs only when told to). */
import type { CoreEvent } from '../../../src-shared/api';
import { BlobStore } from '../media/blob-store';
import { ArticleRepository } from '../store/articles';
import type { Db } from '../store/db';
import { SyncedImageRepository } from '../store/images-sync';
import type { CoreOptions } from '../types';
import { SyncEngine } from './engine';
import { FileTokenStore } from './tokens';

export { SyncEngine } from './engine';
export type { TokenStore } from './tokens';

export function openSyncEngine(
  opts: CoreOptions,
  db: Db,
  dbPath: string,
  emit: (e: CoreEvent) => void,
): SyncEngine {
  const blobs = new BlobStore(opts.profileDir);
  const blobPath = db.prepare('SELECT path FROM blobs WHERE sha256 = ?');
  return new SyncEngine({
    db,
    dbPath,
    articles: new ArticleRepository(db),
    images: new SyncedImageRepository(db),
    tokens: opts.tokenStore ?? new FileTokenStore(opts.profileDir),
    ...(opts.log ? { log: opts.log } : {}),
    emit,
    readBlob: (sha) => {
      const row = blobPath.get(sha) as { path: string } | undefined;
      return row ? blobs.read(row.path) : null;
    },
    auto: opts.host !== 'cli',
    ...opts.sync,
  });
}
