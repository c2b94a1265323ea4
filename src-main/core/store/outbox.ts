/**
 * The outbox: the queue of user intents waiting for the server, and the one module that writes
 * the `outbox` table. A user's change is queued by the local writer (local-writer.ts), inside
 * the transaction of the local change it describes, so a change and its mutation exist together
 * or not at all; `enqueue` (typed by the shared mutation registry, validated with the server's
 * zod schema) is for sync re-queuing a mutation it read back.
 */
import {
  isMutationName,
  parseMutation,
  type AnyMutationDef,
  type ArgsOf,
  type MutationName,
  type ParsedArgsOf,
  type TypedMutation,
} from '../../../src-shared/mutations';
import { ApiError } from '../../../src-shared/api';
import type { Db } from './db';
import { lazyStatements } from './statements';

/** Why a row was written: by the user, or by sync re-sending an edit the server deleted. */
export type OutboxOrigin = 'user' | 'auto_restore';

export type OutboxEntry = TypedMutation & {
  mutationId: number;
  entityType: string;
  entityId: string;
  baseVersion: number | null;
  state: 'pending' | 'inflight';
  attempts: number;
  createdAt: string;
  origin: string;
};

interface OutboxRow {
  mutation_id: number;
  name: string;
  args_json: string;
  entity_type: string;
  entity_id: string;
  base_version: number | null;
  state: 'pending' | 'inflight';
  attempts: number;
  created_at: string;
  origin: string;
}

function toEntry(r: OutboxRow): OutboxEntry {
  // Rows are written by enqueue only; a foreign name means a damaged or newer database.
  if (!isMutationName(r.name)) throw new Error(`Unknown mutation ${r.name} in the outbox.`);
  return {
    mutationId: r.mutation_id,
    name: r.name,
    args: JSON.parse(r.args_json) as never,
    entityType: r.entity_type,
    entityId: r.entity_id,
    baseVersion: r.base_version,
    state: r.state,
    attempts: r.attempts,
    createdAt: r.created_at,
    origin: r.origin,
  };
}

