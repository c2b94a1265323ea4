/** Words, characters and reading time of the body's text; computed when typing pauses. */
import { countWords, readingMinutes } from '../../src-shared/richtext/plainText';

export interface BodyStats {
  words: number;
  chars: number;
  minutes: number;
}

/** `text` is Lexical's root text content: blocks are separated by blank lines, not counted. */
export function bodyStats(text: string): BodyStats {
  const words = countWords(text);
  const chars = text.replace(/\n/g, '').length;
  return { words, chars, minutes: readingMinutes(words) };
}
