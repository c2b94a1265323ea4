/**
 * The newsroom dictionary: words anyone adds and desk chiefs remove, each change queued as a
 * mutation (so it works offline) and synced to every desk.
 */
import { ApiError } from '../../src-shared/api';
import { Role } from '../../src-shared/model';
import { isChief } from '../../src-shared/workflow';
import type { HandlerFor } from './context';

type DictionaryMethod = 'dictionary.list' | 'dictionary.add' | 'dictionary.remove';

export const dictionaryHandlers: { [M in DictionaryMethod]: HandlerFor<M> } = {
  'dictionary.list': (_input, ctx) => ({ items: ctx.dictionary.list() }),

  'dictionary.add': (input, ctx) => {
    const known = ctx.dictionary.get(input.word);
    if (known) return known;
    const me = ctx.sync.status().user;
    const w = ctx.dictionary.add(input.word, me?.id ?? null, new Date().toISOString());
    ctx.emit({ type: 'dictionary.updated', origin: 'local' });
    return w;
  },

  'dictionary.remove': (input, ctx) => {
    const me = ctx.sync.status().user;
    const role = Role.safeParse(me?.role);
    // The server decides; this only spares a change it would refuse.
    if (!role.success || !isChief(role.data)) {
      throw new ApiError(
        'unauthorized',
        'Only a desk chief may remove words from the newsroom dictionary.',
      );
    }
    if (!ctx.dictionary.remove(input.word, new Date().toISOString())) {
      throw new ApiError('not_found', `"${input.word}" is not in the newsroom dictionary.`);
    }
    ctx.emit({ type: 'dictionary.updated', origin: 'local' });
    return { ok: true as const };
  },
};
