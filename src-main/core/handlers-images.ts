import { ApiError } from '../../src-shared/api';
import { importImage } from './media/importer';
import { remakeRendition, RENDITION_MIME } from './media/renditions';
import type { HandlerFor } from './handlers';

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
    if (!existing) ctx.emit({ type: 'image.created', id: image.id });
    return { ...image, existing };
  },
  'images.get': (input, ctx) => ctx.images.get(input.id),
  'images.list': (input, ctx) => ctx.images.list(input),
  'images.setMeta': (input, ctx) => {
    const before = ctx.images.get(input.id).updatedAt;
    const image = ctx.images.setMeta(input.id, input.meta);
    if (image.updatedAt !== before) ctx.emit({ type: 'image.updated', id: image.id });
    return image;
  },
  'images.rendition': async (input, ctx) => {
    const image = ctx.images.get(input.id);
    const path = ctx.blobs.renditionRelPath(image.sha256, input.size);
    let data = ctx.blobs.read(path);
    if (!data) {
      // Renditions are derived: remake a missing one from the original if it is here.
      const original = ctx.blobs.read(ctx.blobs.blobRelPath(image.sha256));
      if (!original) {
        throw new ApiError(
          'not_found',
          `The file of image ${image.id} is not on this computer yet (it has not been downloaded).`,
        );
      }
      data = (await remakeRendition(original, input.size)).data;
      ctx.blobs.writeOnce(path, data);
    }
    return { mime: RENDITION_MIME, dataBase64: data.toString('base64') };
  },
};
