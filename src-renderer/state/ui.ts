import { create } from 'zustand';

export type View = 'articles' | 'images' | 'review' | 'settings';

/** UI navigation state only. Article documents never live here (the editor stays uncontrolled). */
interface UiState {
  view: View;
  openArticleId: string | null;
  query: string;
  setView: (view: View) => void;
  openArticle: (id: string | null) => void;
  setQuery: (query: string) => void;
}

export const useUi = create<UiState>((set) => ({
  view: 'articles',
  openArticleId: null,
  query: '',
  setView: (view) => set({ view }),
  openArticle: (openArticleId) => set({ openArticleId, view: 'articles' }),
  setQuery: (query) => set({ query }),
}));
