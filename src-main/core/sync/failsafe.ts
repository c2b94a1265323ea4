/**
 * The mass-deletion fail-safe (docs/sync.md): a pull (or resync) that would delete more
 * than half of the local articles, and more than a handful, stops before the page that crosses
 * the line; nothing of that page is applied and the user is asked. Joplin does the same at 90%.
 */
import type { PullResponse } from '../../../src-shared/protocol';
import type { Db } from '../store/db';
import { lazyStatements } from '../store/statements';

export const MASS_DELETE_LIMITS = {
  /** Deleting this many articles or fewer never asks. */
  minArticles: 10,
  /** Deleting more than this share of the live local articles asks. */
  fraction: 0.5,
};

export interface MassDelete {
  articles: number;
  of: number;
}

export class MassDeleteError extends Error {
  constructor(readonly info: MassDelete) {
    super(
      `The server would delete ${info.articles} of the ${info.of} articles on this computer ` +
        '(deleted by someone else, or your access was removed). Nothing was deleted. ' +
        'Check with your desk; to go ahead, confirm the deletion.',
    );
    this.name = 'MassDeleteError';
  }
}

/** Counts, page by page, the local articles one pull would delete, and stops when too many. */
export class MassDeleteGuard {
  private readonly s;
  private live = 0;
  private deleting = 0;

  constructor(db: Db) {
    this.s = lazyStatements(db, {
      live: 'SELECT COUNT(*) AS n FROM articles WHERE deleted_at IS NULL',
      one: 'SELECT deleted_at FROM articles WHERE id = ?',
      pending: 'SELECT 1 FROM outbox WHERE entity_type = ? AND entity_id = ? LIMIT 1',
    });
  }

  /** Call when a pull starts. */
  begin(): void {
    this.live = (this.s.live.get() as { n: number }).n;
    this.deleting = 0;
  }

  /** Throws MassDeleteError if applying `page` would cross the limit (unless allowed). */
  check(page: PullResponse, allowed: boolean): void {
    let d = 0;
    for (const ch of page.changes) {
      if (ch.entity !== 'article') continue;
      const row = this.s.one.get(ch.id) as { deleted_at: string | null } | undefined;
      if (!row || row.deleted_at !== null) continue;
      if (ch.op === 'delete') {
        // Revoked with unsynced local edits: kept as a conflict, not deleted.
        if (!this.s.pending.get('article', ch.id)) d += 1;
      } else if (ch.data.deletedAt !== null) {
        d += 1;
      }
    }
    const total = this.deleting + d;
    if (
      !allowed &&
      d > 0 &&
      total > MASS_DELETE_LIMITS.minArticles &&
      total > this.live * MASS_DELETE_LIMITS.fraction
    ) {
      throw new MassDeleteError({ articles: total, of: this.live });
    }
    this.deleting = total;
  }
}
