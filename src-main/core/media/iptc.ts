/**
 * IPTC-IIM (the "legacy" IPTC block inside JPEG files): the datasets Copydesk prefills from.
 * Text is decoded as UTF-8 when dataset 1:90 (CodedCharacterSet) says so, or when the bytes are
 * valid UTF-8 anyway (many tools omit 1:90); otherwise as Windows-1252 (Latin-1), which is what
 * older agency feeds send.
 */
export interface IptcFields {
  credit: string | null;
  creator: string | null;
  copyright: string | null;
  source: string | null;
  caption: string | null;
  headline: string | null;
  keywords: string[];
}

/** The most bytes IPTC-IIM allows in each dataset: longer values were cut by the writer. */
export const IIM_MAX_BYTES = {
  credit: 32,
  creator: 32,
  copyright: 128,
  source: 32,
  caption: 2000,
  headline: 256,
  keywords: 64,
} as const satisfies Record<keyof IptcFields, number>;

const UTF8_ESCAPE = Buffer.from([0x1b, 0x25, 0x47]); // ESC % G

const DATASET = {
  keywords: 25,
  byline: 80,
  headline: 105,
  credit: 110,
  source: 115,
  copyright: 116,
  caption: 120,
} as const;

interface RawDataset {
  record: number;
  dataset: number;
  value: Buffer;
}

function readDatasets(b: Buffer): RawDataset[] {
  const out: RawDataset[] = [];
  let p = 0;
  while (p + 5 <= b.length && b[p] === 0x1c) {
    const record = b[p + 1]!;
    const dataset = b[p + 2]!;
    let length = b.readUInt16BE(p + 3);
    p += 5;
    if (length & 0x8000) {
      // Extended dataset: the low bits give how many bytes hold the real length.
      const n = length & 0x7fff;
      if (n < 1 || n > 4 || p + n > b.length) break;
      length = b.readUIntBE(p, n);
      p += n;
    }
    if (p + length > b.length) break;
    out.push({ record, dataset, value: b.subarray(p, p + length) });
    p += length;
  }
  return out;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function legacyDecode(bytes: Buffer): string {
  try {
    return new TextDecoder('windows-1252').decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

function decode(bytes: Buffer, declaredUtf8: boolean): string {
  const text = (() => {
    if (declaredUtf8) return bytes.toString('utf8');
    try {
      return utf8Strict.decode(bytes);
    } catch {
      return legacyDecode(bytes);
    }
  })();
  return text.replace(/\0+$/, '');
}

/** Parses an IPTC-IIM block; unknown or damaged datasets are skipped, never thrown. */
export function parseIptc(block: Buffer): IptcFields {
  const datasets = readDatasets(block);
  const declaredUtf8 = datasets.some(
    (d) => d.record === 1 && d.dataset === 90 && d.value.includes(UTF8_ESCAPE),
  );
  const values = (dataset: number): string[] =>
    datasets
      .filter((d) => d.record === 2 && d.dataset === dataset)
      .map((d) => decode(d.value, declaredUtf8).trim())
      .filter((v) => v.length > 0);
  const first = (dataset: number): string | null => values(dataset)[0] ?? null;
  const bylines = values(DATASET.byline);
  return {
    credit: first(DATASET.credit),
    creator: bylines.length ? bylines.join(', ') : null,
    copyright: first(DATASET.copyright),
    source: first(DATASET.source),
    caption: first(DATASET.caption),
    headline: first(DATASET.headline),
    keywords: values(DATASET.keywords),
  };
}
