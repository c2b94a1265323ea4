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
import { foldForSearch } from '../media/text';

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
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
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

type Clock = () => string;

/** Copies one metadata field, keeping the pairing of field name and value type. */
function copyMeta<K extends keyof ImageMeta>(to: ImageMetaPatch, from: ImageMeta, k: K): void {
  to[k] = from[k];
}

/**
 * Images and their blobs. Every write is one transaction with its outbox mutation
 * (`image.create`, `image.setMeta`), in the argument shapes of src-shared/mutations/image.ts.
 */
export class ImageRepository {
  private readonly outbox: OutboxRepository;
  private readonly stmts;
  private readonly listStatements = new Map<string, Statement>();

  private readonly now: Clock;

  constructor(
    private readonly db: Db,
    deps: { outbox: OutboxRepository; now?: Clock },
  ) {
    this.outbox = deps.outbox;
    this.now = deps.now ?? (() => new Date().toISOString());
    this.stmts = lazyStatements(db, {
      get: 'SELECT * FROM images WHERE id = ?',
      bySha: 'SELECT * FROM images WHERE sha256 = ?',
      insertBlob: `INSERT INTO blobs (sha256, path, size, upload_state, created_at) VALUES (?, ?, ?, 'pending', ?)
         ON CONFLICT (sha256) DO NOTHING`,
      insert: `INSERT INTO images (id, sha256, mime, width, height, file_name, byte_size, credit, creator,
           copyright, source, licence, licence_expires, caption, headline, alt, extended_description,
           keywords_json, search_text, created_at, updated_at)
         VALUES (@id, @sha256, @mime, @width, @height, @file_name, @byte_size, @credit, @creator,
           @copyright, @source, @licence, @licence_expires, @caption, @headline, @alt,
           @extended_description, @keywords_json, @search_text, @now, @now)`,
      update: `UPDATE images SET credit = @credit, creator = @creator, copyright = @copyright,
           source = @source, licence = @licence, licence_expires = @licence_expires,
           caption = @caption, headline = @headline, alt = @alt,
           extended_description = @extended_description, search_text = @search_text, updated_at = @now
         WHERE id = @id`,
    });
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
      const now = this.now();
      this.stmts.insertBlob.run(input.sha256, input.blobPath, input.byteSize, now);
      this.stmts.insert.run({
        id,
        sha256: input.sha256,
        mime: input.mime,
        width: input.width,
        height: input.height,
        file_name: input.fileName,
        byte_size: input.byteSize,
        ...imageMetaParams(input.meta),
        keywords_json: JSON.stringify(input.keywords),
        now,
      });
      this.outbox.enqueue(
        'image.create',
        {
          id,
          sha256: input.sha256,
          mime: input.mime,
          width: input.width,
          height: input.height,
          meta: { fileName: input.fileName, ...input.meta },
        },
        null,
        now,
      );
      return { image: this.get(id), existing: false };
    });
    return tx.immediate();
  }

  /**
   * The original of an existing image is on disk again (imported once more): record its real
   * size (a blob known only from the server had none) and, if its image.create was taken out
   * of the queue because the file was missing (docs/sync.md), queue it again.
   */
  restoreBlob(image: Image, size: number): void {
    const tx = this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE blobs SET size = ?, upload_state = CASE upload_state WHEN 'remote' THEN 'uploaded'
             ELSE upload_state END WHERE sha256 = ?`,
        )
        .run(size, image.sha256);
      this.db.prepare('UPDATE images SET byte_size = ? WHERE id = ?').run(size, image.id);
      const dropped = this.db
        .prepare(
          `UPDATE conflicts SET resolved_at = ?, resolution = 'auto'
            WHERE entity_type = 'image' AND entity_id = ? AND code = 'blob_missing'
              AND resolved_at IS NULL`,
        )
        .run(this.now(), image.id).changes;
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
      const next: ImageMeta = { ...before };
      for (const k of IMAGE_META_KEYS) {
        const v = patch[k];
        if (v !== undefined) (next as Record<string, unknown>)[k] = v;
      }
      const changed = IMAGE_META_KEYS.filter((k) => before[k] !== next[k]);
      if (changed.length === 0) return;
      const now = this.now();
      this.stmts.update.run({ id, ...imageMetaParams(next), now });
      const values: ImageMetaPatch = {};
      const baseValues: ImageMetaPatch = {};
      for (const k of changed) {
        copyMeta(values, next, k);
        copyMeta(baseValues, before, k);
      }
      const baseVersion = row.server_version;
      this.outbox.enqueue(
        'image.setMeta',
        { id, baseVersion: baseVersion ?? 0, values, baseValues },
        baseVersion,
        now,
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
