import sharp from 'sharp';
import type { RenditionSize } from '../../../src-shared/model';
import { decoderMessage, invalidImage } from './invalid';
import { MEDIA_LIMITS } from './limits';

export const RENDITION_MIME = 'image/webp';
export const RENDITION_EXT = 'webp';

export interface Rendition {
  size: RenditionSize;
  data: Buffer;
  width: number;
  height: number;
}

/** One resized copy: orientation applied, no metadata at all (sharp strips EXIF/GPS/XMP by default). */
async function render(bytes: Buffer, size: RenditionSize): Promise<Rendition> {
  const edge = MEDIA_LIMITS.renditionEdge[size];
  const { data, info } = await sharp(bytes, {
    limitInputPixels: MEDIA_LIMITS.maxPixels,
    failOn: 'warning',
  })
    .rotate()
    .resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true })
    .webp({ quality: size === 'thumb' ? 70 : 82 })
    .toBuffer({ resolveWithObject: true });
  return { size, data, width: info.width, height: info.height };
}

/**
 * Decodes the original (this is where a damaged file fails) and makes the thumbnail and the
 * web-size rendition. Call only after `probeImage` accepted the header.
 */
export async function makeRenditions(
  bytes: Buffer,
  fileName: string,
): Promise<Record<RenditionSize, Rendition>> {
  try {
    const [thumb, web] = await Promise.all([render(bytes, 'thumb'), render(bytes, 'web')]);
    return { thumb, web };
  } catch (e) {
    throw invalidImage(fileName, `the image data is damaged or incomplete (${decoderMessage(e)}).`);
  }
}

/** Remakes one rendition from a stored original (e.g. when the rendition file went missing). */
export async function remakeRendition(bytes: Buffer, size: RenditionSize): Promise<Rendition> {
  return render(bytes, size);
}
