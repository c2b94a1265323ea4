/**
 * The sync engine's tables (migration 0003 plus sync_state and outbox from 0001): client
 * identity, cursor, server bases, outbox batches and trimming. Every method is a short
 * synchronous SQLite step; callers group them into transactions.
 */
import type { Db } from '../store/db';
import { lazyStatements } from '../store/statements';

export interface PendingRow {
  mutationId: number;
  name: string;
  args: unknown;
  entityType: string;
  entityId: string;
  state: 'pending' | 'inflight';
  origin: string;
}

interface OutboxRow {
  mutation_id: number;
  name: string;
  args_json: string;
  entity_type: string;
  entity_id: string;
  state: 'pending' | 'inflight';
  origin: string;
}

function toPending(r: OutboxRow): PendingRow {
  return {
    mutationId: r.mutation_id,
    name: r.name,
    args: JSON.parse(r.args_json) as unknown,
    entityType: r.entity_type,
    entityId: r.entity_id,
    state: r.state,
    origin: r.origin,
  };
}

export interface BaseRow {
  serverVersion: number;
  bodyVersion: number | null;
  data: unknown;
}

export class SyncStore {
  private readonly s;
  constructor(readonly db: Db) {
    this.s = lazyStatements(db, {
      getState: 'SELECT value FROM sync_state WHERE key = ?',
      setState:
        'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      delState: 'DELETE FROM sync_state WHERE key = ?',
      outboxFrom: 'SELECT * FROM outbox WHERE mutation_id > ? ORDER BY mutation_id LIMIT ?',
      outboxForEntity:
        'SELECT * FROM outbox WHERE entity_type = ? AND entity_id = ? ORDER BY mutation_id',
      outboxRow: 'SELECT * FROM outbox WHERE mutation_id = ?',
      outboxCount: 'SELECT COUNT(*) AS n FROM outbox',
      outboxMax: 'SELECT MAX(mutation_id) AS m FROM outbox',
      markInflight: `UPDATE outbox SET state = 'inflight', attempts = attempts + 1
                      WHERE mutation_id BETWEEN ? AND ?`,
      setError: 'UPDATE outbox SET last_error = ? WHERE mutation_id = ?',
      trim: 'DELETE FROM outbox WHERE mutation_id <= ?',
      enqueue: `INSERT INTO outbox (name, args_json, entity_type, entity_id, base_version, created_at, origin)
                VALUES (?, ?, ?, ?, NULL, ?, ?)`,
      rewriteArgs: "UPDATE outbox SET args_json = ? WHERE mutation_id = ? AND state = 'pending'",
      getBase: 'SELECT * FROM sync_base WHERE entity_type = ? AND entity_id = ?',
      putBase: `INSERT INTO sync_base (entity_type, entity_id, server_version, body_version, data_json)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (entity_type, entity_id) DO UPDATE SET server_version = excluded.server_version,
                  body_version = excluded.body_version, data_json = excluded.data_json`,
      delBase: 'DELETE FROM sync_base WHERE entity_type = ? AND entity_id = ?',
      getBaseBody: 'SELECT body_json FROM base_bodies WHERE article_id = ? AND body_version = ?',
      putBaseBody:
        'INSERT OR IGNORE INTO base_bodies (article_id, body_version, body_json) VALUES (?, ?, ?)',
      pruneBaseBodies: `DELETE FROM base_bodies WHERE article_id NOT IN
                          (SELECT entity_id FROM outbox WHERE name = 'article.setBody')`,
    });
  }

  // ---- key/value state ----

  get(key: string): string | null {
    return (this.s.getState.get(key) as { value: string } | undefined)?.value ?? null;
  }
  set(key: string, value: string | number | null): void {
    if (value === null) this.s.delState.run(key);
    else this.s.setState.run(key, String(value));
  }
  getNumber(key: string): number {
    const v = this.get(key);
    return v === null ? 0 : Number(v);
  }
  getJson<T>(key: string): T | null {
    const v = this.get(key);
    return v === null ? null : (JSON.parse(v) as T);
  }

  // ---- outbox ----

