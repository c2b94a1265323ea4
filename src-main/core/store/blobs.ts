/**
 * The `blobs` table and its one writer: which image bytes this profile has (by sha256), where
 * they are on disk, and their upload state. An imported file starts 'pending' (to upload); a blob
 * known only from the server starts 'remote' (bytes fetched when first needed).
 */
import type { Db } from './db';
import { lazyStatements } from './statements';

export type BlobUploadState = 'pending' | 'inflight' | 'uploaded' | 'remote';

export class BlobRepository {
  private readonly s;

  constructor(db: Db) {
    this.s = lazyStatements(db, {
      insert: `INSERT INTO blobs (sha256, path, size, upload_state, created_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (sha256) DO NOTHING`,
      state: 'SELECT upload_state FROM blobs WHERE sha256 = ?',
      path: 'SELECT path FROM blobs WHERE sha256 = ?',
      setState: 'UPDATE blobs SET upload_state = ? WHERE sha256 = ?',
      downloaded: "UPDATE blobs SET size = ?, upload_state = 'uploaded' WHERE sha256 = ?",
      onDisk: `UPDATE blobs SET size = ?, upload_state = CASE upload_state WHEN 'remote' THEN 'uploaded'
                 ELSE upload_state END WHERE sha256 = ?`,
    });
  }

  /** Records bytes imported here (to upload); a blob already recorded is kept as it is. */
  recordImported(sha256: string, path: string, size: number, at: string): void {
    this.s.insert.run(sha256, path, size, 'pending', at);
  }

  /** Records a blob known from the server (bytes not here yet); a known one is kept. */
  recordRemote(sha256: string, path: string, size: number, at: string): void {
    this.s.insert.run(sha256, path, size, 'remote', at);
  }

  state(sha256: string): BlobUploadState | null {
    return (
      (this.s.state.get(sha256) as { upload_state: BlobUploadState } | undefined)?.upload_state ??
      null
    );
  }

  /** Where a blob's bytes are in the profile (relative path), if this profile has a record. */
  path(sha256: string): string | null {
    return (this.s.path.get(sha256) as { path: string } | undefined)?.path ?? null;
  }

  setState(sha256: string, state: BlobUploadState): void {
    this.s.setState.run(state, sha256);
  }

  /** The bytes of a 'remote' blob arrived (hash verified): record their real size. */
  markDownloaded(sha256: string, size: number): void {
    this.s.downloaded.run(size, sha256);
  }

  /** The bytes are on disk again (imported once more): their real size; 'remote' is now here. */
  markOnDisk(sha256: string, size: number): void {
    this.s.onDisk.run(size, sha256);
  }
}
