/**
 * A word of the newsroom dictionary: what every desk's spelling checker accepts. One schema for
 * the renderer, the desk core and the server.
 */
import { z } from 'zod';
import { lazySchema } from '../lazySchema';

export const DICTIONARY_WORD_MAX = 64;

/**
 * One word as written ("citeq", "LWL.IT", "O'Neill", "Vitako-Verbund"): 2 to 64 characters in
 * Unicode NFC, starting with a letter and ending with a letter or digit, made of letters, digits
 * and single inner ".", "-", "'" or "’". No spaces, so a phrase is never taken for a word.
 */
export const DictionaryWord = lazySchema(() =>
  z
    .string()
    .min(2, 'at least 2 characters')
    .max(DICTIONARY_WORD_MAX, `at most ${DICTIONARY_WORD_MAX} characters`)
    .regex(
      /^\p{L}\p{M}*(?:[\p{L}\p{N}]\p{M}*|[.'’-](?=[\p{L}\p{N}]))*$/u,
      'one word: letters and digits, starting with a letter, with single ".", "-" or "\'" inside',
    )
    .refine((w) => w === w.normalize('NFC'), 'must be in Unicode NFC form'),
);
export type DictionaryWord = z.infer<typeof DictionaryWord>;
