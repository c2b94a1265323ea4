/**
 * A @fastify/rate-limit store on a RateCounter shared by every instance (PostgreSQL), so that the
 * request cap holds per session across instances. While the database cannot be reached the
 * request is let through: it then fails on its own with a retryable 503 where it needs the data.
 */
import type {
  FastifyRateLimitOptions,
  FastifyRateLimitStore,
  FastifyRateLimitStoreCtor,
} from '@fastify/rate-limit';
import type { RateCounter } from '../auth/rateLimit';
import { isConnectionError } from '../storage/postgres/connectionErrors';

export function sharedRequestStore(counter: RateCounter): FastifyRateLimitStoreCtor {
  class SharedRequestStore implements FastifyRateLimitStore {
    constructor(
      _options: FastifyRateLimitOptions,
      private readonly prefix = 'req:',
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      counter.hit(`${this.prefix}${key}`, timeWindow).then(
        ({ count, resetAt }) =>
          callback(null, { current: count, ttl: Math.max(0, resetAt - Date.now()) }),
        (e: unknown) => {
          if (isConnectionError(e)) callback(null, { current: 0, ttl: timeWindow });
          else callback(e instanceof Error ? e : new Error(String(e)));
        },
      );
    }

    child(routeOptions: { method?: unknown; url?: unknown }): FastifyRateLimitStore {
      return new SharedRequestStore(
        {},
        `req:${String(routeOptions.method)}:${String(routeOptions.url)}:`,
      );
    }
  }
  return SharedRequestStore;
}
