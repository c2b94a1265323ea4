/**
 * Change-feed positions for one write batch on PostgreSQL, one round trip fewer per job.
 *
 * The first position of a batch comes from the counter row with UPDATE … RETURNING, which takes
 * the row lock until COMMIT (sql/feed.ts). While the batch holds that lock nobody else can move
 * the counter, so the next positions are known without asking: each is the last one plus one,
 * and its UPDATE is held back to travel with the job's other writes (runner.ts). A job rolled
 * back to its savepoint gives its positions back with the counter's UPDATEs, so after a rollback
 * the next position is read from the row again.
 */
import { num } from '../sql/runner';
import type { PgRunner } from './runner';

export class SeqCounter {
  /** The counter's value after this batch's last increment, while it is known. */
  private last: number | undefined;

  constructor(private readonly runner: PgRunner) {}

  async next(): Promise<number> {
    if (this.last === undefined) {
      const r = await this.runner.get(
        "UPDATE counters SET value = value + 1 WHERE name = 'seq' RETURNING value",
      );
      this.last = num(r?.value);
      return this.last;
    }
    await this.runner.run("UPDATE counters SET value = value + 1 WHERE name = 'seq'");
    return ++this.last;
  }

  /** After a rollback to a savepoint: the counter may be lower than the last value handed out. */
  forget(): void {
    this.last = undefined;
  }
}
