/**
 * GET /media/:imageId/:width.webp — a WebP rendition of a published image (the srcset of the
 * published pages). Same rule as /media/:imageId: only images of a live published article, 404
 * otherwise. Made on first request and cached on disk (media/renditions.ts). An image id always
 * names the same bytes (image.create is idempotent by id and sha256), so the answer is immutable.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Id } from '../../src-shared/model';
import { HttpError, parseOr400 } from '../http/errors';
import type { AppContext } from '../http/context';
import {
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

export function mediaRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/media/:imageId/:file', async (req, reply) => {
    const { imageId, file: width } = parseOr400(RenditionParams, req.params, 'rendition');
    if (!isRenditionWidth(width)) {
      throw new HttpError(
        404,
        'not_found',
        `There is no rendition ${width} wide; the widths are ${RENDITION_WIDTHS.join(', ')}.`,
      );
    }
    const sha256 = await ctx.storage.read(async (tx) => {
      if (!(await tx.isImagePublished(imageId))) return undefined;
      return (await tx.getImage(imageId))?.sha256;
    });
    if (!sha256 || !(await ctx.blobs.has(sha256))) throw notFound();
    const etag = `"${sha256}-${width}"`;
    let path: string;
    try {
      path = await ctx.renditions.get(sha256, width, ctx.blobs.pathOf(sha256));
    } catch (e) {
      if (e instanceof RenditionError)
        throw new HttpError(500, 'internal', 'The stored image could not be decoded.');
      throw e;
    }
    void reply
      .header('content-type', RENDITION_MIME)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', etag);
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    const { size } = await stat(path);
    return reply.header('content-length', String(size)).send(createReadStream(path));
  });
}
