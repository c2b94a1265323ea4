/** Splits text into the words the spelling checker looks at, with their offsets. */

export interface WordAt {
  word: string;
  start: number;
  end: number;
}

// Made on first use: building a word segmenter loads ICU's break data (≈ 10 ms), which
// would otherwise be paid while the app's modules load, before the body is shown.
let segmenter: Intl.Segmenter | undefined;
const HAS_DIGIT = /\p{N}/u;

const isUpperCase = (w: string) => w === w.toUpperCase() && w !== w.toLowerCase();

/**
 * Words of two letters or more. Numbers, words mixing letters and digits ("B2B", "2026er") and
 * words in capitals (abbreviations: "LWL", "NRW") are left alone, as Word does by default.
 */
export function wordsIn(text: string): WordAt[] {
  const out: WordAt[] = [];
  segmenter ??= new Intl.Segmenter('de', { granularity: 'word' });
  for (const s of segmenter.segment(text)) {
    if (!s.isWordLike || s.segment.length < 2) continue;
    if (HAS_DIGIT.test(s.segment) || isUpperCase(s.segment)) continue;
    out.push({ word: s.segment, start: s.index, end: s.index + s.segment.length });
  }
  return out;
}
