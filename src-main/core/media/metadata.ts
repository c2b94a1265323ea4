import { ImageMeta, type ImageMime } from '../../../src-shared/model';
import { findMetadataBlocks } from './containers';
import { parseIptc, type IptcFields } from './iptc';
import { cleanText } from './text';
import { parseXmp } from './xmp';

/** What an import prefills from the file's IPTC and XMP. Empty string = not in the file. */
export interface EmbeddedMeta {
  credit: string;
  creator: string;
  copyright: string;
  source: string;
  caption: string;
  keywords: string[];
}

/** The limits of the Image model, so that prefilled values always fit it. */
const limit = (k: keyof typeof MAX_OF): number => MAX_OF[k].maxLength ?? 0;
const MAX_OF = {
  credit: ImageMeta.shape.credit,
  creator: ImageMeta.shape.creator,
  copyright: ImageMeta.shape.copyright,
  source: ImageMeta.shape.source,
  caption: ImageMeta.shape.caption,
};
const MAX_KEYWORDS = 200;
const MAX_KEYWORD = 200;

export function emptyEmbeddedMeta(): EmbeddedMeta {
  return { credit: '', creator: '', copyright: '', source: '', caption: '', keywords: [] };
}

/**
 * Reads credit line, creator, copyright notice, source, caption and keywords from the file's
 * XMP and IPTC-IIM. XMP (the current standard) wins per field; IPTC fills what XMP lacks.
 * Damaged or missing metadata never fails an import: it just leaves the fields empty.
 */
export async function readEmbeddedMeta(bytes: Buffer, mime: ImageMime): Promise<EmbeddedMeta> {
  const blocks = findMetadataBlocks(bytes, mime);
  const iptc = blocks.iptc ? parseIptc(blocks.iptc) : null;
  const xmp = blocks.xmp ? await parseXmp(blocks.xmp) : null;
  const pick = (k: Exclude<keyof IptcFields, 'keywords'>): string =>
    cleanText(xmp?.[k] ?? iptc?.[k] ?? '', limit(k));
  const keywords = xmp?.keywords.length ? xmp.keywords : (iptc?.keywords ?? []);
  const seen = new Set<string>();
  const uniqueKeywords: string[] = [];
  for (const k of keywords) {
    const clean = cleanText(k, MAX_KEYWORD);
    if (clean && !seen.has(clean.toLowerCase())) {
      seen.add(clean.toLowerCase());
      uniqueKeywords.push(clean);
    }
  }
  return {
    credit: pick('credit'),
    creator: pick('creator'),
    copyright: pick('copyright'),
    source: pick('source'),
    caption: pick('caption'),
    keywords: uniqueKeywords.slice(0, MAX_KEYWORDS),
  };
}
