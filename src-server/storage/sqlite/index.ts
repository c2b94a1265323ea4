/**
 * The embedded SQLite store (better-sqlite3, WAL). One writer connection whose transactions run
 * one batch at a time (so the single-writer rule of SQLite gives the change feed its commit
 * order) and one read-only connection for reads. Prepared statements only (sqlite/runner.ts);
 * the SQL itself is shared with PostgreSQL (storage/sql).
 */
import Database from 'better-sqlite3';
import type { CommittedChange } from '../../live/bus';
import { sqlTx } from '../sql';
import { ChangeLog } from '../sql/changeLog';
import type { Storage, Tx } from '../types';
import { migrateSqlite } from './migrate';
import { SqliteRunner } from './runner';
import { WalSync } from './walSync';

export interface SqliteOptions {
  /** 'full' (default) fsyncs every commit; 'normal' may lose the last commits on power loss. */
  synchronous?: 'full' | 'normal';
  /** Called with the change rows of each write batch once it is committed (and durable). */
  onCommitted?: (changes: CommittedChange[]) => void;
}

interface Job {
  kind: 'read' | 'write';
  fn: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Most jobs run together in one transaction (group commit). */
const MAX_BATCH = 64;

/** How a queue makes commits durable and keeps readers to durable data (see walSync.ts). */
interface QueueHooks {
  /** Writer: resolves when the batch just committed is on disk. */
  afterCommit?: () => Promise<void>;
  /** Reader: a promise to wait for before BEGIN while a commit is not durable yet. */
  pendingSync?: () => Promise<void> | undefined;
  /** Reader: takes the read snapshot right after BEGIN (SQLite defers it to the first read). */
  pinSnapshot?: () => void;
  /** Writer: the change rows of a batch, after it is committed and durable. */
  onCommitted?: (changes: CommittedChange[]) => void;
}

/**
 * Transactions on the single connection, one batch at a time in FIFO order. Consecutive write
 * jobs share one SQLite transaction with a SAVEPOINT each (a failing job rolls back only its
 * own work) and one COMMIT, so one fsync serves many concurrent pushes; every job's promise
 * settles only after that COMMIT, so nothing is acknowledged before it is durable. Consecutive
 * reads share one read transaction (one snapshot). Batches start on setImmediate so that the
 * requests that arrived in the same I/O turn join the same batch.
 */
class TxQueue {
  private readonly jobs: Job[] = [];
  private scheduled = false;
  private running = false;
  private readonly changes = new ChangeLog();
  private readonly tx: Tx;
  closed = false;

  constructor(
    private readonly db: Database.Database,
    tx: Tx,
    private readonly hooks: QueueHooks = {},
  ) {
    this.tx = hooks.onCommitted ? this.changes.wrap(tx) : tx;
  }

  run<T>(kind: 'read' | 'write', fn: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.closed) {
        reject(new Error('the database is closed'));
        return;
      }
      this.jobs.push({ kind, fn, resolve: resolve as (v: unknown) => void, reject });
      this.schedule();
    });
  }

  /** Resolves when every queued job has finished. */
  async idle(): Promise<void> {
    while (this.running || this.scheduled || this.jobs.length > 0) {
      await new Promise((r) => setImmediate(r));
    }
  }

  private schedule(): void {
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.jobs.length > 0) {
        const kind = (this.jobs[0] as Job).kind;
        let n = 0;
        while (n < this.jobs.length && n < MAX_BATCH && (this.jobs[n] as Job).kind === kind) n++;
        await this.batch(kind, this.jobs.splice(0, n));
      }
    } finally {
      this.running = false;
    }
  }

  private async batch(kind: 'read' | 'write', batch: Job[]): Promise<void> {
    const db = this.db;
    const settled: { job: Job; ok: boolean; value: unknown }[] = [];
    const { pendingSync, pinSnapshot } = this.hooks;
    if (pendingSync) {
      for (let p = pendingSync(); p; p = pendingSync()) await p.catch(() => undefined);
    }
    try {
      // No await between the check above and the snapshot: it holds only durable commits.
      db.exec(kind === 'write' ? 'BEGIN IMMEDIATE' : 'BEGIN');
      pinSnapshot?.();
    } catch (e) {
      for (const job of batch) job.reject(e);
      return;
    }
    const changes = this.changes;
    for (const job of batch) {
      if (kind === 'write') db.exec('SAVEPOINT job');
      changes.startJob();
      try {
        const value = await job.fn(this.tx);
        if (kind === 'write') db.exec('RELEASE job');
        changes.keepJob();
        settled.push({ job, ok: true, value });
      } catch (e) {
        if (kind === 'write' && db.inTransaction) {
          db.exec('ROLLBACK TO job');
          db.exec('RELEASE job');
        }
        changes.dropJob();
        settled.push({ job, ok: false, value: e });
      }
    }
    const committed = changes.takeBatch();
    try {
      db.exec('COMMIT');
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      for (const s of settled) s.job.reject(s.ok ? e : s.value);
      return;
    }
    if (kind === 'write' && this.hooks.afterCommit) {
      try {
        await this.hooks.afterCommit();
      } catch (e) {
        for (const s of settled) s.job.reject(s.ok ? e : s.value);
        return;
      }
    }
    if (committed.length > 0) this.hooks.onCommitted?.(committed);
    for (const s of settled) (s.ok ? s.job.resolve : s.job.reject)(s.value);
  }
}

export function openSqliteStorage(file: string, options: SqliteOptions = {}): Storage {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // 'full' is kept by syncing the WAL off the event loop after each COMMIT (walSync.ts), so
  // SQLite itself runs with NORMAL (no sync inside COMMIT; still around checkpoints).
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  try {
    migrateSqlite(db, file);
  } catch (e) {
    db.close();
    throw e;
  }
  const wal = options.synchronous === 'normal' ? undefined : new WalSync(`${file}-wal`);
  // A second, read-only connection: in WAL mode its transactions read a committed snapshot and
  // never wait for the writer.
  const reader = new Database(file, { readonly: true });
  const pin = reader.prepare("SELECT value FROM counters WHERE name = 'seq'");
  const writes = new TxQueue(db, sqlTx(new SqliteRunner(db)), {
    ...(wal ? { afterCommit: () => wal.afterCommit() } : {}),
    ...(options.onCommitted ? { onCommitted: options.onCommitted } : {}),
  });
  const reads = new TxQueue(
    reader,
    sqlTx(new SqliteRunner(reader)),
    wal ? { pendingSync: () => wal.pending(), pinSnapshot: () => void pin.get() } : {},
  );

  return {
    read: (fn) => reads.run('read', fn),
    write: (fn) => writes.run('write', fn),
    async close() {
      if (writes.closed) return;
      writes.closed = true;
      reads.closed = true;
      await Promise.all([writes.idle(), reads.idle()]);
      await wal?.close();
      reader.close();
      db.close();
    },
  };
}
