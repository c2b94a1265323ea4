import { inflateSync } from 'node:zlib';
import type { ImageMime } from '../../../src-shared/model';

/** The raw metadata blocks of an image file, before any decoding of their content. */
export interface MetadataBlocks {
  /** IPTC-IIM datasets (Photoshop image resource 0x0404). */
  iptc: Buffer | null;
  /**
   * The "IPTC-NAA digest" (Photoshop image resource 0x0425): the MD5 of the IIM datasets as an
   * XMP-aware program last wrote them.
   */
  iptcDigest: Buffer | null;
  /** The XMP packet (XML; UTF-8, or UTF-16/32 as some writers produce). */
  xmp: Buffer | null;
  /** The EXIF data: a TIFF structure ("II*\0" or "MM\0*" first). */
  exif: Buffer | null;
}

const NONE: MetadataBlocks = { iptc: null, iptcDigest: null, xmp: null, exif: null };
const EXIF_JPEG_HEADER = Buffer.from('Exif\0\0', 'latin1');
const XMP_JPEG_HEADER = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');
const PHOTOSHOP_HEADER = Buffer.from('Photoshop 3.0\0', 'latin1');
const XMP_PNG_KEYWORD = 'XML:com.adobe.xmp';
/** An XMP packet larger than this is not credits; refuse to inflate it (zip-bomb guard). */
const MAX_XMP_BYTES = 4 * 1024 * 1024;

function hasPrefix(buf: Buffer, prefix: Buffer): boolean {
  return buf.length >= prefix.length && buf.subarray(0, prefix.length).equals(prefix);
}

/** Walks JPEG marker segments up to the image data (SOS); metadata always precedes it. */
function jpegBlocks(b: Buffer): MetadataBlocks {
  let xmp: Buffer | null = null;
  let exif: Buffer | null = null;
  const photoshop: Buffer[] = [];
  let pos = 2;
  while (pos + 4 <= b.length) {
    if (b[pos] !== 0xff) break;
    const marker = b[pos + 1]!;
    if (marker === 0xff) {
      pos += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += 2; // markers without a length
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break;
    const length = b.readUInt16BE(pos + 2);
    const end = pos + 2 + length;
    if (length < 2 || end > b.length) break;
    const payload = b.subarray(pos + 4, end);
    if (marker === 0xe1 && !xmp && hasPrefix(payload, XMP_JPEG_HEADER)) {
      xmp = payload.subarray(XMP_JPEG_HEADER.length);
    } else if (marker === 0xe1 && !exif && hasPrefix(payload, EXIF_JPEG_HEADER)) {
      exif = payload.subarray(EXIF_JPEG_HEADER.length);
    } else if (marker === 0xed && hasPrefix(payload, PHOTOSHOP_HEADER)) {
      photoshop.push(payload.subarray(PHOTOSHOP_HEADER.length));
    }
    pos = end;
  }
  const iptc = photoshop.length
    ? iptcResources(Buffer.concat(photoshop))
    : { iptc: null, iptcDigest: null };
  return { xmp, exif, ...iptc };
}

/**
 * Finds image resources 0x0404 (IPTC-IIM) and 0x0425 (its digest) among Photoshop "8BIM"
 * resources.
 */
function iptcResources(b: Buffer): Pick<MetadataBlocks, 'iptc' | 'iptcDigest'> {
  const found: Pick<MetadataBlocks, 'iptc' | 'iptcDigest'> = { iptc: null, iptcDigest: null };
  let p = 0;
  while (p + 12 <= b.length) {
    if (b.toString('latin1', p, p + 4) !== '8BIM') return found;
    const id = b.readUInt16BE(p + 4);
    let nameField = 1 + b[p + 6]!;
    nameField += nameField % 2; // Pascal string padded to an even length
    const sizeAt = p + 6 + nameField;
    if (sizeAt + 4 > b.length) return found;
    const size = b.readUInt32BE(sizeAt);
    const start = sizeAt + 4;
    if (start + size > b.length) return found;
    if (id === 0x0404 && !found.iptc) found.iptc = b.subarray(start, start + size);
    if (id === 0x0425 && !found.iptcDigest && size === 16) {
      found.iptcDigest = b.subarray(start, start + size);
    }
    p = start + size + (size % 2);
  }
  return found;
}

/** PNG keeps XMP in an iTXt chunk with the keyword "XML:com.adobe.xmp". (EXIF: JPEG only.) */
function pngBlocks(b: Buffer): MetadataBlocks {
  let pos = 8;
  while (pos + 12 <= b.length) {
    const length = b.readUInt32BE(pos);
    const type = b.toString('latin1', pos + 4, pos + 8);
    const start = pos + 8;
    const end = start + length;
    if (end + 4 > b.length || type === 'IEND') break;
    if (type === 'iTXt') {
      const xmp = pngXmp(b.subarray(start, end));
      if (xmp) return { ...NONE, xmp };
    }
    pos = end + 4; // skip CRC
  }
  return NONE;
}

function pngXmp(chunk: Buffer): Buffer | null {
  const keywordEnd = chunk.indexOf(0);
  if (keywordEnd < 0 || chunk.toString('latin1', 0, keywordEnd) !== XMP_PNG_KEYWORD) return null;
  const compressed = chunk[keywordEnd + 1] === 1;
  const languageEnd = chunk.indexOf(0, keywordEnd + 3);
  if (languageEnd < 0) return null;
  const translatedEnd = chunk.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0) return null;
  const text = chunk.subarray(translatedEnd + 1);
  if (!compressed) return text;
  try {
    return inflateSync(text, { maxOutputLength: MAX_XMP_BYTES });
  } catch {
    return null;
  }
}

/** WebP (RIFF) keeps XMP in an "XMP " chunk. WebP has no IPTC-IIM. (EXIF: JPEG only.) */
function webpBlocks(b: Buffer): MetadataBlocks {
  let pos = 12;
  while (pos + 8 <= b.length) {
    const fourcc = b.toString('latin1', pos, pos + 4);
    const size = b.readUInt32LE(pos + 4);
    const start = pos + 8;
    if (start + size > b.length) break;
    if (fourcc === 'XMP ') return { ...NONE, xmp: b.subarray(start, start + size) };
    pos = start + size + (size % 2);
  }
  return NONE;
}

/**
 * Locates the IPTC, XMP and (JPEG) EXIF blocks of a JPEG, PNG or WebP file by walking its container
 * structure. Never throws: a damaged container yields what was found before the damage.
 */
export function findMetadataBlocks(bytes: Buffer, mime: ImageMime): MetadataBlocks {
  switch (mime) {
    case 'image/jpeg':
      return jpegBlocks(bytes);
    case 'image/png':
      return pngBlocks(bytes);
    case 'image/webp':
      return webpBlocks(bytes);
  }
}
