/**
 * The general request cap (@fastify/rate-limit): at most `max` requests per `timeWindowMs` per
 * signed-in session, else per client IP (behind a reverse proxy, the IP it reports when
 * `trustProxy` is set). A refused request gets 429 rate_limited with Retry-After, which the desk's
 * sync engine honours. The store is the plugin's: in memory by default; pass `store` for one
 * shared between server instances.
 */
import rateLimit, { normalizeIP, type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hashToken } from '../auth/tokens';
import type { AppContext } from './context';
import { HttpError } from './errors';

export interface RequestLimitOptions {
  /** Requests per window per key (default 600); 0 turns the cap off. */
  max?: number;
  /** Default one minute. */
  timeWindowMs?: number;
  /** A @fastify/rate-limit store (default: in memory, this process only). */
  store?: FastifyRateLimitStoreCtor;
}

export const DEFAULT_REQUESTS_PER_MINUTE = 600;

/** A valid bearer token's session, else the client's IP (a made-up token counts as its IP). */
async function requestKey(ctx: AppContext, req: FastifyRequest): Promise<string> {
  const authorization = req.headers.authorization;
  if (authorization) {
    try {
      const { token } = await ctx.auth.authenticate(authorization);
      return `token:${hashToken(token)}`;
    } catch {
      // Not a valid session: limited with everything else from its address.
    }
  }
  return `ip:${normalizeIP(req.ip)}`;
}

export function registerRequestLimit(
  app: FastifyInstance,
  ctx: AppContext,
  options: RequestLimitOptions = {},
): void {
  const max = options.max ?? DEFAULT_REQUESTS_PER_MINUTE;
  if (max === 0) return;
  void app.register(rateLimit, {
    global: true,
    max,
    timeWindow: options.timeWindowMs ?? 60_000,
    ...(options.store ? { store: options.store } : {}),
    keyGenerator: (req) => requestKey(ctx, req),
    errorResponseBuilder: (_req, context) => {
      const wait = Math.max(1, Math.ceil(context.ttl / 1000));
      return new HttpError(
        429,
        'rate_limited',
        `Too many requests; try again in ${wait} s.`,
        { retryAfter: wait },
        { 'retry-after': String(wait) },
      );
    },
  });
}
