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

/** XMP carries the same fields as IPTC-IIM, under Dublin Core and Photoshop namespaces. */
export type XmpFields = IptcFields;

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

function ns(out: Record<string, unknown>, name: string): Record<string, unknown> {
  const v = out[name];
  return isRecord(v) ? v : {};
}

/** Parses an XMP packet. Returns null when it is not XMP exifr can read. */
export async function parseXmp(packet: Buffer): Promise<XmpFields | null> {
  let out: unknown;
  try {
    out = await sidecar(packet, { mergeOutput: false }, 'xmp');
  } catch {
    return null;
  }
  if (!isRecord(out)) return null;
  const dc = ns(out, 'dc');
  const photoshop = ns(out, 'photoshop');
  const creators = listOf(dc.creator);
  return {
    credit: textOf(photoshop.Credit),
    creator: creators.length ? creators.join(', ') : null,
    copyright: textOf(dc.rights),
    source: textOf(photoshop.Source),
    caption: textOf(dc.description),
    keywords: listOf(dc.subject),
  };
}
