import type { Db } from './db';
import { lazyStatements } from './statements';

export interface OutboxEntry {
  mutationId: number;
  name: string;
  args: unknown;
  entityType: string;
  entityId: string;
  baseVersion: number | null;
  state: 'pending' | 'inflight';
  attempts: number;
  createdAt: string;
}

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
}

/**
 * The queue of user intents waiting for the server. Always written inside the transaction of
 * the local change it describes, so a change and its mutation exist together or not at all.
 */
export class OutboxRepository {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = lazyStatements(db, {
      insert: `INSERT INTO outbox (name, args_json, entity_type, entity_id, base_version, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
      // Field and tag edits are independent of the body, so a body may coalesce past them; a
      // workflow step or delete after it is a barrier (the server must see the body it submitted).
      pendingBody: `SELECT o.mutation_id, o.args_json FROM outbox o
        WHERE o.name = 'article.setBody' AND o.entity_id = ? AND o.state = 'pending'
          AND NOT EXISTS (SELECT 1 FROM outbox b
                           WHERE b.entity_id = o.entity_id AND b.mutation_id > o.mutation_id
                             AND b.name NOT IN ('article.setFields', 'article.addTag', 'article.removeTag'))
        ORDER BY o.mutation_id DESC LIMIT 1`,
      replaceArgs: 'UPDATE outbox SET args_json = ? WHERE mutation_id = ? AND state = ?',
      all: 'SELECT * FROM outbox ORDER BY mutation_id',
      count: 'SELECT COUNT(*) AS n FROM outbox',
    });
  }

  enqueue(
    name: string,
    args: unknown,
    entityType: string,
    entityId: string,
    baseVersion: number | null,
    at: string,
  ): number {
    return Number(
      this.stmts.insert.run(name, JSON.stringify(args), entityType, entityId, baseVersion, at)
        .lastInsertRowid,
    );
  }

  /**
   * Unsent body saves of one article coalesce: the newest pending setBody takes the new body and
   * keeps its own (earliest) base. An in-flight mutation is never rewritten.
   */
  enqueueBody(
    articleId: string,
    args: { id: string; body: unknown; baseBodyVersion: number | null },
    baseVersion: number | null,
    at: string,
  ): number {
    const row = this.stmts.pendingBody.get(articleId) as
      { mutation_id: number; args_json: string } | undefined;
    if (row) {
      const previous = JSON.parse(row.args_json) as { baseBodyVersion: number | null };
      this.stmts.replaceArgs.run(
        JSON.stringify({ ...args, baseBodyVersion: previous.baseBodyVersion }),
        row.mutation_id,
        'pending',
      );
      return row.mutation_id;
    }
    return this.enqueue('article.setBody', args, 'article', articleId, baseVersion, at);
  }

  list(): OutboxEntry[] {
    return (this.stmts.all.all() as OutboxRow[]).map((r) => ({
      mutationId: r.mutation_id,
      name: r.name,
      args: JSON.parse(r.args_json) as unknown,
      entityType: r.entity_type,
      entityId: r.entity_id,
      baseVersion: r.base_version,
      state: r.state,
      attempts: r.attempts,
      createdAt: r.created_at,
    }));
  }

  size(): number {
    return (this.stmts.count.get() as { n: number }).n;
  }
}
