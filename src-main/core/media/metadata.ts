import { ImageMeta, type ImageMime } from '../../../src-shared/model';
import { findMetadataBlocks } from './containers';
import { parseExif, type ExifFields } from './exif';
import { IIM_MAX_BYTES, parseIptc, type IptcFields } from './iptc';
import { iimState, reconcileList, reconcileText } from './mwg';
import { cleanText } from './text';
import { parseXmp, type XmpFields } from './xmp';

/** What an import prefills from the file's EXIF, IPTC and XMP. Empty string = not in the file. */
export type EmbeddedMeta = Pick<
  ImageMeta,
  | 'credit'
  | 'creator'
  | 'copyright'
  | 'source'
  | 'licence'
  | 'caption'
  | 'headline'
  | 'alt'
  | 'extendedDescription'
> & { keywords: string[] };

type TextKey = Exclude<keyof EmbeddedMeta, 'keywords'>;

/** The limits of the Image model, so that prefilled values always fit it. */
const limit = (k: TextKey): number => ImageMeta.shape[k].maxLength ?? 0;
const MAX_KEYWORDS = 200;
const MAX_KEYWORD = 200;

export function emptyEmbeddedMeta(): EmbeddedMeta {
  return {
    credit: '',
    creator: '',
    copyright: '',
    source: '',
    licence: '',
    caption: '',
    headline: '',
    alt: '',
    extendedDescription: '',
    keywords: [],
  };
}

/** The IIM fields and the EXIF tag that also holds them. */
const SHARED: { key: keyof IptcFields & TextKey; exif?: keyof ExifFields }[] = [
  { key: 'credit' },
  { key: 'creator', exif: 'artist' },
  { key: 'copyright', exif: 'copyright' },
  { key: 'source' },
  { key: 'caption', exif: 'description' },
  { key: 'headline' },
];

/** Usage terms, and the URL of the licence statement on a line of its own when there is one. */
function licenceOf(xmp: XmpFields | null): string {
  const terms = xmp?.usageTerms ?? '';
  const url = xmp?.webStatement ?? '';
  if (!url || terms.includes(url)) return terms;
  return terms ? `${terms}\n${url}` : url;
}

function uniqueKeywords(keywords: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const k of keywords) {
    const clean = cleanText(k, MAX_KEYWORD);
    if (clean && !seen.has(clean.toLowerCase())) {
      seen.add(clean.toLowerCase());
      out.push(clean);
    }
  }
  return out.slice(0, MAX_KEYWORDS);
}

/**
 * Reads credit line, creator, copyright notice, source, usage terms, caption, headline, alt text,
 * extended description and keywords from the file's EXIF, IPTC-IIM and XMP, choosing between them
 * by the Metadata Working Group's rules (mwg.ts). Damaged or missing metadata never fails an
 * import: it just leaves the fields empty.
 */
export async function readEmbeddedMeta(bytes: Buffer, mime: ImageMime): Promise<EmbeddedMeta> {
  const blocks = findMetadataBlocks(bytes, mime);
  const iptc = blocks.iptc ? parseIptc(blocks.iptc) : null;
  const xmp = blocks.xmp ? await parseXmp(blocks.xmp) : null;
  const exif = blocks.exif ? parseExif(blocks.exif) : null;
  const state = iimState(blocks.iptc, blocks.iptcDigest);
  const out = emptyEmbeddedMeta();
  for (const { key, exif: exifKey } of SHARED) {
    const value = reconcileText(
      { exif: exifKey ? exif?.[exifKey] : null, iim: iptc?.[key] ?? null, xmp: xmp?.[key] ?? null },
      state,
      IIM_MAX_BYTES[key],
    );
    out[key] = cleanText(value ?? '', limit(key));
  }
  out.licence = cleanText(licenceOf(xmp), limit('licence'));
  out.alt = cleanText(xmp?.altText ?? '', limit('alt'));
  out.extendedDescription = cleanText(xmp?.extendedDescription ?? '', limit('extendedDescription'));
  out.keywords = uniqueKeywords(
    reconcileList(
      { iim: iptc?.keywords ?? null, xmp: xmp?.keywords ?? null },
      state,
      IIM_MAX_BYTES.keywords,
    ),
  );
  return out;
}
