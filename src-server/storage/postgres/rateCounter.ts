/**
 * Fixed-window counters in the shared database, so that rate limits hold across instances (every
 * request counts one hit on its session's key). The hits of one turn of the event loop go to the
 * database together, in one atomic upsert (autocommit, outside the write queue): a key hit n times
 * gets n added at once and its hits get the counts up to the new total in the order they came, so
 * the counts are exactly those of n single hits. A window that has passed starts again.
 */
import type pg from 'pg';
import type { RateCounter } from '../../auth/rateLimit';

interface Waiting {
  resolve(hit: { count: number; resetAt: number }): void;
  reject(error: unknown): void;
}

/** The keys hit in this turn, each with its window and its hits in order. */
type Turn = Map<string, { windowMs: number; hits: Waiting[] }>;

const HIT_MANY = `
  INSERT INTO rate_limits AS r (key, count, reset_at)
  SELECT t.key, t.n, $1::bigint + t.window_ms
    FROM unnest($2::text[], $3::bigint[], $4::bigint[]) AS t(key, n, window_ms)
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN r.reset_at <= $1::bigint THEN EXCLUDED.count ELSE r.count + EXCLUDED.count END,
    reset_at = CASE WHEN r.reset_at <= $1::bigint THEN EXCLUDED.reset_at ELSE r.reset_at END
  RETURNING key, count, reset_at`;

export class PgRateCounter implements RateCounter {
  private turn: Turn | undefined;

  constructor(private readonly pool: pg.Pool) {}

  hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }> {
    if (!Number.isSafeInteger(windowMs) || windowMs <= 0)
      return Promise.reject(
        new Error(`rate-limit window must be a positive whole ms: ${windowMs}`),
      );
    return new Promise((resolve, reject) => {
      if (!this.turn) {
        this.turn = new Map();
        setImmediate(() => void this.send());
      }
      const entry = this.turn.get(key) ?? { windowMs, hits: [] };
      entry.hits.push({ resolve, reject });
      this.turn.set(key, entry);
    });
  }

  private async send(): Promise<void> {
    const turn = this.turn;
    this.turn = undefined;
    if (!turn) return;
    const keys = [...turn.keys()];
    try {
      // Named: each connection parses (and, once PostgreSQL settles on a generic plan, plans)
      // the upsert once, instead of on every turn.
      const r = await this.pool.query<{ key: string; count: string; reset_at: string }>({
        name: 'copydesk_rate_hit_many',
        text: HIT_MANY,
        values: [
          Date.now(),
          keys,
          keys.map((k) => turn.get(k)?.hits.length ?? 0),
          keys.map((k) => turn.get(k)?.windowMs ?? 0),
        ],
      });
      for (const row of r.rows) {
        const hits = turn.get(row.key)?.hits ?? [];
        const total = Number(row.count);
        const resetAt = Number(row.reset_at);
        hits.forEach((h, i) => h.resolve({ count: total - hits.length + 1 + i, resetAt }));
        turn.delete(row.key);
      }
      for (const [key, { hits }] of turn)
        for (const h of hits) h.reject(new Error(`rate-limit counter ${key} was not returned`));
    } catch (e) {
      for (const { hits } of turn.values()) for (const h of hits) h.reject(e);
    }
  }

  async clear(key: string): Promise<void> {
    await this.pool.query('DELETE FROM rate_limits WHERE key = $1', [key]);
  }
}
