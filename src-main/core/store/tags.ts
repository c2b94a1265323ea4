import type { Db } from './db';
import type { Tag } from '../../../src-shared/model';
import { lazyStatements } from './statements';

/** Case-folded key: "LWL.IT" and "lwl.it" are one tag. */
export function tagKey(name: string): string {
  return name.trim().normalize('NFC').toLocaleLowerCase('de');
}

/** Removes case-insensitive duplicates, keeping the first spelling and the order. */
export function dedupeTags(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim().normalize('NFC');
    const key = tagKey(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

export class TagRepository {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = lazyStatements(db, {
      upsertTag: 'INSERT INTO tags (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING',
      clearArticle: 'DELETE FROM article_tags WHERE article_id = ?',
      link: 'INSERT OR IGNORE INTO article_tags (article_id, tag_slug) VALUES (?, ?)',
      byPrefix: `SELECT t.slug, t.name, COUNT(at.article_id) AS count
         FROM tags t LEFT JOIN article_tags at ON at.tag_slug = t.slug
        WHERE t.slug >= ? AND t.slug < ?
        GROUP BY t.slug ORDER BY count DESC, t.name LIMIT ?`,
    });
  }

  /** Replaces an article's tags; call inside the save transaction. */
  setForArticle(articleId: string, names: readonly string[]): void {
    this.stmts.clearArticle.run(articleId);
    for (const name of names) {
      const key = tagKey(name);
      this.stmts.upsertTag.run(key, name);
      this.stmts.link.run(articleId, key);
    }
  }

  list(prefix: string, limit: number): Tag[] {
    const key = tagKey(prefix);
    return this.stmts.byPrefix.all(key, `${key}\uffff`, limit) as Tag[];
  }
}
