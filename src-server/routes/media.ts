/**
 * GET /media/:imageId/:width.webp — a WebP rendition of a published image (the srcset of the
 * published pages): only images a live published page shows, 404 otherwise. Made on first request
 * and cached on disk (media/renditions.ts), without the original's metadata (no GPS, no camera
 * serials) but with the image's rights as the latest live publication showing it keeps them
 * (its snapshot), not as the record is now. The original file is never public: GET /media/:imageId
 * redirects to the largest rendition; signed-in desks read originals from /api/v1/blobs.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Id } from '../../src-shared/model';
import { HttpError, parseOr400 } from '../http/errors';
import type { AppContext } from '../http/context';
import { rightsKey, type ImageRights } from '../media/rightsXmp';
import {
  LARGEST_RENDITION,
  RENDITION_MIME,
  RENDITION_WIDTHS,
  RenditionError,
  isRenditionWidth,
} from '../media/renditions';

const RenditionParams = z.strictObject({
  imageId: Id,
  file: z
    .string()
    .regex(/^[1-9]\d{0,4}\.webp$/, 'must be <width>.webp')
    .transform((f) => Number.parseInt(f, 10)),
});

const notFound = () => new HttpError(404, 'not_found', 'There is no published image with this id.');

const MediaParams = z.strictObject({ imageId: Id });

export function mediaRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Former address of the original: now the largest rendition, never the original's bytes.
  app.get('/media/:imageId', async (req, reply) => {
    const { imageId } = parseOr400(MediaParams, req.params, 'image id');
    const published = await ctx.storage.read((tx) => tx.isImagePublished(imageId));
    if (!published) throw notFound();
    return reply.redirect(`/media/${encodeURIComponent(imageId)}/${LARGEST_RENDITION}.webp`, 301);
  });

  app.get('/media/:imageId/:file', async (req, reply) => {
    const { imageId, file: width } = parseOr400(RenditionParams, req.params, 'rendition');
    if (!isRenditionWidth(width)) {
      throw new HttpError(
        404,
        'not_found',
        `There is no rendition ${width} wide; the widths are ${RENDITION_WIDTHS.join(', ')}.`,
      );
    }
    const found = await ctx.storage.read(async (tx) => {
      const published = await tx.getPublishedImage(imageId);
      const image = (await tx.isImagePublished(imageId)) ? await tx.getImage(imageId) : undefined;
      return { image, published };
    });
    const image = found.image;
    if (!image || !(await ctx.blobs.has(image.sha256))) throw notFound();
    // The rights as published (the latest live publication's snapshot); older snapshots without
    // them: the record's.
    const r = found.published?.rights ?? image;
    const rights: ImageRights = {
      creator: r.creator,
      credit: r.credit,
      copyright: r.copyright,
      source: r.source,
      usageTerms: r.licence,
    };
    const etag = `"${image.sha256}-${width}-${rightsKey(rights)}"`;
    let path: string;
    try {
      path = await ctx.renditions.get(image.sha256, width, ctx.blobs.pathOf(image.sha256), rights);
    } catch (e) {
      if (!(e instanceof RenditionError)) throw e;
      throw new HttpError(
        404,
        'not_found',
        'This image cannot be shown: its stored file could not be decoded.',
      );
    }
    // The rights can change (a corrected credit), so caches revalidate by ETag.
    void reply
      .header('content-type', RENDITION_MIME)
      .header('cache-control', 'public, max-age=86400')
      .header('etag', etag);
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    const { size } = await stat(path);
    return reply.header('content-length', String(size)).send(createReadStream(path));
  });
}
