import * as exifrModule from 'exifr';
import type { IptcFields } from './iptc';

type Sidecar = typeof exifrModule.sidecar;
/**
 * exifr ships an ES build (named exports; used by Vite/Vitest) and a UMD build (one object;
 * what Node's own loader gets as `default`). Take `sidecar` from whichever is there.
 */
const sidecar: Sidecar =
  (exifrModule as { sidecar?: Sidecar }).sidecar ??
  (exifrModule.default as unknown as { sidecar: Sidecar }).sidecar;

/** XMP carries the IPTC-IIM fields, and more that IIM has no dataset for. */
export interface XmpFields extends IptcFields {
  /** Iptc4xmpCore:AltTextAccessibility */
  altText: string | null;
  /** Iptc4xmpCore:ExtDescrAccessibility */
  extendedDescription: string | null;
  /** xmpRights:UsageTerms */
  usageTerms: string | null;
  /** xmpRights:WebStatement: a URL where the licence is stated. */
  webStatement: string | null;
}

const NS = {
  dc: 'http://purl.org/dc/elements/1.1/',
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
  Iptc4xmpCore: 'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/',
  xmpRights: 'http://ns.adobe.com/xap/1.0/rights/',
} as const;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** exifr returns element text as written; XML character references still need decoding. */
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(parseInt(ref.slice(2), 16)) ?? whole;
    if (ref.startsWith('#')) return safeCodePoint(parseInt(ref.slice(1), 10)) ?? whole;
    return ENTITIES[ref] ?? whole;
  });
}

function safeCodePoint(n: number): string | undefined {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

/**
 * The packet as text. XMP allows UTF-8, UTF-16 and UTF-32 (either byte order); the encoding shows
 * in a byte-order mark or in where the zero bytes of the leading "<" fall.
 */
export function decodeXmpPacket(packet: Buffer): string {
  const b = packet;
  const at = (i: number) => b[i] ?? -1;
  const utf32 = (le: boolean): string => {
    const out: string[] = [];
    for (let i = 0; i + 4 <= b.length; i += 4) {
      const cp = le ? b.readUInt32LE(i) : b.readUInt32BE(i);
      out.push(safeCodePoint(cp) ?? '\ufffd');
    }
    return out.join('');
  };
  if (at(0) === 0 && at(1) === 0 && (at(2) === 0xfe || at(2) === 0)) return utf32(false);
  if (at(2) === 0 && at(3) === 0 && (at(0) === 0xff || at(1) === 0)) return utf32(true);
  if ((at(0) === 0xfe && at(1) === 0xff) || (at(0) === 0 && at(1) !== 0)) {
    return new TextDecoder('utf-16be').decode(b);
  }
  if ((at(0) === 0xff && at(1) === 0xfe) || (at(0) !== 0 && at(1) === 0)) {
    return new TextDecoder('utf-16le').decode(b);
  }
  return new TextDecoder('utf-8').decode(b);
}

type Node = unknown;

function isRecord(v: Node): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A scalar, or a language alternative: prefer x-default, then German, then the first. */
function textOf(v: Node): string | null {
  if (typeof v === 'string') return decodeEntities(v).trim() || null;
  if (typeof v === 'number') return String(v);
  if (isRecord(v) && 'value' in v) return textOf(v.value);
  if (Array.isArray(v)) {
    const items = v as unknown[];
    const alts = items.filter(isRecord);
    const pick: unknown =
      alts.find((a) => a.lang === 'x-default') ?? alts.find((a) => a.lang === 'de') ?? items[0];
    return pick === undefined ? null : textOf(pick);
  }
  return null;
}

/** An ordered list (rdf:Seq / rdf:Bag); exifr gives a lone item as a scalar. */
function listOf(v: Node): string[] {
  const items = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return items.map(textOf).filter((s): s is string => s !== null);
}

/** A namespace's properties, found by its URI (files may use any prefix for it). */
function ns(out: Record<string, unknown>, name: keyof typeof NS): Record<string, unknown> {
  const declared = isRecord(out.xmlns) ? out.xmlns : {};
  const prefix = Object.keys(declared).find((p) => declared[p] === NS[name]) ?? name;
  const v = out[prefix];
  return isRecord(v) ? v : {};
}

/** Parses an XMP packet. Returns null when it is not XMP exifr can read. */
export async function parseXmp(packet: Buffer): Promise<XmpFields | null> {
  let out: unknown;
  try {
    // exifr reads UTF-8 only: hand it the packet re-encoded.
    const text = decodeXmpPacket(packet).replace(/^\ufeff/, '');
    out = await sidecar(Buffer.from(text, 'utf8'), { mergeOutput: false }, 'xmp');
  } catch {
    return null;
  }
  if (!isRecord(out)) return null;
  const dc = ns(out, 'dc');
  const photoshop = ns(out, 'photoshop');
  const core = ns(out, 'Iptc4xmpCore');
  const rights = ns(out, 'xmpRights');
  const creators = listOf(dc.creator);
  return {
    credit: textOf(photoshop.Credit),
    creator: creators.length ? creators.join(', ') : null,
    copyright: textOf(dc.rights),
    source: textOf(photoshop.Source),
    caption: textOf(dc.description),
    headline: textOf(photoshop.Headline),
    keywords: listOf(dc.subject),
    altText: textOf(core.AltTextAccessibility),
    extendedDescription: textOf(core.ExtDescrAccessibility),
    usageTerms: textOf(rights.UsageTerms),
    webStatement: textOf(rights.WebStatement),
  };
}
