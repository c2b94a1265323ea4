/**
 * Failed-login limiter per (username, IP): after `maxFailures` failures within `windowMs`, further
 * attempts are refused (429) until the window has passed. A success clears the key. In memory:
 * bounded number of keys (oldest dropped first).
 *
 * An attempt is counted as a failure when it starts (`attempt`), before the slow password check,
 * so that parallel attempts cannot all pass the check while none has failed yet.
 */
export interface RateLimitOptions {
  maxFailures?: number;
  windowMs?: number;
  maxKeys?: number;
}

export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly maxKeys: number;

  constructor(
    options: RateLimitOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.maxFailures = options.maxFailures ?? 5;
    this.windowMs = options.windowMs ?? 15 * 60_000;
    this.maxKeys = options.maxKeys ?? 10_000;
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  /** Seconds until another attempt is allowed, or 0 when allowed now. */
  retryAfter(key: string): number {
    const list = this.recent(key);
    if (list.length < this.maxFailures) return 0;
    const oldest = list[list.length - this.maxFailures] as number;
    return Math.max(1, Math.ceil((oldest + this.windowMs - this.now()) / 1000));
  }

  /** Reserves an attempt (counted as failed until `succeed`): 0, or the seconds to wait. */
  attempt(key: string): number {
    const wait = this.retryAfter(key);
    if (wait === 0) this.fail(key);
    return wait;
  }

  fail(key: string): void {
    const list = this.recent(key);
    list.push(this.now());
    this.failures.delete(key);
    this.failures.set(key, list);
    while (this.failures.size > this.maxKeys) {
      const first = this.failures.keys().next().value;
      if (first === undefined) break;
      this.failures.delete(first);
    }
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}

/** How AuthService limits failed logins (in memory, or shared between instances). */
export interface LoginLimiter {
  /** Reserves an attempt (counted as failed until `succeed`): 0, or the seconds to wait. */
  attempt(key: string): number | Promise<number>;
  succeed(key: string): void | Promise<void>;
}

/** A counter every server instance sees (PostgreSQL: postgres/rateCounter.ts). */
export interface RateCounter {
  /** Counts one hit in the key's current window (a new window once the old one has passed). */
  hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }>;
  clear(key: string): Promise<void>;
}

/**
 * The failed-login limit for several instances: the same rule (maxFailures per window, cleared by
 * a success) on a counter in the shared database, with a fixed window instead of a sliding one.
 */
export class SharedLoginLimiter implements LoginLimiter {
  private readonly maxFailures: number;
  private readonly windowMs: number;

  constructor(
    private readonly counter: RateCounter,
    options: RateLimitOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.maxFailures = options.maxFailures ?? 5;
    this.windowMs = options.windowMs ?? 15 * 60_000;
  }

  async attempt(key: string): Promise<number> {
    const { count, resetAt } = await this.counter.hit(`login:${key}`, this.windowMs);
    if (count <= this.maxFailures) return 0;
    return Math.max(1, Math.ceil((resetAt - this.now()) / 1000));
  }

  succeed(key: string): Promise<void> {
    return this.counter.clear(`login:${key}`);
  }
}
