/**
 * Remembers the change rows a write batch inserts, job by job (a job rolled back to its
 * savepoint drops its own), so that the store can announce the batch's changes on the live bus
 * once they are committed.
 */
import type { CommittedChange } from '../../live/bus';
import type { Tx } from '../types';

export class ChangeLog {
  private job: CommittedChange[] = [];
  private batch: CommittedChange[] = [];

  /** The same Tx, with insertChange noting the row for the running job. */
  wrap(tx: Tx): Tx {
    return {
      ...tx,
      insertChange: async (c) => {
        await tx.insertChange(c);
        this.job.push({
          seq: c.seq,
          entityType: c.entityType,
          entityId: c.entityId,
          scopeId: c.scopeId,
          clientId: c.clientId,
          changedFields: c.changedFields,
        });
      },
    };
  }

  startJob(): void {
    this.job = [];
  }
  /** How many changes each kept job added, in order (so the last kept job can be dropped). */
  private keptCounts: number[] = [];

  keepJob(): void {
    this.batch.push(...this.job);
    this.keptCounts.push(this.job.length);
    this.job = [];
  }
  /** The last kept job failed after all (PostgreSQL: its held-back writes failed later). */
  dropLastKept(): void {
    const n = this.keptCounts.pop() ?? 0;
    this.batch.splice(this.batch.length - n, n);
  }
  /** The kept changes so far, in seq order (the log keeps them). */
  kept(): CommittedChange[] {
    return [...this.batch].sort((a, b) => a.seq - b.seq);
  }
  dropJob(): void {
    this.job = [];
  }
  /** The kept changes of the batch, in seq order; the log starts empty again. */
  takeBatch(): CommittedChange[] {
    const out = this.batch.sort((a, b) => a.seq - b.seq);
    this.batch = [];
    this.keptCounts = [];
    this.job = [];
    return out;
  }
}
