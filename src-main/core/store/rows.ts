import type { Article, ArticleSummary, FieldSuggestions } from '../../../src-shared/model';

/** The articles table row as SQLite returns it. */
export interface ArticleRow {
  rowid: number;
  id: string;
  kicker: string;
  headline: string;
  teaser: string;
  byline: string;
  section: string | null;
  slug: string;
  tags_json: string;
  links_json: string;
  lead_image_json: string | null;
  /** Schema 9: the search engines' description and the social image. */
  meta_description: string;
  social_image_id: string | null;
  body_json: string;
  body_text: string;
  word_count: number;
  status: Article['status'];
  author_id: string | null;
  assignee_id: string | null;
  revision: number;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  deleted_at: string | null;
  server_version: number | null;
  server_body_version?: number | null;
  has_conflict?: number;
  /** Schema 5: who made the last synced change (username). */
  updated_by?: string | null;
  /** Schema 8: scheduled publication and embargo (UTC ISO). */
  scheduled_at?: string | null;
  embargo_until?: string | null;
  /** Schema 10: who deleted it (username). */
  deleted_by?: string | null;
  /** Schema 12: open suggestions on kicker, headline and teaser (JSON array). */
  field_suggestions_json?: string;
}

export type SummaryRow = Pick<
  ArticleRow,
  | 'id'
  | 'kicker'
  | 'headline'
  | 'teaser'
  | 'section'
  | 'tags_json'
  | 'status'
  | 'updated_at'
  | 'created_at'
  | 'deleted_at'
  | 'word_count'
  | 'has_conflict'
  | 'scheduled_at'
  | 'embargo_until'
  | 'deleted_by'
  | 'author_id'
>;

export const SUMMARY_COLUMNS =
  'id, kicker, headline, teaser, section, tags_json, status, updated_at, created_at, deleted_at, word_count, has_conflict, scheduled_at, embargo_until, deleted_by, author_id';

export function rowToArticle(r: ArticleRow): Article {
  return {
    id: r.id,
    kicker: r.kicker,
    headline: r.headline,
    teaser: r.teaser,
    byline: r.byline,
    section: r.section,
    slug: r.slug,
    tags: JSON.parse(r.tags_json) as string[],
    links: JSON.parse(r.links_json) as Article['links'],
    leadImage: r.lead_image_json ? (JSON.parse(r.lead_image_json) as Article['leadImage']) : null,
    metaDescription: r.meta_description,
    socialImageId: r.social_image_id,
    body: JSON.parse(r.body_json) as Article['body'],
    status: r.status,
    authorId: r.author_id,
    assigneeId: r.assignee_id,
    revision: r.revision,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    publishedAt: r.published_at,
    deletedAt: r.deleted_at,
    scheduledAt: r.scheduled_at ?? null,
    embargoUntil: r.embargo_until ?? null,
    updatedBy: r.updated_by ?? null,
    fieldSuggestions: JSON.parse(r.field_suggestions_json ?? '[]') as FieldSuggestions,
  };
}

export function rowToSummary(r: SummaryRow): ArticleSummary {
  return {
    id: r.id,
    kicker: r.kicker,
    headline: r.headline,
    teaser: r.teaser,
    section: r.section,
    tags: JSON.parse(r.tags_json) as string[],
    status: r.status,
    updatedAt: r.updated_at,
    createdAt: r.created_at,
    deletedAt: r.deleted_at,
    scheduledAt: r.scheduled_at ?? null,
    embargoUntil: r.embargo_until ?? null,
    authorId: r.author_id,
    wordCount: r.word_count,
    hasConflict: (r.has_conflict ?? 0) !== 0,
    ...(r.deleted_at !== null ? { deletedBy: r.deleted_by ?? null } : {}),
  };
}
