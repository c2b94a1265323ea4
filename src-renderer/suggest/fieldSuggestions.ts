/**
 * The open suggestions on an article's kicker, headline and teaser, live: loaded again whenever
 * the core reports a change of the article (a local write, or a sync that brought one), so a
 * suggestion made on another desk shows without reloading. Also what a list of all of an
 * article's suggestions reads.
 */
import { useEffect, useState } from 'react';
import type { Article, FieldSuggestion, SuggestibleField } from '../../src-shared/model';
import { api } from '../api/transport';
import { useCoreEvents } from '../api/events';
import type { SuggestionItem } from './bodySuggestions';

function sameList(a: readonly FieldSuggestion[], b: readonly FieldSuggestion[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function useFieldSuggestions(
  article: Pick<Article, 'id' | 'fieldSuggestions'>,
): FieldSuggestion[] {
  const [list, setList] = useState<FieldSuggestion[]>(() => article.fieldSuggestions ?? []);
  const [reloads, setReloads] = useState(0);
  useCoreEvents((e) => {
    if (e.type !== 'article.updated' && e.type !== 'article.restored') return;
    // A save (contentOnly) changes fields and body only: no reload while the user types.
    if (e.id === article.id && !(e.type === 'article.updated' && e.contentOnly))
      setReloads((n) => n + 1);
  });
  useEffect(() => {
    if (reloads === 0) return;
    let live = true;
    void api['articles.get']({ id: article.id }).then(
      (a) =>
        live &&
        setList((prev) =>
          sameList(prev, a.fieldSuggestions ?? []) ? prev : (a.fieldSuggestions ?? []),
        ),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [article.id, reloads]);
  return list;
}

/** The suggestions on one field, oldest first. */
export function suggestionsOn(
  list: readonly FieldSuggestion[],
  field: SuggestibleField,
): FieldSuggestion[] {
  return list.filter((s) => s.field === field).sort((a, b) => a.at.localeCompare(b.at));
}

/** A field suggestion as an item of the Suggestions list: the proposed value, as added text. */
export function fieldSuggestionItem(s: FieldSuggestion): SuggestionItem {
  return {
    key: `${s.field}:${s.id}`,
    id: s.id,
    kind: 'insert',
    author: s.author,
    at: s.at,
    text: s.value,
    where: s.field,
  };
}
