/** Messages between the renderer and the spelling worker (one worker per language). */
import { z } from 'zod';
import { SpellingLanguage as SpellLanguage } from '../../src-shared/api';
import { lazySchema } from '../../src-shared/lazySchema';

export { SpellLanguage };

export const SpellRequest = lazySchema(() =>
  z.discriminatedUnion('type', [
    /** The first message: loads the dictionary of `language`. */
    z.object({ id: z.number(), type: z.literal('open'), language: SpellLanguage }),
    /** Answers with the words among `words` that are misspelled. */
    z.object({ id: z.number(), type: z.literal('check'), words: z.array(z.string()) }),
    /** Answers with up to five suggestions for `word`. */
    z.object({ id: z.number(), type: z.literal('suggest'), word: z.string() }),
    /** Accepts `words` from now on (personal dictionary); answers with nothing. */
    z.object({ id: z.number(), type: z.literal('add'), words: z.array(z.string()) }),
    /** No longer accepts `words` (a newsroom word a desk chief removed); answers with nothing. */
    z.object({ id: z.number(), type: z.literal('remove'), words: z.array(z.string()) }),
  ]),
);
export type SpellRequest = z.infer<typeof SpellRequest>;

export const SpellResponse = lazySchema(() =>
  z.discriminatedUnion('type', [
    z.object({ id: z.number(), type: z.literal('ok'), words: z.array(z.string()) }),
    z.object({ id: z.number(), type: z.literal('error'), message: z.string() }),
  ]),
);
export type SpellResponse = z.infer<typeof SpellResponse>;

export const MAX_SUGGESTIONS = 5;
