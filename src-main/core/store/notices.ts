/**
 * In-app notices for the signed-in author ("changes requested", "approved", "published"),
 * recorded by the sync engine when a pull brings such a status change, kept until dismissed.
 */
import type { Notice, NoticeKind } from '../../../src-shared/api';
import type { Db } from './db';
import { lazyStatements } from './statements';

interface NoticeRow {
  id: string;
  kind: NoticeKind;
  article_id: string;
  headline: string;
  by_name: string | null;
  comment: string | null;
  created_at: string;
}

function toNotice(r: NoticeRow): Notice {
  const n: Notice = {
    id: r.id,
    kind: r.kind,
    articleId: r.article_id,
    headline: r.headline,
    createdAt: r.created_at,
  };
  if (r.by_name !== null) n.by = r.by_name;
  if (r.comment !== null) n.comment = r.comment;
  return n;
}

export class NoticeRepository {
  private readonly s;

  constructor(db: Db) {
    this.s = lazyStatements(db, {
      open: 'SELECT * FROM notices WHERE dismissed_at IS NULL ORDER BY created_at DESC, id DESC',
      get: 'SELECT * FROM notices WHERE id = ?',
      insert: `INSERT OR IGNORE INTO notices (id, kind, article_id, headline, created_at)
               VALUES (?, ?, ?, ?, ?)`,
      unannounced: 'SELECT * FROM notices WHERE announced = 0 ORDER BY created_at, id',
      enrich: 'UPDATE notices SET by_name = ?, comment = ? WHERE id = ?',
      announce: 'UPDATE notices SET announced = 1 WHERE id = ?',
      dismiss: 'UPDATE notices SET dismissed_at = ? WHERE id = ? AND dismissed_at IS NULL',
    });
  }

  /** Not yet dismissed, newest first. */
  list(): Notice[] {
    return (this.s.open.all() as NoticeRow[]).map(toNotice);
  }

  get(id: string): Notice | null {
    const r = this.s.get.get(id) as NoticeRow | undefined;
    return r ? toNotice(r) : null;
  }

  /** Records a notice once (the id names the article, kind and server version). */
  add(n: { id: string; kind: NoticeKind; articleId: string; headline: string; at: string }): void {
    this.s.insert.run(n.id, n.kind, n.articleId, n.headline, n.at);
  }

  /** Recorded but not yet sent as a `notice` event. */
  unannounced(): Notice[] {
    return (this.s.unannounced.all() as NoticeRow[]).map(toNotice);
  }

  enrich(id: string, by: string | null, comment: string | null): void {
    this.s.enrich.run(by, comment, id);
  }

  markAnnounced(id: string): void {
    this.s.announce.run(id);
  }

  /** True when the notice existed and was open. */
  dismiss(id: string, at: string): boolean {
    return this.s.dismiss.run(at, id).changes === 1;
  }
}
