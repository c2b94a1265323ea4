/**
 * Undo of the last decision on field suggestions (kicker, headline, teaser). Such a decision is a
 * change on the core (article.resolveFieldSuggestion), not a step of a text editor's history, so
 * the editor keeps what it needs to take it back: the suggestions as they were and, for an accept,
 * the field's value before. Undo reopens them (article.reopenFieldSuggestion, newest first), the
 * field takes back its value, and the timeline records the undo.
 */
import type { FieldSuggestion } from '../../src-shared/model';
import type { SuggestionAction } from '../../src-shared/richtext/suggestions';

export interface FieldDecision {
  suggestion: FieldSuggestion;
  /** The field's stored value just before the decision. */
  previous: string;
}

/** One click's decisions (one suggestion under a field, or several from the list), one action. */
export interface FieldDecisionGroup {
  action: SuggestionAction;
  decisions: FieldDecision[];
}

/** The reopen calls that undo a group, newest decision first. */
export function reopenArgs(articleId: string, group: FieldDecisionGroup) {
  return [...group.decisions]
    .reverse()
    .map(({ suggestion, previous }) =>
      group.action === 'accept'
        ? { id: articleId, suggestion, action: 'accept' as const, previous }
        : { id: articleId, suggestion, action: 'reject' as const },
    );
}

/**
 * Whether a key press is Ctrl+Z (Cmd+Z) meant for the last field decision: not while the focus
 * is in a text field or the body, where it undoes typing as always. Right after a click on
 * Accept or Reject the focus is on nothing editable (the button went with the suggestion), so
 * Ctrl+Z there undoes the decision, as in Google Docs.
 */
export function isDecisionUndoKey(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'isComposing'>,
  target: EventTarget | null,
): boolean {
  if (e.isComposing || e.shiftKey || e.altKey || !(e.ctrlKey || e.metaKey)) return false;
  if (e.key.toLowerCase() !== 'z') return false;
  const el = target as { closest?: (s: string) => unknown } | null;
  if (!el || typeof el.closest !== 'function') return true;
  return !el.closest('input, textarea, select, [contenteditable="true"]');
}