export class OutboxRepository {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = lazyStatements(db, {
      insert: `INSERT INTO outbox (name, args_json, entity_type, entity_id, base_version, created_at, origin)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      // Field and tag edits are independent of the body, so a body may coalesce past them; a
      // workflow step or delete after it is a barrier (the server must see the body it submitted).
      // The base is read in SQL: parsing a whole body only to keep one number costs a save dearly.
      pendingBody: `SELECT o.mutation_id, json_extract(o.args_json, '$.baseBodyVersion') AS base_body_version
        FROM outbox o
        WHERE o.name = 'article.setBody' AND o.entity_id = ? AND o.state = 'pending'
          AND NOT EXISTS (SELECT 1 FROM outbox b
                           WHERE b.entity_id = o.entity_id AND b.mutation_id > o.mutation_id
                             AND b.name NOT IN ('article.setFields', 'article.addTag', 'article.removeTag'))
        ORDER BY o.mutation_id DESC LIMIT 1`,
      has: 'SELECT 1 FROM outbox WHERE name = ? AND entity_id = ? LIMIT 1',
      rewriteArgs: "UPDATE outbox SET args_json = ? WHERE mutation_id = ? AND state = 'pending'",
      all: 'SELECT * FROM outbox ORDER BY mutation_id',
      after: 'SELECT * FROM outbox WHERE mutation_id > ? ORDER BY mutation_id LIMIT ?',
      forEntity:
        'SELECT * FROM outbox WHERE entity_type = ? AND entity_id = ? ORDER BY mutation_id',
      row: 'SELECT * FROM outbox WHERE mutation_id = ?',
      bodiesThrough:
        "SELECT * FROM outbox WHERE mutation_id <= ? AND name = 'article.setBody' ORDER BY mutation_id",
      count: 'SELECT COUNT(*) AS n FROM outbox',
      max: 'SELECT MAX(mutation_id) AS m FROM outbox',
      markInflight: `UPDATE outbox SET state = 'inflight', attempts = attempts + 1
                      WHERE mutation_id BETWEEN ? AND ?`,
      setError: 'UPDATE outbox SET last_error = ? WHERE mutation_id = ?',
      trim: 'DELETE FROM outbox WHERE mutation_id <= ?',
      deleteOne: 'DELETE FROM outbox WHERE mutation_id = ?',
      allIds: 'SELECT mutation_id FROM outbox ORDER BY mutation_id',
      negateAbove: 'UPDATE outbox SET mutation_id = -mutation_id WHERE mutation_id > ?',
      unnegateMinusOne:
        "UPDATE outbox SET mutation_id = -mutation_id - 1, state = 'pending' WHERE mutation_id < 0",
      negateAll: 'UPDATE outbox SET mutation_id = -mutation_id',
      unnegateShift: "UPDATE outbox SET mutation_id = -mutation_id - ?, state = 'pending'",
      setSequence: "UPDATE sqlite_sequence SET seq = ? WHERE name = 'outbox'",
    });
  }

  /**
   * Queues one mutation: args checked with the server's schema (a refusal throws before anything
   * is written), entity taken from the registry. Call inside the local change's transaction.
   */
  enqueue<M extends MutationName>(
    name: M,
    args: ArgsOf<M>,
    baseVersion: number | null,
    at: string,
    origin: OutboxOrigin = 'user',
  ): number {
    const parsed = parseMutation(name, args);
    if (!parsed.ok) throw new ApiError('invalid_input', parsed.reason);
    return this.insert(parsed.def, parsed.args, parsed.entityId, baseVersion, at, origin);
  }

  /** Queues a mutation read back from the outbox again (sync re-sending an edit). */
  requeue(m: TypedMutation, baseVersion: number | null, at: string, origin: OutboxOrigin): number {
    return this.enqueue(m.name, m.args, baseVersion, at, origin);
  }

  /**
   * Queues a user's mutation whose args the local writer has just validated (not checked again:
   * a body is large). Unsent body saves of one article coalesce: the newest pending setBody takes
   * the new body and keeps its own (earliest) base. An in-flight mutation is never rewritten.
   */
  queueParsed(
    m: { def: AnyMutationDef; name: MutationName; args: unknown; entityId: string },
    baseVersion: number | null,
    at: string,
  ): number {
    if (m.name === 'article.setBody') {
      const row = this.stmts.pendingBody.get(m.entityId) as
        { mutation_id: number; base_body_version: number } | undefined;
      if (row) {
        const args = m.args as ParsedArgsOf<'article.setBody'>;
        const merged = { ...args, baseBodyVersion: row.base_body_version };
        this.stmts.rewriteArgs.run(JSON.stringify(merged), row.mutation_id);
        return row.mutation_id;
      }
    }
    return this.insert(m.def, m.args, m.entityId, baseVersion, at, 'user');
  }

  private insert(
    def: AnyMutationDef,
    args: unknown,
    entityId: string,
    baseVersion: number | null,
    at: string,
    origin: OutboxOrigin,
  ): number {
    return Number(
      this.stmts.insert.run(
        def.name,
        JSON.stringify(args),
        def.entity,
        entityId,
        baseVersion,
        at,
        origin,
      ).lastInsertRowid,
    );
  }

  /** Rewrites an unsent row's args, validated like a new one (never an in-flight row). */
  rewritePending<M extends MutationName>(mutationId: number, name: M, args: ArgsOf<M>): boolean {
    const parsed = parseMutation(name, args);
    if (!parsed.ok) throw new ApiError('invalid_input', parsed.reason);
    return this.stmts.rewriteArgs.run(JSON.stringify(parsed.args), mutationId).changes === 1;
  }

  /** Whether a mutation of this name is queued for the entity. */
  has(name: MutationName, entityId: string): boolean {
    return this.stmts.has.get(name, entityId) !== undefined;
  }

  list(): OutboxEntry[] {
    return (this.stmts.all.all() as OutboxRow[]).map(toEntry);
  }

  /** Rows after `afterId`, in push order. */
  after(afterId: number, limit: number): OutboxEntry[] {
    return (this.stmts.after.all(afterId, limit) as OutboxRow[]).map(toEntry);
  }

  /** The body saves up to `mutationId` still queued (a pull acknowledging them trims them). */
  bodiesThrough(mutationId: number): (OutboxEntry & { name: 'article.setBody' })[] {
    return (this.stmts.bodiesThrough.all(mutationId) as OutboxRow[]).map(
      (r) => toEntry(r) as OutboxEntry & { name: 'article.setBody' },
    );
  }

  forEntity(entityType: string, entityId: string): OutboxEntry[] {
    return (this.stmts.forEntity.all(entityType, entityId) as OutboxRow[]).map(toEntry);
  }

  row(mutationId: number): OutboxEntry | null {
    const r = this.stmts.row.get(mutationId) as OutboxRow | undefined;
    return r ? toEntry(r) : null;
  }

  size(): number {
    return (this.stmts.count.get() as { n: number }).n;
  }

  markInflight(fromId: number, toId: number): void {
    this.stmts.markInflight.run(fromId, toId);
  }

  noteError(mutationId: number, message: string): void {
    this.stmts.setError.run(message.slice(0, 1000), mutationId);
  }

  /** Drops acknowledged rows (only what a pull acknowledged); returns how many. */
  trim(lastMutationId: number): number {
    return this.stmts.trim.run(lastMutationId).changes;
  }

  /**
   * Takes an unsent row out of the queue for good (it can never sync; the caller keeps its
   * payload as a conflict) and closes the gap: later rows move down by one, so the server still
   * sees consecutive ids. Only for a row the server cannot have applied.
   */
  dropUnsent(mutationId: number): void {
    this.stmts.deleteOne.run(mutationId);
    this.stmts.negateAbove.run(mutationId);
    this.stmts.unnegateMinusOne.run();
    const max = (this.stmts.max.get() as { m: number | null }).m ?? mutationId - 1;
    this.stmts.setSequence.run(max);
  }

  /**
   * A new client id numbers its mutations from 1 again: shift the remaining rows down so the
   * first is 1, mark them unsent, and reset the AUTOINCREMENT counter.
   */
  renumber(): void {
    const rows = this.stmts.allIds.all() as { mutation_id: number }[];
    if (rows.length > 0) {
      const shift = rows[0]!.mutation_id - 1;
      this.stmts.negateAll.run();
      this.stmts.unnegateShift.run(shift);
    }
    const max = (this.stmts.max.get() as { m: number | null }).m ?? 0;
    this.stmts.setSequence.run(max);
  }
}
