import { IMAGE_MAX_BYTES } from '../../../src-shared/model';

/** What an import accepts and produces. */
export const MEDIA_LIMITS = {
  /** Largest original in bytes (50 MB). */
  maxBytes: IMAGE_MAX_BYTES,
  /** Largest decoded size: 100 megapixels. Anything claiming more is refused before decoding. */
  maxPixels: 100_000_000,
  /** Longest edge of each rendition, in pixels. */
  renditionEdge: { thumb: 320, web: 1600 },
} as const;
