/**
 * The image rows the sync engine writes (docs/sync.md): images known from the server, recorded
 * with their metadata and a blob record in state 'remote' until the bytes are first needed, and
 * the upload/download state of blobs (kept by BlobRepository, the one owner of the blobs table).
 * Nothing here writes the outbox: these are server states.
 */
import type { ImageState } from '../../../src-shared/mutations';
import { blobRelPath } from '../media/blob-store';
import type { Db } from './db';
import { lazyStatements } from './statements';
import { imageMetaParams } from './images';
import type { BlobRepository, BlobUploadState } from './blobs';

export type { BlobUploadState } from './blobs';

/** The metadata of a server image as the local row keeps it. */
export type SyncedImage = Pick<
  ImageState,
  | 'id'
  | 'sha256'
  | 'mime'
  | 'width'
  | 'height'
  | 'fileName'
  | 'credit'
  | 'creator'
  | 'copyright'
  | 'source'
  | 'licence'
  | 'licenceExpires'
  | 'caption'
  | 'headline'
  | 'alt'
  | 'extendedDescription'
  | 'createdAt'
  | 'updatedAt'
>;

interface LocalRow {
  id: string;
  sha256: string;
  file_name: string;
  credit: string;
  creator: string;
  copyright: string;
  source: string;
  licence: string;
  licence_expires: string | null;
  caption: string;
  headline: string;
  alt: string;
  extended_description: string;
  server_version: number | null;
}

/**
 * Size recorded for a blob that is not downloaded yet (the pulled image state has no byte size;
 * the schema requires a positive one). Replaced by the real size on download.
 */
export const UNKNOWN_REMOTE_SIZE = 1;

const META = [
  ['fileName', 'file_name'],
  ['credit', 'credit'],
  ['creator', 'creator'],
  ['copyright', 'copyright'],
  ['source', 'source'],
  ['licence', 'licence'],
  ['licenceExpires', 'licence_expires'],
  ['caption', 'caption'],
  ['headline', 'headline'],
  ['alt', 'alt'],
  ['extendedDescription', 'extended_description'],
] as const;

export class SyncedImageRepository {
  private readonly s;
  constructor(
    db: Db,
    private readonly blobs: BlobRepository,
  ) {
    this.s = lazyStatements(db, {
      get: 'SELECT * FROM images WHERE id = ?',
      bySha: 'SELECT id FROM images WHERE sha256 = ?',
      insert: `INSERT INTO images (id, sha256, mime, width, height, file_name, byte_size, credit,
                 creator, copyright, source, licence, licence_expires, caption, headline, alt,
                 extended_description, search_text, created_at, updated_at, server_version)
               VALUES (@id, @sha256, @mime, @width, @height, @file_name, @byte_size, @credit,
                 @creator, @copyright, @source, @licence, @licence_expires, @caption, @headline,
                 @alt, @extended_description, @search_text, @created_at, @updated_at,
                 @server_version)`,
      update: `UPDATE images SET file_name = @file_name, credit = @credit, creator = @creator,
                 copyright = @copyright, source = @source, licence = @licence,
                 licence_expires = @licence_expires, caption = @caption, headline = @headline,
                 alt = @alt, extended_description = @extended_description, search_text = @search_text, updated_at = @updated_at,
                 server_version = @server_version
               WHERE id = @id`,
      version: 'UPDATE images SET server_version = ? WHERE id = ?',
      imageSize: 'UPDATE images SET byte_size = ? WHERE sha256 = ?',
    });
  }

  /**
   * Records a server image (visible state: server state plus pending local edits). A new one is
   * created with its blob in state 'remote'; a known one gets the metadata and server version.
   */
  putSynced(img: SyncedImage, serverVersion: number): 'created' | 'updated' | 'unchanged' {
    const row = this.s.get.get(img.id) as LocalRow | undefined;
    const meta = metaParams(img);
    if (!row) {
      // The same bytes under another image id (two people imported one file): the local row
      // keeps the first id; sha256 is unique here.
      if (this.s.bySha.get(img.sha256)) return 'unchanged';
      this.blobs.recordRemote(
        img.sha256,
        blobRelPath(img.sha256),
        UNKNOWN_REMOTE_SIZE,
        img.createdAt,
      );
      this.s.insert.run({
        ...meta,
        id: img.id,
        sha256: img.sha256,
        mime: img.mime,
        width: Math.max(1, img.width),
        height: Math.max(1, img.height),
        byte_size: UNKNOWN_REMOTE_SIZE,
        created_at: img.createdAt,
        updated_at: img.updatedAt,
        server_version: serverVersion,
      });
      return 'created';
    }
    const same = META.every(([, col]) => row[col] === meta[col]);
    if (same) {
      if (row.server_version !== serverVersion) this.s.version.run(serverVersion, img.id);
      return 'unchanged';
    }
    this.s.update.run({
      ...meta,
      id: img.id,
      updated_at: img.updatedAt,
      server_version: serverVersion,
    });
    return 'updated';
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
    this.s.imageSize.run(size, sha256);
  }
}

function metaParams(m: SyncedImage) {
  return { file_name: m.fileName, ...imageMetaParams(m) };
}
