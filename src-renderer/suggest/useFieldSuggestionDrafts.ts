/**
 * Typing in kicker, headline or teaser while suggestion mode is on: the field keeps its value,
 * and what the user types is their proposed value, saved as their suggestion like autosave
 * (debounced, and at once when the field loses focus). While the field has the focus it shows
 * the proposal; afterwards the field's value again, with the proposal listed under it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldSuggestion, SuggestibleField } from '../../src-shared/model';
import { api } from '../api/transport';

const SAVE_DELAY_MS = 500;

type Drafts = Partial<Record<SuggestibleField, string>>;

export interface FieldSuggestionDrafts {
  /** What the field shows: the user's proposal while they edit it, else the field's value. */
  shown(field: SuggestibleField, current: string): string;
  change(field: SuggestibleField, value: string): void;
  /** Editing starts from the user's own open suggestion, if any. */
  focus(field: SuggestibleField): void;
  /** Saves at once and shows the field's value again. */
  blur(field: SuggestibleField): void;
  /** The last save's error message, if it failed. */
  error: string | null;
}

export function useFieldSuggestionDrafts(
  articleId: string,
  suggestions: readonly FieldSuggestion[],
  me: string | null,
): FieldSuggestionDrafts {
  const [drafts, setDrafts] = useState<Drafts>({});
  const [error, setError] = useState<string | null>(null);
  const timers = useRef(new Map<SuggestibleField, ReturnType<typeof setTimeout>>());
  const pending = useRef<Drafts>({});

  const save = useCallback(
    (field: SuggestibleField) => {
      clearTimeout(timers.current.get(field));
      timers.current.delete(field);
      const value = pending.current[field];
      if (value === undefined) return;
      delete pending.current[field];
      void api['articles.suggestField']({ id: articleId, field, value }).then(
        () => setError(null),
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      );
    },
    [articleId],
  );
  // Leaving the article saves what is still waiting.
  useEffect(() => {
    const waiting = timers.current;
    return () => {
      for (const field of [...waiting.keys()]) save(field);
    };
  }, [save]);

  return {
    shown: (field, current) => drafts[field] ?? current,
    change: (field, value) => {
      setDrafts((d) => ({ ...d, [field]: value }));
      pending.current[field] = value;
      clearTimeout(timers.current.get(field));
      timers.current.set(
        field,
        setTimeout(() => save(field), SAVE_DELAY_MS),
      );
    },
    focus: (field) => {
      const own = suggestions.find((s) => s.field === field && s.author === me);
      if (own) setDrafts((d) => (d[field] === undefined ? { ...d, [field]: own.value } : d));
    },
    blur: (field) => {
      save(field);
      setDrafts((d) => {
        const { [field]: _gone, ...rest } = d;
        return rest;
      });
    },
    error,
  };
}
