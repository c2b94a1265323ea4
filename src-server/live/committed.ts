/**
 * Tells the live bus about committed changes without the storage knowing about it: the wrapped
 * storage notes each change row a write transaction inserts and, once that transaction has
 * committed (its `write` resolved), publishes them. A rolled-back transaction publishes nothing.
 * Works the same over any Storage implementation.
 */
import type { ChangeRow, Storage, Tx } from '../storage/types';
import type { CommittedChange, LiveBus } from './bus';

export function toCommittedChange(row: ChangeRow): CommittedChange {
  return {
    seq: row.seq,
    entityType: row.entityType,
    entityId: row.entityId,
    scopeId: row.scopeId,
    clientId: row.clientId,
    changedFields: row.changedFields,
  };
}

export function publishingCommits(
  storage: Storage,
  bus: LiveBus,
  onError: (e: unknown) => void,
): Storage {
  return {
    read: (fn) => storage.read(fn),
    async write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      const inserted: CommittedChange[] = [];
      const result = await storage.write((tx) => {
        inserted.length = 0; // a store that retries the callback starts afresh
        return fn(noting(tx, inserted));
      });
      if (inserted.length > 0) {
        // A hint only: a bus failure must not fail the committed write.
        bus.publish({ kind: 'changes', changes: inserted }).catch(onError);
      }
      return result;
    },
    close: () => storage.close(),
  };
}

/** The transaction, with insertChange also recording the row. */
function noting(tx: Tx, into: CommittedChange[]): Tx {
  return new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop === 'insertChange') {
        return async (row: ChangeRow) => {
          await target.insertChange(row);
          into.push(toCommittedChange(row));
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
