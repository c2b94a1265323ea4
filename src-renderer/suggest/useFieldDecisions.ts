/**
 * Accept and reject of field suggestions in the editor: each decision is one change on the core
 * (article.resolveFieldSuggestion), recorded for the timeline; the last one can be undone
 * (useFieldDecisionUndo).
 */
import { useCallback, useState } from 'react';
import type { FieldSuggestion, SuggestibleField } from '../../src-shared/model';
import type { SuggestionAction } from '../../src-shared/richtext/suggestions';
import { api } from '../api/transport';
import type { SuggestionItem } from './bodySuggestions';
import { decisionRecord } from './decisions';
import type { FieldDecision } from './fieldDecisionUndo';
import { fieldSuggestionItem } from './fieldSuggestions';
import { useFieldDecisionUndo } from './useFieldDecisionUndo';

export function useFieldDecisions(
  articleId: string,
  fieldSuggestions: readonly FieldSuggestion[],
  flush: () => Promise<void>,
  /** Takes the stored values of these fields into the form. */
  takeStored: (fields: SuggestibleField[]) => Promise<void> | void,
) {
  const [error, setError] = useState<string | null>(null);
  /** Why the last undo was refused (an ApiError: shown translated from its code). */
  const [undoError, setUndoError] = useState<unknown>(null);
  const undo = useFieldDecisionUndo(
    articleId,
    flush,
    useCallback((fields) => void takeStored(fields), [takeStored]),
    setUndoError,
  );
  /** One decision; null when it was refused (the error shows). */
  const resolveField = async (
    s: FieldSuggestion,
    action: SuggestionAction,
  ): Promise<FieldDecision | null> => {
    setError(null);
    setUndoError(null);
    try {
      await flush();
      // The stored value the field had: what an undo of an accept puts back.
      const before = await api['articles.get']({ id: articleId });
      await api['articles.resolveFieldSuggestion']({ id: articleId, suggestionId: s.id, action });
      // The accepted value is the stored field now: take it into the form.
      if (action === 'accept') await takeStored([s.field]);
      return { suggestion: s, previous: before[s.field] };
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return null;
    }
  };
  /** Decided under the field: resolved, then recorded for the timeline like the list's decisions. */
  const resolve = (s: FieldSuggestion, action: SuggestionAction) =>
    void resolveField(s, action).then((d) => {
      if (!d) return;
      undo.remember({ action, decisions: [d] });
      return api['articles.recordSuggestions']({
        id: articleId,
        ...decisionRecord([fieldSuggestionItem(s)], action),
      });
    });
  /** Decided in the Suggestions list (which records the decision itself). */
  const resolveListed = async (items: SuggestionItem[], action: SuggestionAction) => {
    const decisions: FieldDecision[] = [];
    for (const item of items) {
      const s = fieldSuggestions.find((f) => f.id === item.id);
      const d = s ? await resolveField(s, action) : null;
      if (d) decisions.push(d);
    }
    undo.remember({ action, decisions });
  };
  return { resolve, resolveListed, error, undoError, undo };
}
