import { v7 as uuidv7 } from 'uuid';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';
import { lazyStatements } from './statements';
import {
  IMAGE_META_KEYS,
  type Image,
  type ImageMeta,
  type ImageMetaPatch,
  type ImageMime,
} from '../../../src-shared/model';
import { NotFoundError } from './articles';
import type { OutboxRepository } from './outbox';
import type { BlobRepository } from './blobs';
import type { ImageWriteHint, LocalStateStore, LocalWriter } from './local-writer';
import type { ImageState } from '../../../src-shared/mutations';
import { foldForSearch } from '../media/text';
import { blobRelPath } from '../media/blob-store';

interface ImageRow {
  id: string;
  sha256: string;
  mime: ImageMime;
  width: number;
  height: number;
  file_name: string;
  byte_size: number;
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
  keywords_json: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  server_version: number | null;
  /** The server's id of who added it; null for images stored before schema 13, until pulled again. */
  created_by: string | null;
}

function rowToImage(r: ImageRow): Image {
  return {
    id: r.id,
    sha256: r.sha256,
    mime: r.mime,
    width: r.width,
    height: r.height,
    fileName: r.file_name,
    byteSize: r.byte_size,
    credit: r.credit,
    creator: r.creator,
    copyright: r.copyright,
    source: r.source,
    licence: r.licence,
    licenceExpires: r.licence_expires,
    caption: r.caption,
    headline: r.headline,
    alt: r.alt,
    extendedDescription: r.extended_description,
    keywords: JSON.parse(r.keywords_json) as string[],
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

/** The local row as the shared image state (what a local write applies mutations to). */
function imageStateOf(r: ImageRow): ImageState {
  return {
    id: r.id,
    sha256: r.sha256,
    mime: r.mime,
    width: r.width,
    height: r.height,
    fileName: r.file_name,
    credit: r.credit,
    creator: r.creator,
    copyright: r.copyright,
    source: r.source,
    licence: r.licence,
    licenceExpires: r.licence_expires,
    caption: r.caption,
    headline: r.headline,
    alt: r.alt,
    extendedDescription: r.extended_description,
    createdBy: r.created_by,
    // The last server version (0: never synced); the desk assigns none.
    version: r.server_version ?? 0,
    fieldVersions: {},
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function metaOf(i: Image): ImageMeta {
  const out = {} as Record<string, unknown>;
  for (const k of IMAGE_META_KEYS) out[k] = i[k];
  return out as ImageMeta;
}

/** An image's editable metadata as the images table's columns (shared with pulled images). */
export function imageMetaParams(m: ImageMeta) {
  return {
    credit: m.credit,
    creator: m.creator,
    copyright: m.copyright,
    source: m.source,
    licence: m.licence,
    licence_expires: m.licenceExpires,
    caption: m.caption,
    headline: m.headline,
    alt: m.alt,
    extended_description: m.extendedDescription,
    search_text: searchText(m),
  };
}

function searchText(m: Pick<ImageMeta, 'caption' | 'headline' | 'credit' | 'creator'>): string {
  return foldForSearch([m.caption, m.headline, m.credit, m.creator].join('\n'));
}

/** `%`, `_` and the escape character itself are literal in a search. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface NewImage {
  sha256: string;
  mime: ImageMime;
  width: number;
  height: number;
  fileName: string;
  byteSize: number;
  /** Blob path relative to the profile folder. */
  blobPath: string;
  meta: ImageMeta;
  keywords: string[];
}

export interface ImageListFilter {
  offset: number;
  limit: number;
  missingCredit?: boolean | undefined;
  query?: string | undefined;
  sort?: 'newest' | 'oldest' | undefined;
}

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
  | 'createdBy'
  | 'createdAt'
  | 'updatedAt'
>;

/**
 * Size recorded for a blob that is not downloaded yet (the pulled image state has no byte size;
 * the schema requires a positive one). Replaced by the real size on download.
 */
export const UNKNOWN_REMOTE_SIZE = 1;

/** The columns a pulled image can change. */
const SYNCED_META_COLUMNS = [
  'file_name',
  'credit',
  'creator',
  'copyright',
  'source',
  'licence',
  'licence_expires',
  'caption',
  'headline',
  'alt',
  'extended_description',
] as const;

type Clock = () => string;

/** The part of the conflict store an image restore needs (the sync's ConflictRepository). */
export interface OpenConflicts {
  resolveOpenByCode(entityType: 'image', entityId: string, code: string, at: string): number;
}

/** Copies one metadata field, keeping the pairing of field name and value type. */
function copyMeta<K extends keyof ImageMeta>(to: ImageMetaPatch, from: ImageMeta, k: K): void {
  to[k] = from[k];
}

/**
 * Images. A user's change is a shared mutation (`image.create`, `image.setMeta`) run by the
 * local writer (local-writer.ts), which has this repository persist the computed state in one
 * transaction with the outbox row; an imported file's blob is recorded by BlobRepository.
 */
export class ImageRepository {
  private readonly outbox: OutboxRepository;
  private readonly writer: LocalWriter;
  private readonly blobs: BlobRepository;
  private readonly conflicts: OpenConflicts;
  private readonly stmts;
  private readonly listStatements = new Map<string, Statement>();

  private readonly now: Clock;

  constructor(
    private readonly db: Db,
    deps: {
      outbox: OutboxRepository;
      writer: LocalWriter;
      blobs: BlobRepository;
      conflicts: OpenConflicts;
      now?: Clock;
    },
  ) {
    this.conflicts = deps.conflicts;
    this.outbox = deps.outbox;
    this.writer = deps.writer;
    this.blobs = deps.blobs;
    this.now = deps.now ?? (() => new Date().toISOString());
    this.stmts = lazyStatements(db, {
      get: 'SELECT * FROM images WHERE id = ?',
      bySha: 'SELECT * FROM images WHERE sha256 = ?',
      serverVersion: 'SELECT server_version FROM images WHERE id = ?',
      insert: `INSERT INTO images (id, sha256, mime, width, height, file_name, byte_size, credit, creator,
           copyright, source, licence, licence_expires, caption, headline, alt, extended_description,
           keywords_json, search_text, created_at, updated_at, created_by)
         VALUES (@id, @sha256, @mime, @width, @height, @file_name, @byte_size, @credit, @creator,
           @copyright, @source, @licence, @licence_expires, @caption, @headline, @alt,
           @extended_description, @keywords_json, @search_text, @created_at, @updated_at,
           @created_by)`,
      update: `UPDATE images SET file_name = @file_name, credit = @credit, creator = @creator,
           copyright = @copyright, source = @source, licence = @licence,
           licence_expires = @licence_expires, caption = @caption, headline = @headline, alt = @alt,
           extended_description = @extended_description, search_text = @search_text,
           updated_at = @updated_at
         WHERE id = @id`,
      byteSize: 'UPDATE images SET byte_size = ? WHERE id = ?',
      idBySha: 'SELECT id FROM images WHERE sha256 = ?',
      insertSynced: `INSERT INTO images (id, sha256, mime, width, height, file_name, byte_size, credit,
           creator, copyright, source, licence, licence_expires, caption, headline, alt,
           extended_description, search_text, created_at, updated_at, server_version, created_by)
         VALUES (@id, @sha256, @mime, @width, @height, @file_name, @byte_size, @credit,
           @creator, @copyright, @source, @licence, @licence_expires, @caption, @headline,
           @alt, @extended_description, @search_text, @created_at, @updated_at, @server_version,
           @created_by)`,
      updateSynced: `UPDATE images SET file_name = @file_name, credit = @credit, creator = @creator,
           copyright = @copyright, source = @source, licence = @licence,
           licence_expires = @licence_expires, caption = @caption, headline = @headline,
           alt = @alt, extended_description = @extended_description, search_text = @search_text,
           updated_at = @updated_at, server_version = @server_version,
           created_by = coalesce(@created_by, created_by)
         WHERE id = @id`,
      serverVersionSet:
        'UPDATE images SET server_version = ?, created_by = coalesce(?, created_by) WHERE id = ?',
      byteSizeBySha: 'UPDATE images SET byte_size = ? WHERE sha256 = ?',
    });
    this.writer.register('image', this.localStates);
  }

  /** How the local writer reads and keeps image states. */
  readonly localStates: LocalStateStore<'image'> = {
    load: (id) => {
      const row = this.stmts.get.get(id) as ImageRow | undefined;
      return row ? imageStateOf(row) : null;
    },
    persist: (before, after, hint) => {
      if (before) {
        this.stmts.update.run({
          id: after.id,
          file_name: after.fileName,
          ...imageMetaParams(after),
          updated_at: after.updatedAt,
        });
      } else {
        this.persistNew(after, hint);
      }
    },
    outboxBase: (name, id) =>
      name === 'image.create'
        ? null
        : ((this.stmts.serverVersion.get(id) as { server_version: number | null } | undefined)
            ?.server_version ?? null),
  };

  private persistNew(img: ImageState, file: ImageWriteHint | undefined): void {
    if (!file) throw new Error(`Image ${img.id} is created from an imported file only.`);
    this.blobs.recordImported(img.sha256, file.blobPath, file.byteSize, img.createdAt);
    this.stmts.insert.run({
      id: img.id,
      sha256: img.sha256,
      mime: img.mime,
      width: img.width,
      height: img.height,
      file_name: img.fileName,
      byte_size: file.byteSize,
      ...imageMetaParams(img),
      keywords_json: JSON.stringify(file.keywords),
      created_at: img.createdAt,
      updated_at: img.updatedAt,
      created_by: img.createdBy,
    });
  }

  /**
   * Records a server image (visible state: server state plus pending local edits). A new one is
   * created with its blob in state 'remote'; a known one gets the metadata and server version.
   * Server states: nothing is queued.
   */
  putSynced(img: SyncedImage, serverVersion: number): 'created' | 'updated' | 'unchanged' {
    const row = this.stmts.get.get(img.id) as ImageRow | undefined;
    const meta = { file_name: img.fileName, ...imageMetaParams(img) };
    if (!row) {
      // The same bytes under another image id (two people imported one file): the local row
      // keeps the first id; sha256 is unique here.
      if (this.stmts.idBySha.get(img.sha256)) return 'unchanged';
      this.blobs.recordRemote(
        img.sha256,
        blobRelPath(img.sha256),
        UNKNOWN_REMOTE_SIZE,
        img.createdAt,
      );
      this.stmts.insertSynced.run({
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
        created_by: img.createdBy,
      });
      return 'created';
    }
    const same = SYNCED_META_COLUMNS.every((col) => row[col] === meta[col]);
    if (same) {
      const learntCreator = img.createdBy !== null && row.created_by !== img.createdBy;
      if (row.server_version !== serverVersion || learntCreator)
        this.stmts.serverVersionSet.run(serverVersion, img.createdBy, img.id);
      return 'unchanged';
    }
    this.stmts.updateSynced.run({
      ...meta,
      id: img.id,
      updated_at: img.updatedAt,
      server_version: serverVersion,
      created_by: img.createdBy,
    });
    return 'updated';
  }

  /** The bytes of a 'remote' image arrived: its rows get their real size. */
  recordDownloadedSize(sha256: string, size: number): void {
    this.stmts.byteSizeBySha.run(size, sha256);
  }

  get(id: string): Image {
    const row = this.stmts.get.get(id) as ImageRow | undefined;
    if (!row) throw new NotFoundError(`Image ${id}`);
    return rowToImage(row);
  }

  findBySha256(sha256: string): Image | null {
    const row = this.stmts.bySha.get(sha256) as ImageRow | undefined;
    return row ? rowToImage(row) : null;
  }

  /**
   * Records an imported image, its blob and the `image.create` mutation together. If the same
   * bytes were recorded meanwhile (two imports racing), returns that image instead.
   */
  createFromImport(input: NewImage): { image: Image; existing: boolean } {
    const tx = this.db.transaction(() => {
      const already = this.findBySha256(input.sha256);
      if (already) return { image: already, existing: true };
      const id = uuidv7();
      this.writer.writeOne(
        'image',
        'image.create',
        {
          id,
          sha256: input.sha256,
          mime: input.mime,
          width: input.width,
          height: input.height,
          meta: { fileName: input.fileName, ...input.meta },
        },
        {
          before: null,
          hint: { byteSize: input.byteSize, blobPath: input.blobPath, keywords: input.keywords },
        },
      );
      return { image: this.get(id), existing: false };
    });
    return tx.immediate();
  }

  /**
   * The original of an existing image is on disk again (imported once more): record its real
   * size (a blob known only from the server had none) and, if its image.create was taken out
   * of the queue because the file was missing (docs/sync.md), queue it again. That is a re-send
   * of a mutation whose local state exists already, so it goes to the outbox directly.
   */
  restoreBlob(image: Image, size: number): void {
    const tx = this.db.transaction(() => {
      this.blobs.markOnDisk(image.sha256, size);
      this.stmts.byteSize.run(size, image.id);
      const dropped = this.conflicts.resolveOpenByCode(
        'image',
        image.id,
        'blob_missing',
        this.now(),
      );
      if (dropped === 0) return;
      const row = this.stmts.get.get(image.id) as ImageRow;
      const queued = this.outbox.has('image.create', image.id);
      if (row.server_version !== null || queued) return;
      const img = rowToImage(row);
      this.outbox.enqueue(
        'image.create',
        {
          id: img.id,
          sha256: img.sha256,
          mime: img.mime,
          width: img.width,
          height: img.height,
          meta: { fileName: img.fileName, ...metaOf(img) },
        },
        null,
        this.now(),
      );
    });
    tx.immediate();
  }

  /** Changes metadata; writes nothing (and returns the image as it is) when nothing changes. */
  setMeta(id: string, patch: ImageMetaPatch): Image {
    const tx = this.db.transaction(() => {
      const row = this.stmts.get.get(id) as ImageRow | undefined;
      if (!row) throw new NotFoundError(`Image ${id}`);
      const before = metaOf(rowToImage(row));
      const changed = IMAGE_META_KEYS.filter(
        (k) => patch[k] !== undefined && patch[k] !== before[k],
      );
      if (changed.length === 0) return;
      const values: ImageMetaPatch = {};
      const baseValues: ImageMetaPatch = {};
      for (const k of changed) {
        copyMeta(values, patch as ImageMeta, k);
        copyMeta(baseValues, before, k);
      }
      const baseVersion = row.server_version ?? 0;
      this.writer.writeOne(
        'image',
        'image.setMeta',
        { id, baseVersion, values, baseValues },
        { before: imageStateOf(row) },
      );
    });
    tx.immediate();
    return this.get(id);
  }

  /** Live images, newest (or oldest) first; filtered by missing credit and/or a search text. */
  list(filter: ImageListFilter): { items: Image[]; total: number } {
    const where = ['deleted_at IS NULL'];
    const params: (string | number)[] = [];
    if (filter.missingCredit) where.push("trim(credit) = ''");
    const terms = foldForSearch(filter.query ?? '')
      .split(/\s+/)
      .filter((t) => t.length > 0)
      .slice(0, 10);
    for (const t of terms) {
      where.push("search_text LIKE ? ESCAPE '\\'");
      params.push(likePattern(t));
    }
    const clause = where.join(' AND ');
    const dir = filter.sort === 'oldest' ? 'ASC' : 'DESC';
    // The statement text depends only on the flags and the number of terms (values are always
    // bound), so a handful of prepared statements cover every query.
    const items = (
      this.prepared(
        `SELECT * FROM images WHERE ${clause} ORDER BY created_at ${dir}, id ${dir} LIMIT ? OFFSET ?`,
      ).all(...params, filter.limit, filter.offset) as ImageRow[]
    ).map(rowToImage);
    const total = (
      this.prepared(`SELECT COUNT(*) AS n FROM images WHERE ${clause}`).get(...params) as {
        n: number;
      }
    ).n;
    return { items, total };
  }

  private prepared(sql: string): Statement {
    let stmt = this.listStatements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.listStatements.set(sql, stmt);
    }
    return stmt;
  }
}
