import sharp, { type Metadata } from 'sharp';
import type { ImageMime } from '../../../src-shared/model';
import { decoderMessage, invalidImage } from './invalid';
import { MEDIA_LIMITS } from './limits';

export interface Probe {
  /** Display size: EXIF orientation applied. */
  width: number;
  height: number;
  /** Stored pixel size, as the header declares it. */
  storedWidth: number;
  storedHeight: number;
}

const FORMAT_OF: Record<ImageMime, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
};

function megapixels(w: number, h: number): string {
  return `${Math.round((w * h) / 1_000_000).toLocaleString('en')} megapixels`;
}

/**
 * Reads only the header (no pixel decoding) and refuses what must not be decoded: a type that
 * disagrees with the sniffed one, a missing size, or more pixels than the limit (a
 * decompression bomb claims a huge size in a tiny file).
 */
export async function probeImage(bytes: Buffer, mime: ImageMime, fileName: string): Promise<Probe> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false, failOn: 'error' }).metadata();
  } catch (e) {
    throw invalidImage(
      fileName,
      `the file is damaged or not a readable image (${decoderMessage(e)}).`,
    );
  }
  const { width, height, format } = meta;
  if (format !== FORMAT_OF[mime]) {
    throw invalidImage(fileName, `the file looks like ${mime} but its content is not.`);
  }
  if (!width || !height) throw invalidImage(fileName, 'the image has no width or height.');
  if (width * height > MEDIA_LIMITS.maxPixels) {
    throw invalidImage(
      fileName,
      `it claims ${width.toLocaleString('en')} × ${height.toLocaleString('en')} pixels ` +
        `(${megapixels(width, height)}); the limit is ${megapixels(MEDIA_LIMITS.maxPixels, 1)}.`,
    );
  }
  const rotated = (meta.orientation ?? 1) >= 5;
  return {
    width: rotated ? height : width,
    height: rotated ? width : height,
    storedWidth: width,
    storedHeight: height,
  };
}
