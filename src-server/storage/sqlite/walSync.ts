/**
 * Durable commits without blocking the event loop.
 *
 * With `PRAGMA synchronous = FULL` SQLite fdatasyncs the WAL inside COMMIT, on the main thread:
 * every request in the process waits for the disk (the bench profile showed ~45 % of the
 * server's time blocked in COMMIT under 50 clients). Instead the writer runs with
 * `synchronous = NORMAL` (COMMIT writes the WAL frames, no sync) and this class fdatasyncs the
 * WAL file on libuv's thread pool after each COMMIT; the write queue acknowledges a batch only
 * when that sync is done. Acknowledged writes are as durable as with FULL (the same frames are
 * on disk, SQLite still syncs WAL and database around every checkpoint), and the event loop
 * serves other requests while the disk works.
 *
 * Readers must not see a commit before it is durable (a client could pull a change that a power
 * loss then takes back), so a read transaction begins only when `pending()` is undefined, in
 * the same synchronous turn as the check (see TxQueue).
 */
import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

export class WalSync {
  private committed = 0;
  private durable = 0;
  private current: Promise<void> | undefined;
  private file: FileHandle | undefined;
  private closed = false;

  constructor(private readonly walPath: string) {}

  /** Call right after a COMMIT: resolves when that commit is on disk. */
  afterCommit(): Promise<void> {
    const target = ++this.committed;
    const sync = this.sync().finally(() => {
      // A failed sync rejects the batch; readers must not wait for it forever.
      if (this.durable < target) this.durable = target;
    });
    this.current = sync;
    return sync;
  }

  /** A promise to wait for when a commit is not durable yet, else undefined. */
  pending(): Promise<void> | undefined {
    return this.durable < this.committed ? this.current : undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.current?.catch(() => undefined);
    await this.file?.close();
    this.file = undefined;
  }

  private async sync(): Promise<void> {
    if (this.closed) throw new Error('the database is closed');
    if (!this.file) {
      this.file = await open(this.walPath, 'r+');
      // The WAL file's directory entry, once (SQLite creates the file without syncing its dir).
      const dir = await open(dirname(this.walPath), 'r');
      try {
        await dir.sync();
      } finally {
        await dir.close();
      }
    }
    await this.file.datasync();
  }
}
