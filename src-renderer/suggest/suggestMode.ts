/**
 * Suggestion mode, per open article: whether the editor records edits as suggestions.
 * The editor sets the default when it opens an article (desk chiefs on articles they did not
 * write, per the settings); the user's toggle wins over that default for the rest of the session.
 */
import { create } from 'zustand';

interface ArticleMode {
  on: boolean;
  /** The user toggled it: a later default does not override the choice. */
  chosen: boolean;
}

interface SuggestModeState {
  byArticle: Record<string, ArticleMode>;
  /** The default for an article; ignored once the user has chosen for it. */
  setDefault: (articleId: string, on: boolean) => void;
  /** The user's choice (toolbar toggle or shortcut). */
  choose: (articleId: string, on: boolean) => void;
}

export const useSuggestModeStore = create<SuggestModeState>((set) => ({
  byArticle: {},
  setDefault: (articleId, on) =>
    set((s) => {
      const current = s.byArticle[articleId];
      if (current?.chosen || current?.on === on) return s;
      return { byArticle: { ...s.byArticle, [articleId]: { on, chosen: false } } };
    }),
  choose: (articleId, on) =>
    set((s) => ({ byArticle: { ...s.byArticle, [articleId]: { on, chosen: true } } })),
}));

/** Whether edits to this article are recorded as suggestions. */
export function useSuggesting(articleId: string): boolean {
  return useSuggestModeStore((s) => s.byArticle[articleId]?.on ?? false);
}

/** The same outside React (plugins, commands). */
export function isSuggesting(articleId: string): boolean {
  return useSuggestModeStore.getState().byArticle[articleId]?.on ?? false;
}
