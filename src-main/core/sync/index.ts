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

/**
 * How long after a local change the desk pushes it. Short, because colleagues see a change as soon
 * as it is pushed (the server pokes their desks); the editor's autosave already coalesces typing.
 */
export const PUSH_DEBOUNCE_MS = 100;

/**
 * The push delay: COPYDESK_PUSH_DELAY_MS (whole milliseconds, 0 to 600000) where set, e.g. to
 * batch pushes on a slow link, else PUSH_DEBOUNCE_MS.
 */
export function pushDelayMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.COPYDESK_PUSH_DELAY_MS;
  if (raw === undefined || raw === '') return PUSH_DEBOUNCE_MS;
  const ms = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || ms > 600_000) {
    throw new Error(
      `COPYDESK_PUSH_DELAY_MS must be a whole number of milliseconds from 0 to 600000, not "${raw}".`,
    );
  }
  return ms;
}

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
    debounceMs: pushDelayMs(),
    ...opts.sync,
  });
}
