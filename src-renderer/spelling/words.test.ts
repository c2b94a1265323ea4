import { describe, expect, it } from 'vitest';
import { wordsIn } from './words';

describe('wordsIn', () => {
  it('finds words with their offsets, German letters and hyphenated parts included', () => {
    const text = 'Die Zusammenarbiet der Straßenbahn-Linie läuft.';
    const words = wordsIn(text);
    expect(words.map((w) => w.word)).toEqual([
      'Die',
      'Zusammenarbiet',
      'der',
      'Straßenbahn',
      'Linie',
      'läuft',
    ]);
    for (const w of words) expect(text.slice(w.start, w.end)).toBe(w.word);
  });

  it('skips numbers, words with digits, single letters and punctuation', () => {
    expect(wordsIn('Am 3. Mai 2026 kam B2B-Kunde X zu „uns“ …').map((w) => w.word)).toEqual([
      'Am',
      'Mai',
      'kam',
      'Kunde',
      'zu',
      'uns',
    ]);
  });

  it('skips abbreviations in capitals, not capitalised words', () => {
    expect(wordsIn('Der LWL und die NRW-Bank: Münster').map((w) => w.word)).toEqual([
      'Der',
      'und',
      'die',
      'Bank',
      'Münster',
    ]);
  });

  it('finds nothing in empty or blank text', () => {
    expect(wordsIn('')).toEqual([]);
    expect(wordsIn('  \n ')).toEqual([]);
  });
});
