/**
 * "Some writer has committed": wakes pulls that wait for changes held back behind a running
 * writer (PostgreSQL, storage/postgres/feed.ts). Such a pull used to look again only at the next
 * step of its back-off (2, 3, 5, 8 … ms), on average well after the writer had ended; now it also
 * looks as soon as the live bus announces a commit, of this instance or another one. A writer
 * that commits without changes (a batch of no-op pushes) announces nothing, so the back-off stays
 * as the fallback.
 */
import type { LiveBus } from '../live/bus';

export interface CommitWait {
  /** Resolves at the next commit announced on the bus, or after `ms`, whichever comes first. */
  next(ms: number): Promise<void>;
}

/** Without a bus: the back-off alone. */
export const sleepOnly: CommitWait = {
  next: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class CommitSignal implements CommitWait {
  private readonly waiters = new Set<() => void>();
  private readonly unsubscribe: () => void;

  constructor(bus: Pick<LiveBus, 'subscribe'>) {
    this.unsubscribe = bus.subscribe((message) => {
      if (message.kind === 'changes') this.wakeAll();
    });
  }

  next(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waiters.add(wake);
    });
  }

  /** Stops listening; whoever still waits is woken. */
  close(): void {
    this.unsubscribe();
    this.wakeAll();
  }

  private wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }
}
