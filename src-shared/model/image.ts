import { z } from 'zod';
import { Id, Timestamp } from './common';
import { line, text } from './text';
import { lineField } from '../text/zod';
import { allKeys, lazySchema } from '../lazySchema';

export const IMAGE_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const ImageMime = lazySchema(() => z.enum(IMAGE_MIMES));
export type ImageMime = z.infer<typeof ImageMime>;

/** Largest original Copydesk accepts (bytes). */
export const IMAGE_MAX_BYTES = 50 * 1024 * 1024;

export const Sha256Hex = lazySchema(() =>
  z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase sha256 hex digest'),
);

/** A calendar date, YYYY-MM-DD. */
export const IsoDate = lazySchema(() => z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }));

/**
 * The editable description of an image. Empty string means "not set"; `credit` is the
 * "Bildquelle" line an image needs before it can be published; `licence` holds the usage terms.
 */
export const ImageMeta = lazySchema(() =>
  z.strictObject({
    credit: line(300),
    creator: line(300),
    copyright: line(500),
    source: line(500),
    licence: text(500),
    licenceExpires: IsoDate.nullable(),
    caption: text(2000),
    /** A short synopsis of the picture (IPTC Headline). */
    headline: line(500),
    alt: line(1000),
    /** A longer description for readers who cannot see the picture (IPTC Extended Description). */
    extendedDescription: text(10000),
  }),
);
export type ImageMeta = z.infer<typeof ImageMeta>;
export const ImageMetaPatch = lazySchema(() => ImageMeta.partial());
export type ImageMetaPatch = z.infer<typeof ImageMetaPatch>;

/** The original file name as imported (shown, and editable as metadata). */
export const ImageFileName = lazySchema(() => line(255));

/** The keys of ImageMeta in schema order (written out: see ARTICLE_FIELD_NAMES). */
export const IMAGE_META_KEYS = allKeys<keyof ImageMeta>()([
  'credit',
  'creator',
  'copyright',
  'source',
  'licence',
  'licenceExpires',
  'caption',
  'headline',
  'alt',
  'extendedDescription',
]);

export const Image = lazySchema(() =>
  ImageMeta.extend({
    id: Id,
    sha256: Sha256Hex,
    mime: ImageMime,
    /** Display size: EXIF orientation applied. */
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    fileName: ImageFileName,
    byteSize: z.number().int().positive(),
    keywords: z.array(lineField().max(200)).max(200),
    /** The server's id of who added it (editors change only their own images' details); null
     * while the desk does not know (added here before signing in, or stored before schema 13). */
    createdBy: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    deletedAt: Timestamp.nullable(),
  }),
);
export type Image = z.infer<typeof Image>;

export const RENDITION_SIZES = ['thumb', 'web'] as const;
export const RenditionSize = lazySchema(() => z.enum(RENDITION_SIZES));
export type RenditionSize = z.infer<typeof RenditionSize>;
