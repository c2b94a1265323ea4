import { create } from 'zustand';
import { api } from '../api/transport';
import { allSaved } from '../editor/pendingSaves';
import { useUi } from './ui';

/** How long "Undo" stays offered after a delete. */
export const UNDO_MS = 8000;

export type TrashNote =
  | { kind: 'deleted'; id: string; headline: string; at: number }
  | { kind: 'restored'; id: string; headline: string; at: number }
  | { kind: 'error'; error: unknown; at: number };

interface TrashState {
  /** What the toast says now (the last delete with its undo, a restore, or a refusal). */
  note: TrashNote | null;
  dismiss: () => void;
  /** Moves an article to the Trash; the open one is closed first (its last save stored). */
  remove: (id: string, headline: string) => Promise<void>;
  restore: (id: string, headline: string) => Promise<void>;
}

export const useTrash = create<TrashState>((set) => ({
  note: null,
  dismiss: () => set({ note: null }),
  remove: async (id, headline) => {
    try {
      const ui = useUi.getState();
      if (ui.openArticleId === id) ui.openArticle(null);
      await allSaved();
      await api['articles.delete']({ id });
      set({ note: { kind: 'deleted', id, headline, at: Date.now() } });
    } catch (error) {
      set({ note: { kind: 'error', error, at: Date.now() } });
    }
  },
  restore: async (id, headline) => {
    try {
      await api['articles.restore']({ id });
      set({ note: { kind: 'restored', id, headline, at: Date.now() } });
    } catch (error) {
      set({ note: { kind: 'error', error, at: Date.now() } });
    }
  },
}));
