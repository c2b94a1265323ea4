import { useEffect } from 'react';
import { create } from 'zustand';
import type { Section } from '../../src-shared/model';
import { api } from '../api/transport';

interface SectionsState {
  items: Section[];
  loaded: boolean;
  load: () => Promise<void>;
}

/** The desk's sections, loaded once per window and shared by the list and the editor. */
export const useSectionsStore = create<SectionsState>((set, get) => ({
  items: [],
  loaded: false,
  load: async () => {
    if (get().loaded) return;
    set({ loaded: true });
    try {
      set({ items: (await api['sections.list']({})).items });
    } catch {
      set({ loaded: false });
    }
  },
}));

export function useSections(): Section[] {
  const items = useSectionsStore((s) => s.items);
  const load = useSectionsStore((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);
  return items;
}

export function sectionName(sections: readonly Section[], slug: string | null): string | null {
  if (!slug) return null;
  return sections.find((s) => s.slug === slug)?.name ?? slug;
}
