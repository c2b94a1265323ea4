/**
 * The three EXIF text tags of IFD0 that describe a picture and its rights: ImageDescription,
 * Artist and Copyright. EXIF says ASCII; the Metadata Working Group says read them as UTF-8 when
 * the bytes are valid UTF-8, which is what cameras and tools write today; anything else is read as
 * Windows-1252 (Latin-1).
 */
export interface ExifFields {
  description: string | null;
  artist: string | null;
  copyright: string | null;
}

const TAG = { description: 0x010e, artist: 0x013b, copyright: 0x8298 } as const;
const ASCII = 2;
const MAX_ENTRIES = 1000;

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('windows-1252');

function decodeText(bytes: Buffer): string {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
}

/** EXIF Copyright may hold "photographer\0editor"; both parts are kept, joined by "; ". */
function textValue(bytes: Buffer): string | null {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0) {
      const part = decodeText(bytes.subarray(from, i)).trim();
      if (part) parts.push(part);
      from = i + 1;
    }
  }
  return parts.length ? parts.join('; ') : null;
}

/** Reads IFD0 of a TIFF structure (the EXIF block); damaged data yields nulls, never throws. */
export function parseExif(tiff: Buffer): ExifFields {
  const out: ExifFields = { description: null, artist: null, copyright: null };
  if (tiff.length < 8) return out;
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return out;
  const le = order === 'II';
  const u16 = (p: number) => (le ? tiff.readUInt16LE(p) : tiff.readUInt16BE(p));
  const u32 = (p: number) => (le ? tiff.readUInt32LE(p) : tiff.readUInt32BE(p));
  if (u16(2) !== 42) return out;
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return out;
  const count = Math.min(u16(ifd), MAX_ENTRIES);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) break;
    const tag = u16(entry);
    const field = (Object.keys(TAG) as (keyof typeof TAG)[]).find((k) => TAG[k] === tag);
    if (!field || u16(entry + 2) !== ASCII) continue;
    const length = u32(entry + 4);
    const start = length <= 4 ? entry + 8 : u32(entry + 8);
    if (start + length > tiff.length) continue;
    out[field] = textValue(tiff.subarray(start, start + length));
  }
  return out;
}
