/**
 * The newsroom dictionary: words anyone may add and a desk chief may remove. A removed word
 * stays as a tombstone (removed: true) so the removal reaches every desk through the pull.
 */
import { z } from 'zod';
import { DictionaryWord } from '../model';
import { isChief } from '../workflow';
import { fail, noop, type MutationDef, type WordState } from './types';
import { lazySchema } from '../lazySchema';

export const DictionaryWordArgs = lazySchema(() => z.strictObject({ word: DictionaryWord }));
export type DictionaryWordArgs = z.infer<typeof DictionaryWordArgs>;

export const dictionaryAddWord: MutationDef<DictionaryWordArgs, WordState> = {
  name: 'dictionary.addWord',
  entity: 'word',
  args: DictionaryWordArgs,
  description:
    'Adds a word to the newsroom dictionary (any signed-in user; adding a known word changes nothing).',
  entityId: (a) => a.word,
  serverOnly: () => false,
  prefetch: () => ({}),
  authorize: () => null,
  apply(state, args, ctx) {
    if (state && !state.removed) return noop(state);
    return {
      ok: true,
      outcome: 'applied',
      state: {
        word: args.word,
        addedBy: ctx.authorId,
        addedAt: ctx.now,
        removed: false,
        version: ctx.version,
      },
      changed: state ? ['removed', 'addedBy', 'addedAt'] : ['*'],
      conflicts: [],
      bodyWritten: false,
    };
  },
};

export const dictionaryRemoveWord: MutationDef<DictionaryWordArgs, WordState> = {
  name: 'dictionary.removeWord',
  entity: 'word',
  args: DictionaryWordArgs,
  description: 'Removes a word from the newsroom dictionary (desk chiefs and admins only).',
  entityId: (a) => a.word,
  serverOnly: () => false,
  prefetch: () => ({}),
  authorize(_state, _args, actor) {
    return isChief(actor.role)
      ? null
      : fail('forbidden', 'Only a desk chief may remove words from the newsroom dictionary.');
  },
  apply(state, args, ctx) {
    if (!state) return fail('not_found', `"${args.word}" is not in the newsroom dictionary.`);
    if (state.removed) return noop(state);
    return {
      ok: true,
      outcome: 'applied',
      state: { ...state, removed: true, version: ctx.version },
      changed: ['removed'],
      conflicts: [],
      bodyWritten: false,
    };
  },
};
