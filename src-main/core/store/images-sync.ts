/**
 * What the sync engine needs of images and blobs (docs/sync.md): server images recorded with
 * their metadata and a blob in state 'remote' until the bytes are first needed, and the
 * upload/download state of blobs. The rows are written by their owners: ImageRepository keeps
 * the `images` table, BlobRepository the `blobs` table. Nothing here writes the outbox: these
 * are server states.
 */
import type { BlobRepository, BlobUploadState } from './blobs';
import type { ImageRepository, SyncedImage } from './images';

export type { BlobUploadState } from './blobs';
export { UNKNOWN_REMOTE_SIZE, type SyncedImage } from './images';

export class SyncedImageRepository {
  constructor(
    private readonly images: ImageRepository,
    private readonly blobs: BlobRepository,
  ) {}

  /** Records a server image; see ImageRepository.putSynced. */
  putSynced(img: SyncedImage, serverVersion: number): 'created' | 'updated' | 'unchanged' {
    return this.images.putSynced(img, serverVersion);
  }

  blobState(sha256: string): BlobUploadState | null {
    return this.blobs.state(sha256);
  }

  /** Where a blob's bytes are in the profile (relative path), if this profile has a record. */
  blobPath(sha256: string): string | null {
    return this.blobs.path(sha256);
  }

  setBlobState(sha256: string, state: BlobUploadState): void {
    this.blobs.setState(sha256, state);
  }

  /** The bytes of a 'remote' blob arrived (hash verified): record their real size. */
  markDownloaded(sha256: string, size: number): void {
    this.blobs.markDownloaded(sha256, size);
    this.images.recordDownloadedSize(sha256, size);
  }
}
