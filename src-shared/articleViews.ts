import type { ArticleFilter } from './api';

/**
 * The article list's saved views: a name (translated as `views.<id>`) and its filter. Adding a
 * view is one entry here and its two translations.
 */
export const ARTICLE_VIEWS = [
  { id: 'all', filter: {} },
  { id: 'myDrafts', filter: { status: 'draft', mine: true } },
  { id: 'inReview', filter: { status: 'in_review' } },
  { id: 'changesRequested', filter: { changesRequested: true } },
  { id: 'scheduled', filter: { scheduled: true } },
  { id: 'published', filter: { status: 'published' } },
  { id: 'trash', filter: { deleted: true } },
] as const satisfies readonly { id: string; filter: ArticleFilter }[];

export type ArticleViewId = (typeof ARTICLE_VIEWS)[number]['id'];
export const ARTICLE_VIEW_IDS = ARTICLE_VIEWS.map((v) => v.id) as [
  ArticleViewId,
  ...ArticleViewId[],
];

/** The filter of a saved view (an unknown id, from an older or newer app, is "all"). */
export function viewFilter(id: string): ArticleFilter {
  return ARTICLE_VIEWS.find((v) => v.id === id)?.filter ?? {};
}
