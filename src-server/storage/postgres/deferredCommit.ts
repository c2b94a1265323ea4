/**
 * The COMMIT of a read transaction, sent with the connection's next message instead of on its
 * own. A read-only transaction's COMMIT changes nothing and cannot fail for what was read, yet
 * waiting for it was a whole round trip of every pull (a third of its messages) and a socket
 * write and wake-up of a backend on a machine where CPU is what the load runs short of. So the
 * store answers as soon as the data is in, leaves the transaction open on the pooled
 * connection, and the next read on that connection sends `COMMIT` in front of its BEGIN (one
 * message). A connection nobody takes again within `idleMs` commits on its own, so that an idle
 * instance does not keep a snapshot (VACUUM) or its tables' share locks (DDL) for long.
 */
import type pg from 'pg';

/**
 * How long a read transaction may stay open on an idle pooled connection. Under load the pool
 * hands out the connection used last and the others idle longer between reads: at 50 ms a third
 * to almost half of the reads still ended with a COMMIT message of its own
 * (docs/performance-server.md). A read-only transaction has no transaction id, so an open one
 * never holds the feed back.
 */
export const IDLE_READ_COMMIT_MS = 250;

export class DeferredReadCommit {
  /** Connections whose last read transaction is still open, with the timer that ends it. */
  private readonly open = new Map<pg.ClientBase, ReturnType<typeof setTimeout>>();

  constructor(private readonly idleMs = IDLE_READ_COMMIT_MS) {}

  /**
   * A read is about to use the connection: whether its last transaction is still open (then
   * the caller sends COMMIT first, in the same message as its BEGIN).
   */
  take(client: pg.ClientBase): boolean {
    const timer = this.open.get(client);
    if (timer === undefined) return false;
    clearTimeout(timer);
    this.open.delete(client);
    return true;
  }

  /** The read on `client` is done and left its transaction open (the connection goes back to the pool). */
  leaveOpen(client: pg.ClientBase): void {
    const timer = setTimeout(() => {
      if (this.open.get(client) !== timer) return;
      this.open.delete(client);
      // Queued on the connection before anything a later read sends; a lost connection shows
      // in the next read (503, retry) or is dropped by the pool.
      client.query('COMMIT').catch(() => undefined);
    }, this.idleMs);
    timer.unref();
    this.open.set(client, timer);
  }

  /** Ends every open read transaction now (before the pool closes). */
  async commitAll(): Promise<void> {
    const clients = [...this.open.keys()];
    for (const c of clients) clearTimeout(this.open.get(c));
    this.open.clear();
    await Promise.all(clients.map((c) => c.query('COMMIT').catch(() => undefined)));
  }
}
