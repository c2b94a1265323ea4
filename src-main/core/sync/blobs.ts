/**
 * Image bytes between this profile and the server: uploads before an `image.create` is pushed,
 * downloads on first need (hash checked, one download per blob at a time).
 */
import { IMAGE_MAX_BYTES } from '../../../src-shared/model';
import type { Db } from '../store/db';
import type { SyncedImageRepository } from '../store/images-sync';
import type { OutboxEntry, OutboxRepository } from '../store/outbox';
import type { ConflictRepository } from './conflicts';
import { SyncHttp, SyncHttpError } from './http';

export interface BlobTransferDeps {
  db: Db;
  images: SyncedImageRepository;
  outbox: OutboxRepository;
  conflicts: ConflictRepository;
  /** Read a blob's bytes for upload before its image.create is pushed. */
  readBlob?: ((sha256: string) => Buffer | null) | undefined;
  /** The server to download from, or null when signed out. */
  client(): SyncHttp | null;
  now(): string;
}

export class BlobTransfer {
  private readonly downloads = new Map<string, Promise<Buffer>>();

  constructor(private readonly d: BlobTransferDeps) {}

  /**
   * Uploads the blobs of the batch's image.create rows and returns the rows that may go now.
   * An image whose bytes are neither here nor on the server can never sync: its image.create
   * leaves the queue (kept as a conflict; its reason goes to `unsyncable`) instead of blocking
   * the queue forever.
   */
  async upload(
    http: SyncHttp,
    rows: OutboxEntry[],
    unsyncable: (reason: string) => void,
  ): Promise<OutboxEntry[]> {
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (r.name !== 'image.create') continue;
      const sha = r.args.sha256;
      const bytes = this.d.readBlob?.(sha) ?? null;
      if (bytes) {
        await http.putBlob(sha, bytes);
        this.d.images.setBlobState(sha, 'uploaded');
        continue;
      }
      if (await http.hasBlob(sha)) continue;
      // Rows before it go first; then it is the first unsent row and can be taken out.
      if (i > 0) return rows.slice(0, i);
      unsyncable(this.dropUnsyncable(r));
      return [];
    }
    return rows;
  }

  private dropUnsyncable(r: OutboxEntry & { name: 'image.create' }): string {
    const name = r.args.meta.fileName ? `"${r.args.meta.fileName}" ` : '';
    const reason =
      `Image ${name}(${r.entityId}) cannot be uploaded: its file is missing on this computer ` +
      'and the server does not have it. Import the file again to sync it.';
    const tx = this.d.db.transaction(() => {
      this.d.conflicts.addUnsyncable(r, 'blob_missing', reason, this.d.now());
      this.d.outbox.dropUnsent(r.mutationId);
    });
    tx.immediate();
    return reason;
  }

  /** A downloaded blob is stored in the profile: record its size and that the server has it. */
  downloaded(sha256: string, size: number): void {
    this.d.images.markDownloaded(sha256, size);
  }

  /** The bytes of an image known from the server; concurrent requests share one download. */
  fetch(sha256: string): Promise<Buffer> {
    let p = this.downloads.get(sha256);
    if (!p) {
      const http = this.d.client();
      if (!http) {
        return Promise.reject(
          new SyncHttpError('Sign in to download this image from the server.', false, 401, null),
        );
      }
      p = http.getBlob(sha256, IMAGE_MAX_BYTES).finally(() => this.downloads.delete(sha256));
      this.downloads.set(sha256, p);
    }
    return p;
  }
}
