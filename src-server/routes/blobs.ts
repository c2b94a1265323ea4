/**
 * PUT/GET /api/v1/blobs/:sha256 — content-addressed image bytes. The hash is verified, the upload
 * is idempotent, the size is limited (413) and the type is sniffed from the bytes (415 otherwise).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Sha256Hex } from '../../src-shared/mutations';
import { HttpError, parseOr400 } from '../http/errors';
import { requireUser, type AppContext } from '../http/context';

const BlobParams = z.strictObject({ sha256: Sha256Hex });

/** JPEG, PNG or WebP by magic bytes; undefined for anything else. */
export function sniffImageType(
  bytes: Buffer,
): 'image/jpeg' | 'image/png' | 'image/webp' | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'image/jpeg';
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return 'image/png';
  }
  if (
    bytes.length >= 12 &&
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  ) {
    return 'image/webp';
  }
  return undefined;
}

export function blobRoutes(app: FastifyInstance, ctx: AppContext): void {
  // In this plugin only: any content type arrives as raw bytes (up to the blob limit).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: ctx.maxBlobBytes },
    (_req, body, done) => {
      done(null, body);
    },
  );

  app.put('/api/v1/blobs/:sha256', { bodyLimit: ctx.maxBlobBytes }, async (req, reply) => {
    await requireUser(ctx, req);
    const { sha256 } = parseOr400(BlobParams, req.params, 'blob address');
    const bytes = req.body;
    if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
      throw new HttpError(400, 'invalid_input', 'The request body must be the image bytes.');
    }
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256) {
      throw new HttpError(400, 'hash_mismatch', `The bytes hash to ${actual}, not ${sha256}.`);
    }
    const mime = sniffImageType(bytes);
    if (!mime) {
      throw new HttpError(
        415,
        'unsupported_media_type',
        'Only JPEG, PNG and WebP images are accepted.',
      );
    }
    const existing = await ctx.storage.read((tx) => tx.getBlob(sha256));
    if (existing && (await ctx.blobs.has(sha256))) {
      return reply
        .code(200)
        .send({ sha256, size: existing.size, mime: existing.mime, created: false });
    }
    await ctx.blobs.put(sha256, bytes);
    await ctx.storage.write((tx) =>
      tx.insertBlob({ sha256, size: bytes.length, mime, createdAt: new Date().toISOString() }),
    );
    return reply.code(201).send({ sha256, size: bytes.length, mime, created: true });
  });

  app.get('/api/v1/blobs/:sha256', async (req, reply) => {
    await requireUser(ctx, req);
    const { sha256 } = parseOr400(BlobParams, req.params, 'blob address');
    const blob = await ctx.storage.read((tx) => tx.getBlob(sha256));
    if (!blob || !(await ctx.blobs.has(sha256))) {
      throw new HttpError(404, 'not_found', `There is no blob ${sha256}.`);
    }
    return reply
      .header('content-type', blob.mime)
      .header('content-length', String(blob.size))
      .header('cache-control', 'private, max-age=31536000, immutable')
      .header('etag', `"${sha256}"`)
      .send(ctx.blobs.stream(sha256));
  });
}
