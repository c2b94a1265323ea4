/** The editor's last field decision and its undo (button and Ctrl+Z), see fieldDecisionUndo.ts. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SuggestibleField } from '../../src-shared/model';
import { api } from '../api/transport';
import { fieldSuggestionItem } from './fieldSuggestions';
import { decisionRecord } from './decisions';
import { isDecisionUndoKey, reopenArgs, type FieldDecisionGroup } from './fieldDecisionUndo';

export interface FieldDecisionUndo {
  last: FieldDecisionGroup | null;
  remember(group: FieldDecisionGroup): void;
  undo(): Promise<void>;
  dismiss(): void;
}

export function useFieldDecisionUndo(
  articleId: string,
  /** Saves pending typing first, so the undo sees the stored fields. */
  flush: () => Promise<void>,
  /** The fields whose stored values changed (take them into the form). */
  onReopened: (fields: SuggestibleField[]) => void,
  onError: (error: unknown) => void,
): FieldDecisionUndo {
  const [last, setLast] = useState<FieldDecisionGroup | null>(null);
  const busy = useRef(false);
  const remember = useCallback((group: FieldDecisionGroup) => {
    if (group.decisions.length > 0) setLast(group);
  }, []);
  const dismiss = useCallback(() => setLast(null), []);
  const undo = useCallback(async () => {
    if (!last || busy.current) return;
    busy.current = true;
    setLast(null);
    onError(null);
    const done: FieldDecisionGroup['decisions'] = [];
    try {
      await flush();
      const calls = reopenArgs(articleId, last);
      for (const [i, args] of calls.entries()) {
        await api['articles.reopenFieldSuggestion'](args);
        done.push(last.decisions[last.decisions.length - 1 - i]!);
      }
    } catch (e) {
      onError(e);
    } finally {
      busy.current = false;
    }
    if (done.length === 0) return;
    if (last.action === 'accept') onReopened([...new Set(done.map((d) => d.suggestion.field))]);
    await api['articles.recordSuggestions']({
      id: articleId,
      ...decisionRecord(
        done.map((d) => fieldSuggestionItem(d.suggestion)),
        last.action,
      ),
      undone: true,
    }).catch((e: unknown) => console.error('Suggestions:', e));
  }, [articleId, flush, last, onError, onReopened]);

  useEffect(() => {
    if (!last) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isDecisionUndoKey(e, e.target)) return;
      e.preventDefault();
      void undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [last, undo]);

  return { last, remember, undo, dismiss };
}
