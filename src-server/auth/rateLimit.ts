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
