/**
 * The PostgreSQL store (node-postgres). Several server instances may share one database.
 *
 * Writes: each instance runs its write jobs in FIFO order (the jobs of one push must apply in
 * order), consecutive jobs batched into one transaction with a SAVEPOINT each and one COMMIT
 * (group commit), exactly like the SQLite store. Writers of different instances run at the same
 * time: feed positions come from a sequence, the feed is read up to the oldest running writer,
 * and jobs lock the rows they update (feed.ts).
 * Before COMMIT the batch NOTIFYs its change rows, so every instance's LiveBus hears about them
 * when, and only if, they commit.
 *
 * Reads: a pooled connection in a REPEATABLE READ, READ ONLY transaction (one snapshot per read).
 *
 * Faults: when the database goes away, the batch's transaction is lost as a whole (nothing
 * half-written) and every job in it fails with DatabaseUnavailableError (503, retry). Broken
 * connections are dropped from the pool; the next request opens a new one, so the instance
 * recovers when the database returns, without a restart.
 */
import { availableParallelism } from 'node:os';
import pg from 'pg';
import { sqlTx } from '../sql';
import { ChangeLog } from '../sql/changeLog';
import { DatabaseUnavailableError } from '../errors';
import type { Storage, Tx } from '../types';
import { isConnectionError } from './connectionErrors';
import { migratePostgres } from './migrate';
import { DeferredReadCommit } from './deferredCommit';
import { LIVE_CHANNEL, changesPayload } from './notify';
import { PgRunner, inlineSql } from './runner';
import { FORGET_FOREIGN_TXIDS, pgFeed } from './feed';
import { PgRateCounter } from './rateCounter';
import type { RateCounter } from '../../auth/rateLimit';
import { CONNECTION_NAMES } from './connectionNames';

export interface PostgresOptions {
  /**
   * Connections for reads per instance (default: `defaultReadConnections()`); writes have one
   * of their own.
   */
  readConnections?: number;
  /** How long a read transaction may stay open on an idle connection (deferredCommit.ts). */
  idleReadCommitMs?: number;
  /** Where diagnostics go (default: nowhere). */
  log?: (line: string) => void;
}

export interface PostgresStorage extends Storage {
  readonly url: string;
  /** Rate-limit counters shared by every instance on this database. */
  readonly rateCounter: RateCounter;
}

