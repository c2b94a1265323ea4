/**
 * Change-feed positions for one write batch on PostgreSQL, without a round trip of their own.
 *
 * A batch locks the counter row in its first message (`LOCK_FEED`, sent with the first job's
 * first read) and holds the lock until COMMIT (sql/feed.ts). Taking it before anything is read
 * means every read of the batch sees what the previous holder committed, as it did when the
 * first position was asked for; and while the batch holds it nobody else can move the counter,
 * so each position is the last one plus one, its UPDATE held back to travel with the job's other
 * writes (runner.ts). A job rolled back to its savepoint gives its positions back with the
 * counter's UPDATEs, so after a rollback the next position is read from the row again.
 */
import { num } from '../sql/runner';
import type { PgRunner } from './runner';

export const LOCK_FEED = "SELECT value FROM counters WHERE name = 'seq' FOR UPDATE";

export class SeqCounter {
  /** The counter's value after this batch's last increment, while it is known. */
  private last: number | undefined;
  /** The counter's value when the batch took the lock, until the first position uses it. */
  private locked: Promise<number> | undefined;

  /** `locked`: the rows of the batch's LOCK_FEED. */
  constructor(
    private readonly runner: PgRunner,
    locked: Promise<{ value?: unknown }[]>,
  ) {
    this.locked = locked.then((rows) => num(rows[0]?.value));
    this.locked.catch(() => undefined); // its failure reaches whoever sent it
  }

  async next(): Promise<number> {
    // A position follows on from the previous job's only once its writes are known to stand: if
    // they fail, the job is rolled back and its positions are given back (`forget`).
    if (this.runner.hasUnconfirmedPrevious()) await this.runner.flush();
    if (this.last === undefined && this.locked !== undefined) {
      const locked = this.locked;
      this.locked = undefined;
      // Sends the lock with the job's statements if no read has taken it along yet.
      await this.runner.flush();
      this.last = await locked;
    } else if (this.last === undefined) {
      const r = await this.runner.get(
        "UPDATE counters SET value = value + 1 WHERE name = 'seq' RETURNING value",
      );
      this.last = num(r?.value);
      return this.last;
    }
    const seq = this.last + 1;
    await this.runner.run("UPDATE counters SET value = value + 1 WHERE name = 'seq'");
    this.last = seq;
    return seq;
  }

  /** After a rollback to a savepoint: the counter may be lower than the last value handed out. */
  forget(): void {
    this.locked = undefined;
    this.last = undefined;
  }
}
