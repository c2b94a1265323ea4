/**
 * Browser mode: a window reads what it shows with calls and learns of changes on its event
 * socket, which opens a moment after its first calls (and again after a drop). A change made in
 * between would be missed for good: a window showing an article that was moved to the trash
 * elsewhere would stay writable. So from a window's first call without an open socket, its
 * events are kept, and handed over in order when its socket opens. A window that never opens
 * one (closed meanwhile) is forgotten after `keepMs`; past `maxEvents` the oldest are dropped.
 */
import type { CoreEvent } from '../../src-shared/api';

type Subscribe = (listener: (event: CoreEvent) => void) => () => void;

interface Kept {
  events: CoreEvent[];
  stop: () => void;
  timer: ReturnType<typeof setTimeout>;
}

export class WindowEvents {
  private readonly kept = new Map<string, Kept>();

  constructor(
    private readonly subscribe: Subscribe,
    private readonly limits = { maxEvents: 1000, keepMs: 60_000 },
  ) {}

  /** `windowId` has no open event socket: keep its events from now on (if not already). */
  keep(windowId: string): void {
    if (this.kept.has(windowId)) return;
    const events: CoreEvent[] = [];
    const stop = this.subscribe((e) => {
      events.push(e);
      if (events.length > this.limits.maxEvents) events.shift();
    });
    const timer = setTimeout(() => this.release(windowId), this.limits.keepMs);
    timer.unref?.();
    this.kept.set(windowId, { events, stop, timer });
  }

  /** `windowId`'s socket opened: the events kept for it, oldest first; keeping stops. */
  release(windowId: string): CoreEvent[] {
    const k = this.kept.get(windowId);
    if (!k) return [];
    this.kept.delete(windowId);
    k.stop();
    clearTimeout(k.timer);
    return k.events;
  }

  close(): void {
    for (const id of [...this.kept.keys()]) this.release(id);
  }
}