  /** Rows after `afterId`, in push order. */
  outboxAfter(afterId: number, limit: number): PendingRow[] {
    return (this.s.outboxFrom.all(afterId, limit) as OutboxRow[]).map(toPending);
  }
  outboxFor(entityType: string, entityId: string): PendingRow[] {
    return (this.s.outboxForEntity.all(entityType, entityId) as OutboxRow[]).map(toPending);
  }
  outboxRow(id: number): PendingRow | null {
    const r = this.s.outboxRow.get(id) as OutboxRow | undefined;
    return r ? toPending(r) : null;
  }
  outboxCount(): number {
    return (this.s.outboxCount.get() as { n: number }).n;
  }
  markInflight(fromId: number, toId: number): void {
    this.s.markInflight.run(fromId, toId);
  }
  noteError(mutationId: number, message: string): void {
    this.s.setError.run(message.slice(0, 1000), mutationId);
  }
  /** Drops acknowledged rows (SYNC §12.1: only what a pull acknowledged). */
  trim(lastMutationId: number): number {
    const n = this.s.trim.run(lastMutationId).changes;
    if (n > 0) this.s.pruneBaseBodies.run();
    return n;
  }
  /** Appends a mutation the engine itself writes (e.g. the restore after edit-vs-delete). */
  enqueue(
    name: string,
    args: unknown,
    entityType: string,
    entityId: string,
    origin: string,
    at: string,
  ): number {
    return Number(
      this.s.enqueue.run(name, JSON.stringify(args), entityType, entityId, at, origin)
        .lastInsertRowid,
    );
  }

  /** Rewrites an unsent row's args (never an in-flight one). */
  rewritePending(mutationId: number, args: unknown): boolean {
    return this.s.rewriteArgs.run(JSON.stringify(args), mutationId).changes === 1;
  }

  /**
   * Takes an unsent row out of the queue for good (it can never sync; the caller keeps its
   * payload as a conflict) and closes the gap: later rows move down by one, so the server still
   * sees consecutive ids. Only for a row the server cannot have applied.
   */
  dropUnsent(mutationId: number): void {
    this.db.prepare('DELETE FROM outbox WHERE mutation_id = ?').run(mutationId);
    this.db
      .prepare('UPDATE outbox SET mutation_id = -mutation_id WHERE mutation_id > ?')
      .run(mutationId);
    this.db
      .prepare(
        "UPDATE outbox SET mutation_id = -mutation_id - 1, state = 'pending' WHERE mutation_id < 0",
      )
      .run();
    const max = (this.s.outboxMax.get() as { m: number | null }).m ?? mutationId - 1;
    this.db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'outbox'").run(max);
  }

  /**
   * A new client id numbers its mutations from 1 again: shift the remaining rows down so the
   * first is 1, mark them unsent, and reset the AUTOINCREMENT counter.
   */
  renumberOutbox(): void {
    const rows = this.db.prepare('SELECT mutation_id FROM outbox ORDER BY mutation_id').all() as {
      mutation_id: number;
    }[];
    if (rows.length > 0) {
      const shift = rows[0]!.mutation_id - 1;
      this.db.prepare('UPDATE outbox SET mutation_id = -mutation_id').run();
      this.db
        .prepare("UPDATE outbox SET mutation_id = -mutation_id - ?, state = 'pending'")
        .run(shift);
    }
    const max = (this.s.outboxMax.get() as { m: number | null }).m ?? 0;
    this.db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'outbox'").run(max);
  }

  // ---- server bases ----

  getBase(entityType: string, entityId: string): BaseRow | null {
    const r = this.s.getBase.get(entityType, entityId) as
      { server_version: number; body_version: number | null; data_json: string } | undefined;
    return r
      ? {
          serverVersion: r.server_version,
          bodyVersion: r.body_version,
          data: JSON.parse(r.data_json) as unknown,
        }
      : null;
  }
  putBase(
    entityType: string,
    entityId: string,
    version: number,
    bodyVersion: number | null,
    data: unknown,
  ): void {
    this.s.putBase.run(entityType, entityId, version, bodyVersion, JSON.stringify(data));
  }
  deleteBase(entityType: string, entityId: string): void {
    this.s.delBase.run(entityType, entityId);
  }
  baseBody(articleId: string, bodyVersion: number): unknown {
    const r = this.s.getBaseBody.get(articleId, bodyVersion) as { body_json: string } | undefined;
    return r ? (JSON.parse(r.body_json) as unknown) : undefined;
  }
  keepBaseBody(articleId: string, bodyVersion: number, body: unknown): void {
    this.s.putBaseBody.run(articleId, bodyVersion, JSON.stringify(body));
  }
}
