/** Splits text into the words the spelling checker looks at, with their offsets. */

export interface WordAt {
  word: string;
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('de', { granularity: 'word' });
const HAS_DIGIT = /\p{N}/u;

/**
 * Words of two letters or more; numbers and words mixing letters and digits ("B2B", "2026er")
 * are left alone, as Word and LibreOffice do.
 */
export function wordsIn(text: string): WordAt[] {
  const out: WordAt[] = [];
  for (const s of segmenter.segment(text)) {
    if (!s.isWordLike || s.segment.length < 2 || HAS_DIGIT.test(s.segment)) continue;
    out.push({ word: s.segment, start: s.index, end: s.index + s.segment.length });
  }
  return out;
}
