/**
 * When sync rounds run: one at a time, after local changes (debounced), on an interval, on
 * retries after failures, and on demand. It knows nothing about what a round does.
 */
export interface SchedulerOptions {
  /** Schedule rounds by itself (debounce, interval, retries). The CLI runs explicit rounds only. */
  auto: boolean;
  debounceMs?: number | undefined;
  intervalMs?: number | undefined;
}

export class SyncScheduler {
  private debounceTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private intervalTimer: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly round: () => Promise<void>,
    private readonly o: SchedulerOptions,
  ) {}

  get auto(): boolean {
    return this.o.auto;
  }

  /** Runs one round after the current one; concurrent requests share the queued round. */
  run(): Promise<void> {
    if (this.queued) return this.queued;
    const prev = this.current;
    const next: Promise<void> = Promise.resolve()
      .then(() => prev?.catch(() => undefined))
      .then(() => {
        if (this.queued === next) this.queued = null;
        this.current = next;
        return this.round();
      })
      .finally(() => {
        if (this.current === next) this.current = null;
      });
    this.queued = next;
    return next;
  }

  /** A local change: a round after a quiet moment (unless a retry is already waiting). */
  debounce(): void {
    if (this.closed || !this.o.auto) return;
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = null;
      if (!this.retryTimer) void this.run();
    }, this.o.debounceMs ?? 2000);
    this.debounceTimer.unref?.();
  }

  /** A round in `ms` (0: now), replacing any waiting retry. */
  retryIn(ms: number): void {
    if (this.closed || !this.o.auto) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.run();
    }, ms);
    this.retryTimer.unref?.();
  }

  /** An explicit round ignores any backoff wait. */
  cancelRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  startInterval(): void {
    if (this.intervalTimer || !this.o.auto || this.closed) return;
    this.intervalTimer = setInterval(() => {
      if (!this.retryTimer && !this.current) void this.run();
    }, this.o.intervalMs ?? 30_000);
    this.intervalTimer.unref?.();
  }

  stop(): void {
    for (const t of [this.debounceTimer, this.retryTimer]) if (t) clearTimeout(t);
    if (this.intervalTimer) clearInterval(this.intervalTimer);
    this.debounceTimer = this.retryTimer = this.intervalTimer = null;
  }

  /** Stops scheduling and waits for a running round to end. */
  async close(): Promise<void> {
    this.closed = true;
    this.stop();
    await (this.queued ?? this.current)?.catch(() => undefined);
  }
}
