import { ApiError } from '../../src-shared/api';
import { importImage } from './media/importer';
import { remakeRendition, RENDITION_MIME } from './media/renditions';
import type { Image } from '../../src-shared/model';
import type { CoreContext, HandlerFor } from './context';
import { sniffImageMime } from './media/sniff';
import { SyncHttpError } from './sync/http';

type ImageMethod =
  'images.import' | 'images.get' | 'images.list' | 'images.setMeta' | 'images.rendition';

/** The image desk's DesktopApi methods. Inputs arrive validated; outputs are validated after. */
export const imageHandlers: { [M in ImageMethod]: HandlerFor<M> } = {
  'images.import': async (input, ctx) => {
    const bytes = Buffer.from(input.dataBase64, 'base64');
    const { image, existing } = await importImage(
      { images: ctx.images, blobs: ctx.blobs },
      { fileName: input.fileName, bytes },
    );
    if (!existing) ctx.emit({ type: 'image.created', id: image.id, origin: 'local' });
    return { ...image, existing };
  },
  'images.get': (input, ctx) => ctx.images.get(input.id),
  'images.list': (input, ctx) => ctx.images.list(input),
  'images.setMeta': (input, ctx) => {
    const before = ctx.images.get(input.id).updatedAt;
    const image = ctx.images.setMeta(input.id, input.meta);
    if (image.updatedAt !== before)
      ctx.emit({ type: 'image.updated', id: image.id, origin: 'local' });
    return image;
  },
  'images.rendition': async (input, ctx) => {
    const image = ctx.images.get(input.id);
    const path = ctx.blobs.renditionRelPath(image.sha256, input.size);
    let data = ctx.blobs.read(path);
    if (!data) {
      // Renditions are derived: remake a missing one from the original, which an image known
      // only from the server downloads now (lazily, on first need).
      const original = await originalOf(ctx, image);
      data = (await remakeRendition(original, input.size)).data;
      ctx.blobs.writeOnce(path, data);
    }
    return { mime: RENDITION_MIME, dataBase64: data.toString('base64') };
  },
};

/** The original bytes of an image: from the profile, or downloaded from the server and kept. */
async function originalOf(ctx: CoreContext, image: Image): Promise<Buffer> {
  const rel = ctx.blobs.blobRelPath(image.sha256);
  const here = ctx.blobs.read(rel);
  if (here) return here;
  if (!ctx.sync.signedIn()) {
    throw new ApiError(
      'not_found',
      `The file of image ${image.id} is not on this computer yet; sign in to download it.`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await ctx.sync.fetchBlob(image.sha256);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const code = e instanceof SyncHttpError && e.status === 404 ? 'not_found' : 'transport';
    throw new ApiError(code, `The file of image ${image.id} could not be downloaded: ${why}`);
  }
  if (sniffImageMime(bytes) !== image.mime) {
    throw new ApiError(
      'invalid_input',
      `The downloaded file of image ${image.id} is not a ${image.mime}.`,
    );
  }
  ctx.blobs.writeOnce(rel, bytes);
  ctx.sync.blobDownloaded(image.sha256, bytes.length);
  ctx.emit({ type: 'image.updated', id: image.id, origin: 'sync' });
  return bytes;
}
