import type { ArticleFilter } from '../../../src-shared/api';
import { tagKey } from './tags';

/** A filter as SQL on the articles table: conditions, their parameters and the list order. */
export interface FilterSql {
  where: string[];
  params: unknown[];
  /** Newest change first; the Trash shows the most recently deleted first. */
  order: string;
}

/**
 * The article list's filters as indexed SQL conditions (never filtering a page afterwards).
 * `prefix` names the articles table in a join ('a.'). `me` is the signed-in user's id, which
 * `mine` stands for (null: not signed in, then "mine" is what was written here without one).
 */
export function filterSql(f: ArticleFilter, me: string | null, prefix = ''): FilterSql {
  const c = (column: string) => `${prefix}${column}`;
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.deleted) where.push(`${c('deleted_at')} IS NOT NULL`);
  else if (!f.includeDeleted) where.push(`${c('deleted_at')} IS NULL`);
  if (f.status) {
    where.push(`${c('status')} = ?`);
    params.push(f.status);
  }
  const author = f.mine ? me : f.authorId;
  if (f.mine && author === null) where.push(`${c('author_id')} IS NULL`);
  else if (author !== undefined) {
    where.push(`${c('author_id')} = ?`);
    params.push(author);
  }
  if (f.section) {
    where.push(`${c('section')} = ?`);
    params.push(f.section);
  }
  if (f.changesRequested) {
    where.push(
      `${c('status')} = 'draft'`,
      `${c('id')} IN (SELECT article_id FROM notices
         WHERE kind = 'changes_requested' AND dismissed_at IS NULL)`,
    );
  }
  if (f.scheduled) where.push(`${c('scheduled_at')} IS NOT NULL`);
  // Stored times are UTC ISO strings (toISOString), so they compare as text.
  if (f.updatedFrom) {
    where.push(`${c('updated_at')} >= ?`);
    params.push(new Date(f.updatedFrom).toISOString());
  }
  if (f.updatedBefore) {
    where.push(`${c('updated_at')} < ?`);
    params.push(new Date(f.updatedBefore).toISOString());
  }
  if (f.tag) {
    where.push(`${c('id')} IN (SELECT article_id FROM article_tags WHERE tag_slug = ?)`);
    params.push(tagKey(f.tag));
  }
  const order = f.deleted
    ? `${c('deleted_at')} DESC, ${c('id')} DESC`
    : f.scheduled
      ? `${c('scheduled_at')} ASC, ${c('id')} ASC`
      : `${c('updated_at')} DESC, ${c('id')} DESC`;
  return { where, params, order };
}
