/** Small text helpers for values read from image metadata. */

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** NFC-normalized, control characters removed, whitespace trimmed, at most `max` characters. */
export function cleanText(value: string, max: number): string {
  const clean = value.normalize('NFC').replace(CONTROL, '').trim();
  return clean.length > max ? clean.slice(0, max).trimEnd() : clean;
}

/** Lowercase with diacritics folded ("Müller" → "muller", "Straße" → "strasse") for search. */
export function foldForSearch(value: string): string {
  return value
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}
