/** Who may accept or reject suggestions in the editor, and what the timeline records of it. */
import type { Article } from '../../src-shared/model';
import {
  MAX_SUGGESTION_EXCERPT,
  mayResolveSuggestions,
} from '../../src-shared/mutations/suggestionDecision';
import type { SuggestionAction } from '../../src-shared/richtext/suggestions';
import type { CurrentUser } from '../review/useRole';
import type { SuggestionItem } from './bodySuggestions';

/** Why this user may not accept or reject here, as an i18n key; null when they may. */
export function readOnlyReasonKey(
  article: Pick<Article, 'authorId' | 'assigneeId' | 'status' | 'deletedAt'>,
  me: Pick<CurrentUser, 'id' | 'role' | 'signedIn'>,
  locked: boolean,
): string | null {
  if (locked) return 'suggestionList.locked';
  // Not signed in: the desk's own article (no author yet); the server judges on push.
  if (!me.signedIn || me.id === null)
    return article.authorId === null ? null : 'suggestionList.notYours';
  if (mayResolveSuggestions(article, { id: me.id, role: me.role }).ok) return null;
  // The author of an article that left draft may not change it now; others never decide.
  return article.authorId === me.id ? 'suggestionList.locked' : 'suggestionList.notYours';
}

/** What the timeline records of a decision on these items. */
export function decisionRecord(items: readonly SuggestionItem[], action: SuggestionAction) {
  const authors = [...new Set(items.map((i) => i.author))].slice(0, 50);
  const excerpt = items
    .map((i) => i.text.trim())
    .filter(Boolean)
    .join(' … ')
    .slice(0, MAX_SUGGESTION_EXCERPT);
  return { action, count: items.length, authors, excerpt };
}