interface Job {
  fn: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 64;

/**
 * Read connections per instance when none are configured: this machine's cores, 2 to 10. Reads
 * asked for in one turn share a transaction (see `read` below), so a few connections carry many
 * reads, and every connection more is a backend that competes for the same cores when the
 * database runs on this machine: on the 2-core bench machine, 2 per instance gave PostgreSQL's
 * side a lower p99 than 10 (docs/performance-server.md, ninth step). With the database on a
 * server of its own, `--read-connections` sizes it (README, Operations).
 */
export function defaultReadConnections(cores = availableParallelism()): number {
  return Math.min(10, Math.max(2, cores));
}

/**
 * A pooled connection for one transaction. A connection that dies while checked out emits
 * 'error' besides failing its query; without a listener that would crash the process.
 */
async function checkout(
  pool: pg.Pool,
): Promise<{ client: pg.PoolClient; done(lost?: Error): void }> {
  const client = await pool.connect();
  let lost: Error | undefined;
  const onError = (e: Error) => (lost = e);
  client.on('error', onError);
  return {
    client,
    done(error?: Error) {
      client.off('error', onError);
      client.release(error ?? lost);
    },
  };
}

/** Maps a database fault to the retryable error; anything else passes unchanged. */
function mapError(e: unknown): unknown {
  return isConnectionError(e) ? new DatabaseUnavailableError(e) : e;
}

export async function openPostgresStorage(
  url: string,
  options: PostgresOptions = {},
): Promise<PostgresStorage> {
  const log = options.log ?? (() => undefined);
  const pool = new pg.Pool({
    connectionString: url,
    application_name: CONNECTION_NAMES.read,
    max: options.readConnections ?? defaultReadConnections(),
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
  });
  // An idle connection that dies (database restart) must not crash the process; the pool
  // drops it and opens another on demand.
  pool.on('error', (e) => log(`postgres: idle connection lost: ${e.message}`));
  try {
    const client = await pool.connect();
    try {
      await migratePostgres(client);
      await client.query(FORGET_FOREIGN_TXIDS);
    } finally {
      client.release();
    }
  } catch (e) {
    await pool.end();
    throw e;
  }

  // The write queue runs one batch at a time on a connection of its own, so that a push never
  // waits for a reader to give a pooled connection back.
  const writePool = new pg.Pool({
    connectionString: url,
    application_name: CONNECTION_NAMES.write,
    max: 1,
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
  });
  writePool.on('error', (e) => log(`postgres: idle write connection lost: ${e.message}`));

  const jobs: Job[] = [];
  let draining = false;
  let closed = false;

  const runBatch = async (batch: Job[]): Promise<void> => {
    let conn: Awaited<ReturnType<typeof checkout>>;
    try {
      conn = await checkout(writePool);
    } catch (e) {
      for (const job of batch) job.reject(mapError(e));
      return;
    }
    const { client } = conn;
    const changes = new ChangeLog();
    const runner = new PgRunner(client, true);
    // BEGIN goes with the first job's first read.
    runner.queue('BEGIN');
    const feed = pgFeed(runner);
    const tx: Tx = changes.wrap({ ...sqlTx(runner), ...feed });
    const settled: { job: Job; ok: boolean; value: unknown }[] = [];
    const notify = (): string[] => {
      const kept = changes.kept();
      return kept.length > 0
        ? [inlineSql('SELECT pg_notify(?, ?)', [LIVE_CHANNEL, changesPayload(kept)])]
        : [];
    };
    /**
     * COMMIT, with the last job's held-back writes and NOTIFY. If that message fails and the last
     * job's writes were in it, a savepoint between them and NOTIFY tells whether they failed
     * (runner.ts, `split`): then only that job is rolled back and the others commit.
     */
    const finish = async (): Promise<void> => {
      const last = settled[settled.length - 1];
      const lastUnsent = batch.length > 1 && last?.ok === true && runner.hasPending();
      if (!settled.some((s) => s.ok)) {
        runner.discard();
        await client.query('ROLLBACK');
        return;
      }
      try {
        await runner.flush(...(lastUnsent ? ['SAVEPOINT done'] : []), ...notify(), 'COMMIT');
        return;
      } catch (e) {
        if (!lastUnsent || !last || isConnectionError(e)) throw e;
        const writesStood = await client.query('ROLLBACK TO SAVEPOINT done').then(
          () => true,
          () => false,
        );
        if (writesStood) throw e;
        await client.query(`ROLLBACK TO SAVEPOINT job${batch.length - 1}`);
        last.ok = false;
        last.value = e;
        changes.dropLastKept();
      }
      if (settled.some((s) => s.ok)) await runner.flush(...notify(), 'COMMIT');
      else await client.query('ROLLBACK');
    };
    let broken: unknown;
    try {
      // Transaction control and writes travel with the next statement that needs an answer
      // (runner.ts): BEGIN and the first job's SAVEPOINT and locks go with its first read
      // (reads asked for together go together); each job's writes go with the next job's
      // SAVEPOINT and first read (n + 1 messages for n jobs that each read once); the last job's
      // writes, NOTIFY and COMMIT go together. Savepoints (job0 … jobN) stay open until COMMIT,
      // so a job whose writes fail in a later message can still be rolled back alone.
      // A batch of one needs no savepoint: if its job fails, the whole transaction rolls back.
      const savepoints = batch.length > 1;
      for (const [index, job] of batch.entries()) {
        const savepoint = `job${index}`;
        const before = settled[settled.length - 1];
        if (savepoints) {
          await runner.startJob(
            savepoint,
            before?.ok
              ? {
                  savepoint: `job${index - 1}`,
                  failed: (e) => {
                    before.ok = false;
                    before.value = e;
                    changes.dropLastKept();
                  },
                }
              : undefined,
          );
        } else runner.mark();
        changes.startJob();
        feed.startJob();
        try {
          const value = await job.fn(tx);
          // A job that sent nothing of its own: its predecessor's writes and its own go now, so
          // that a failure among them is put on the right job.
          if (runner.hasUnconfirmedPrevious()) await runner.flush();
          changes.keepJob();
          settled.push({ job, ok: true, value });
        } catch (e) {
          if (isConnectionError(e)) throw e;
          runner.discard();
          changes.dropJob();
          if (savepoints) runner.queue(`ROLLBACK TO SAVEPOINT ${savepoint}`);
          settled.push({ job, ok: false, value: e });
        }
      }
      await finish();
    } catch (e) {
      broken = e;
      // The transaction is gone (connection lost) or failed as a whole: nothing of it stays.
      await client.query('ROLLBACK').catch(() => undefined);
    } finally {
      conn.done(broken !== undefined && isConnectionError(broken) ? (broken as Error) : undefined);
    }
    if (broken !== undefined) {
      if (isConnectionError(broken))
        log(`postgres: write batch lost: ${(broken as Error).message}`);
      const error = mapError(broken);
      for (const job of batch) job.reject(error);
      return;
    }
    for (const s of settled) (s.ok ? s.job.resolve : s.job.reject)(s.value);
  };

  const drain = async (): Promise<void> => {
    draining = true;
    try {
      while (jobs.length > 0) await runBatch(jobs.splice(0, MAX_BATCH));
    } finally {
      draining = false;
    }
  };

  const readCommits = new DeferredReadCommit(options.idleReadCommitMs);
  /**
   * Reads asked for in the same turn of the event loop share one read transaction on one pooled
   * connection (as reads share one on SQLite): their functions run at the same time on one
   * runner, so statements they ask for in the same turn go in one message (runner.ts), and the
   * batch costs one checkout, one BEGIN and one COMMIT instead of one each per read. The
   * snapshot is taken by the batch's first statement, which is sent after every read of the
   * batch was asked for, so no read sees an older state than it would alone. The batch ends when
   * its last function has: COMMIT deferred (deferredCommit.ts), or ROLLBACK if one failed.
   * A statement that fails aborts the shared transaction, so a read that fails with a database
   * error in a batch it shared runs again alone (reads change nothing): one read's bad statement
   * fails that read only, as before.
   */
  interface ReadBatch {
    /** The connection and its transaction, once checked out. */
    ready: Promise<{ conn: Awaited<ReturnType<typeof checkout>>; runner: PgRunner; tx: Tx }>;
    /** Reads that joined, and those still running. */
    members: number;
    running: number;
    /** Still taking reads (until the end of the turn it began in). */
    joinable: boolean;
    failed: boolean;
    lost: Error | undefined;
  }
  let joining: ReadBatch | undefined;
  let openBatches = 0;

  const endBatch = async (batch: ReadBatch): Promise<void> => {
    try {
      let opened: Awaited<ReadBatch['ready']>;
      try {
        opened = await batch.ready;
      } catch {
        return; // no connection: every read of the batch got the error
      }
      const { conn, runner } = opened;
      let lost = batch.lost;
      try {
        if (batch.failed) {
          if (!lost) await conn.client.query('ROLLBACK').catch(() => undefined);
        } else if (runner.hasPending()) await runner.flush('COMMIT');
        else readCommits.leaveOpen(conn.client);
      } catch (e) {
        if (isConnectionError(e)) lost = e as Error;
        else await conn.client.query('ROLLBACK').catch(() => undefined);
      } finally {
        conn.done(lost);
      }
    } finally {
      openBatches--;
    }
  };

  /**
   * A batch that reads may join until the end of this turn of the event loop (`joinable`: the
   * connection is taken, and the first statement sent, only then), or one for a read alone.
   */
  const openBatch = (joinable: boolean): ReadBatch => {
    openBatches++;
    const batch: ReadBatch = {
      ready: (joinable ? new Promise<void>((r) => setImmediate(r)) : Promise.resolve())
        .then(() => {
          batch.joinable = false;
          if (joining === batch) joining = undefined;
          return checkout(pool);
        })
        .then((conn) => {
          const runner = new PgRunner(conn.client, false);
          // The connection's last read transaction ends in this message (deferredCommit.ts);
          // BEGIN goes with the first read (the snapshot is taken by that read either way).
          if (readCommits.take(conn.client)) runner.queue('COMMIT');
          runner.queue('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
          return { conn, runner, tx: { ...sqlTx(runner), ...pgFeed(runner) } };
        }),
      members: 0,
      running: 0,
      joinable,
      failed: false,
      lost: undefined,
    };
    batch.ready.catch(() => undefined);
    return batch;
  };

  /** Thrown by `readIn` for a read whose statement failed in a batch it shared. */
  class AgainAlone extends Error {}

  const readIn = async <T>(batch: ReadBatch, fn: (tx: Tx) => Promise<T>): Promise<T> => {
    batch.members++;
    batch.running++;
    try {
      let tx: Tx;
      try {
        tx = (await batch.ready).tx;
      } catch (e) {
        throw mapError(e);
      }
      try {
        return await fn(tx);
      } catch (e) {
        batch.failed = true;
        if (isConnectionError(e)) batch.lost = e as Error;
        else if (e instanceof pg.DatabaseError && batch.members > 1)
          throw new AgainAlone('read again alone', { cause: e });
        throw mapError(e);
      }
    } finally {
      // Every member waited for `ready`, which closed the batch to new members.
      if (--batch.running === 0) void endBatch(batch);
    }
  };

  const read = async <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
    if (closed) throw new Error('the database is closed');
    const batch = joining?.joinable ? joining : (joining = openBatch(true));
    try {
      return await readIn(batch, fn);
    } catch (e) {
      if (!(e instanceof AgainAlone)) throw e;
      return readIn(openBatch(false), fn);
    }
  };

  // Rate-limit counters: every request counts, so they commit without waiting for the WAL flush
  // (a crash may forget the last few hits; nothing else depends on them).
  const counterPool = new pg.Pool({
    connectionString: url,
    application_name: CONNECTION_NAMES.counter,
    max: 4,
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
    options: '-c synchronous_commit=off',
  });
  counterPool.on('error', (e) => log(`postgres: idle counter connection lost: ${e.message}`));

  return {
    url,
    rateCounter: new PgRateCounter(counterPool),
    read,
    write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (closed) {
          reject(new Error('the database is closed'));
          return;
        }
        jobs.push({ fn, resolve: resolve as (v: unknown) => void, reject });
        if (!draining) setImmediate(() => void (draining ? undefined : drain()));
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      while (draining || jobs.length > 0 || openBatches > 0)
        await new Promise((r) => setImmediate(r));
      await readCommits.commitAll();
      await Promise.all([pool.end(), writePool.end(), counterPool.end()]);
    },
  };
}
