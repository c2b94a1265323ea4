/**
 * Fixed-window counters in the shared database, so that rate limits hold across instances: one
 * atomic upsert per hit (autocommit, outside the write queue), which starts a new window when the
 * old one has passed.
 */
import type pg from 'pg';
import type { RateCounter } from '../../auth/rateLimit';

export class PgRateCounter implements RateCounter {
  constructor(private readonly pool: pg.Pool) {}

  async hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }> {
    const now = Date.now();
    const r = await this.pool.query<{ count: string; reset_at: string }>(
      `INSERT INTO rate_limits (key, count, reset_at) VALUES ($1, 1, $2::bigint + $3::bigint)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN rate_limits.reset_at <= $2 THEN 1 ELSE rate_limits.count + 1 END,
         reset_at = CASE WHEN rate_limits.reset_at <= $2 THEN $2::bigint + $3::bigint
                         ELSE rate_limits.reset_at END
       RETURNING count, reset_at`,
      [key, now, windowMs],
    );
    const row = r.rows[0] as { count: string; reset_at: string };
    return { count: Number(row.count), resetAt: Number(row.reset_at) };
  }

  async clear(key: string): Promise<void> {
    await this.pool.query('DELETE FROM rate_limits WHERE key = $1', [key]);
  }
}
