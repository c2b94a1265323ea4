/**
 * IPTC ninjs 2.2 API for partners: GET /api/ninjs/v2/items (newest first, paged; or with
 * `since` every change after a time or position, oldest first, with `next` to poll on) and
 * /api/ninjs/v2/items/:id (by article id; an unpublished article answers as `canceled`).
 * Like every JSON API, it refuses query parameters it does not know.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Id } from '../../src-shared/model';
import { inlineImagesOf } from '../../src-shared/checklist';
import { PublishedQuery } from '../../src-shared/protocol';
import { HttpError, parseOr400 } from '../http/errors';
import type { AppContext } from '../http/context';
import { snapshotImageRenditions } from '../publish/images';
import { ninjsItem, type NinjsImage } from '../publish/ninjs';
import type { PublishedPosition, PublishedRow, Tx } from '../storage/types';

/** A feed position: the time of a change and its article id, as `next` gives it. */
const POSITION = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z)~([0-9a-f-]{36})?$/;
const positionOf = (row: PublishedRow) => `${row.updatedAt}~${row.articleId}`;

/**
 * `since`: a time (ISO 8601 with offset; changes at or after it) or a `next` position (changes
 * after it). Changes come oldest first and include unpublished articles.
 */
const Since = z.union([
  z
    .string()
    .regex(POSITION)
    .transform((v): PublishedPosition => {
      const [, updatedAt, articleId] = POSITION.exec(v)!;
      return { updatedAt: updatedAt!, articleId: articleId ?? '' };
    }),
  z.iso
    .datetime({ offset: true })
    .transform((t): PublishedPosition => ({ updatedAt: new Date(t).toISOString(), articleId: '' })),
]);
const ItemsQuery = PublishedQuery.pick({ offset: true, limit: true })
  .extend({ since: z.string().max(100).pipe(Since).optional() })
  .refine((q) => q.since === undefined || q.offset === 0, {
    message: 'since pages with next, not offset',
    path: ['offset'],
  });
const ItemParams = z.strictObject({ id: Id });

export function ninjsRoutes(app: FastifyInstance, ctx: AppContext): void {
  /**
   * Lead image first, then the inline images in page order, then a social image of its own. Rights and alt text as the snapshot
   * kept them at publication; snapshots older than that fall back to the current record.
   */
  async function imagesOf(tx: Tx, row: PublishedRow): Promise<NinjsImage[]> {
    if (row.state !== 'live') return [];
    const s = row.snapshot;
    const out: NinjsImage[] = [];
    const shown = new Set(inlineImagesOf(s.body).map((i) => i.imageId));
    let inline = 0;
    for (const id of s.imageIds) {
      const record = await tx.getImage(id);
      if (!record) continue;
      const isLead = s.leadImage?.imageId === id;
      const published = s.images?.[id];
      // An image only shared on social networks, not shown on the page.
      const isSocial = !isLead && !shown.has(id) && s.socialImageId === id;
      out.push({
        role: isLead ? 'lead' : isSocial ? 'social' : `inline${++inline}`,
        record: {
          ...record,
          ...(published ? { alt: published.alt } : {}),
          ...published?.rights,
        },
        caption: isLead ? s.leadImage!.caption : record.caption,
        renditions: snapshotImageRenditions(ctx.publicUrl(), s, id),
      });
    }
    return out;
  }

  const item = async (tx: Tx, row: PublishedRow) =>
    ninjsItem(
      row,
      row.state === 'live' ? ctx.view.bodyHtml(row.snapshot) : '',
      await imagesOf(tx, row),
      ctx.publicUrl(),
    );

  app.get('/api/ninjs/v2/items', async (req) => {
    const q = parseOr400(ItemsQuery, req.query, 'query');
    const since = q.since;
    if (since) {
      return ctx.storage.read(async (tx) => {
        const rows = await tx.listPublishedChanges(since, q.limit);
        const items = [];
        for (const row of rows) items.push(await item(tx, row));
        const last = rows.at(-1);
        const next = last ? positionOf(last) : `${since.updatedAt}~${since.articleId}`;
        return { items, next, limit: q.limit };
      });
    }
    return ctx.storage.read(async (tx) => {
      const { rows, total } = await tx.listPublished({ offset: q.offset, limit: q.limit });
      const items = [];
      for (const row of rows) items.push(await item(tx, row));
      return { items, total, offset: q.offset, limit: q.limit };
    });
  });

  app.get('/api/ninjs/v2/items/:id', async (req) => {
    const { id } = parseOr400(ItemParams, req.params, 'item id');
    parseOr400(z.strictObject({}), req.query, 'query');
    const found = await ctx.storage.read(async (tx) => {
      const row = await tx.getPublishedByArticle(id);
      return row ? item(tx, row) : undefined;
    });
    if (!found) throw new HttpError(404, 'not_found', `There is no published item ${id}.`);
    return found;
  });
}
