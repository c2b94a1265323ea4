/**
 * Who has which article open, across instances: every instance keeps the same table, filled from
 * the bus (its own announcements come back through the bus too). Entries lapse at `expiresAt`
 * unless their instance refreshes them, so a crashed instance's desks vanish on their own.
 */
import type { BusMessage, PresenceEntry } from './bus';

const key = (instanceId: string, clientId: string) => `${instanceId}/${clientId}`;

export class PresenceTable {
  private readonly entries = new Map<string, PresenceEntry>();

  /** Applies a presence message; true when what is shown may have changed. */
  apply(message: Extract<BusMessage, { kind: 'presence' | 'presence-gone' }>): boolean {
    let changed = false;
    if (message.kind === 'presence') {
      for (const e of message.entries) {
        const k = key(e.instanceId, e.clientId);
        const before = this.entries.get(k);
        if (e.articleId === null) {
          changed = this.entries.delete(k) || changed;
          continue;
        }
        this.entries.set(k, e);
        if (!before || before.articleId !== e.articleId || before.userId !== e.userId)
          changed = true;
      }
    } else {
      for (const clientId of message.clientIds)
        changed = this.entries.delete(key(message.instanceId, clientId)) || changed;
    }
    return changed;
  }

  /** Drops lapsed entries; true when any was dropped. */
  expire(now: number): boolean {
    let changed = false;
    for (const [k, e] of this.entries) {
      if (e.expiresAt <= now) {
        this.entries.delete(k);
        changed = true;
      }
    }
    return changed;
  }

  /** The entries that have not lapsed. */
  list(now: number): PresenceEntry[] {
    return [...this.entries.values()].filter((e) => e.expiresAt > now && e.articleId !== null);
  }

  articleIds(now: number): Set<string> {
    return new Set(this.list(now).map((e) => e.articleId as string));
  }
}
