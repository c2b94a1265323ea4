/**
 * The live bus: how server instances tell each other (and themselves) that something happened,
 * so that each instance can poke its own WebSocket clients. SQLite runs one instance, so its bus
 * is in-process; PostgreSQL instances share one through LISTEN/NOTIFY.
 *
 * The bus only ever carries hints. Data still arrives at desks through the pull, so a lost
 * message costs a client at most one timer interval.
 */

/** One committed change-feed row, as much as an instance needs to decide whom to poke. */
export interface CommittedChange {
  seq: number;
  entityType: string;
  entityId: string;
  /** For comments the article id; for conflict/rejection notices the client id. */
  scopeId: string | null;
  /** The client whose push made the change (it need not be poked about its own change). */
  clientId: string | null;
  /**
   * The fields the change touched, when the publisher knows them. An article change that takes
   * the article away from a reader (its assignee changed) must reach that reader as a revocation;
   * without this field every change to an article the reader cannot see counts as possibly one.
   */
  changedFields?: string[];
}

export interface PresenceEntry {
  instanceId: string;
  clientId: string;
  userId: string;
  username: string;
  /** The article open on that desk, or null when none is. */
  articleId: string | null;
  /** When the entry lapses unless refreshed (epoch ms). */
  expiresAt: number;
}

export type BusMessage =
  | { kind: 'changes'; changes: CommittedChange[] }
  | { kind: 'presence'; entries: PresenceEntry[] }
  | { kind: 'presence-gone'; instanceId: string; clientIds: string[] };

export interface LiveBus {
  /** Delivers the message to every subscriber on every instance, this one included. */
  publish(message: BusMessage): Promise<void>;
  subscribe(listener: (message: BusMessage) => void): () => void;
  close(): Promise<void>;
}

/** The single-process bus (SQLite backend, tests). Delivery is asynchronous, like a real bus. */
export class InProcessBus implements LiveBus {
  private readonly listeners = new Set<(message: BusMessage) => void>();

  publish(message: BusMessage): Promise<void> {
    queueMicrotask(() => {
      for (const listener of this.listeners) listener(message);
    });
    return Promise.resolve();
  }

  subscribe(listener: (message: BusMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): Promise<void> {
    this.listeners.clear();
    return Promise.resolve();
  }
}
