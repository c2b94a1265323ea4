/** The refusals every article mutation shares: no such article, or one in the trash. */
import { fail, type ApplyFail, type ArticleState } from './types';

export function notFound(id: string): ApplyFail {
  return fail('not_found', `There is no article ${id}.`);
}

/** Invariant of every edit: a deleted article is restored first. */
export function deletedRefusal(state: ArticleState): ApplyFail | null {
  return state.deletedAt !== null
    ? fail('deleted', 'The article is deleted; restore it first.')
    : null;
}
