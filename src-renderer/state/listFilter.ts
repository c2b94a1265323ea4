import { create } from 'zustand';
import type { ArticleFilter } from '../../src-shared/api';
import type { ArticleStatus } from '../../src-shared/model';
import { ARTICLE_VIEWS, viewFilter, type ArticleViewId } from '../../src-shared/articleViews';
import { api } from '../api/transport';

export type UpdatedWithin = 'any' | 'today' | 'week' | 'range';

/** The filters the user set on top of the saved view ('' = any). */
export interface ListFilters {
  status: ArticleStatus | '';
  section: string;
  authorId: string;
  updated: UpdatedWithin;
  /** The range's first and last day (yyyy-mm-dd, local), both included. */
  from: string;
  to: string;
}

export const NO_FILTERS: ListFilters = {
  status: '',
  section: '',
  authorId: '',
  updated: 'any',
  from: '',
  to: '',
};

function localMidnight(day: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/** The time bounds of a date choice, in the local calendar (today: since midnight). */
export function updatedBounds(
  f: Pick<ListFilters, 'updated' | 'from' | 'to'>,
  now: Date,
): Pick<ArticleFilter, 'updatedFrom' | 'updatedBefore'> {
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  if (f.updated === 'today') return { updatedFrom: midnight.toISOString() };
  if (f.updated === 'week') {
    const start = new Date(midnight);
    start.setDate(start.getDate() - 6);
    return { updatedFrom: start.toISOString() };
  }
  if (f.updated !== 'range') return {};
  const from = localMidnight(f.from);
  const to = localMidnight(f.to);
  if (to) to.setDate(to.getDate() + 1);
  return {
    ...(from ? { updatedFrom: from.toISOString() } : {}),
    ...(to ? { updatedBefore: to.toISOString() } : {}),
  };
}

/** The view's filter with the user's filters on top (theirs win where both name a field). */
export function combinedFilter(view: string, f: ListFilters, now: Date): ArticleFilter {
  return {
    ...viewFilter(view),
    ...(f.status ? { status: f.status } : {}),
    ...(f.section ? { section: f.section } : {}),
    ...(f.authorId ? { authorId: f.authorId, mine: false } : {}),
    ...updatedBounds(f, now),
  };
}

/** How many filters are set (shown on the Filters button). */
export function activeFilterCount(f: ListFilters): number {
  return [f.status, f.section, f.authorId, f.updated !== 'any' ? 'x' : ''].filter(Boolean).length;
}

interface ListFilterState {
  view: ArticleViewId;
  filters: ListFilters;
  setView: (view: ArticleViewId) => void;
  setFilters: (patch: Partial<ListFilters>) => void;
  /** Reads the view remembered in the profile's settings. */
  load: () => void;
}

export const useListFilter = create<ListFilterState>((set) => ({
  view: 'all',
  filters: NO_FILTERS,
  setView: (view) => {
    set({ view });
    void api['settings.update']({ listView: view }).catch(() => undefined);
  },
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  load: () => {
    void api['settings.get']({}).then(
      (s) => {
        const known = ARTICLE_VIEWS.find((v) => v.id === s.listView);
        if (known) set({ view: known.id });
      },
      () => undefined,
    );
  },
}));
