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
  keepJob(): void {
    this.batch.push(...this.job);
    this.job = [];
  }
  dropJob(): void {
    this.job = [];
  }
  /** The kept changes of the batch, in seq order; the log starts empty again. */
  takeBatch(): CommittedChange[] {
    const out = this.batch.sort((a, b) => a.seq - b.seq);
    this.batch = [];
    this.job = [];
    return out;
  }
}
