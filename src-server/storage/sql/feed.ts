/**
 * The change feed and the per-client bookkeeping of pushes.
 *
 * Commit order (the design choice): a pull reads "every change after the cursor", so a change
 * must never become visible behind a cursor that already moved past it, or the reader skips it
 * forever. PostgreSQL sequences hand out values at insert time, not at commit, so two concurrent
 * writers can commit 11 before 10. Here (SQLite) positions come from one counter row that the
 * writer increments with UPDATE … RETURNING under the database's single writer, so positions are
 * handed out in commit order and a snapshot that sees seq N also sees every seq below N.
 * PostgreSQL overrides the feed's positions and reads with the other design: positions from a
 * sequence, each row carrying its transaction id, and a pull that stops at the oldest
 * still-running writer (postgres/feed.ts); its writers no longer take turns.
 */
import type { ChangeEntity, ChangeRow, ClientRow, FeedStore } from '../types';
import { json, num, parse, strOrNull, type Row, type SqlRunner } from './runner';

export function toChange(r: Row): ChangeRow {
  return {
    seq: num(r.seq),
    entityType: String(r.entity_type) as ChangeEntity,
    entityId: String(r.entity_id),
    op: String(r.op) as 'upsert' | 'delete',
    version: num(r.version),
    changedFields: parse<string[]>(r.changed_fields),
    actorUserId: strOrNull(r.actor_user_id),
    actorUsername: strOrNull(r.actor_username),
    clientId: strOrNull(r.client_id),
    mutationId: r.mutation_id === null ? null : num(r.mutation_id),
    scopeId: strOrNull(r.scope_id),
    createdAt: String(r.created_at),
  };
}

export function feedStore(db: SqlRunner): FeedStore {
  const listChanges = async (afterSeq: number, limit: number): Promise<ChangeRow[]> => {
    const rows = await db.all(
      `SELECT c.*, u.username AS actor_username FROM changes c
       LEFT JOIN users u ON u.id = c.actor_user_id WHERE c.seq > ? ORDER BY c.seq LIMIT ?`,
      [afterSeq, limit],
    );
    return rows.map(toChange);
  };
  return {
    async getClient(clientId) {
      const r = await db.get('SELECT * FROM clients WHERE client_id = ?', [clientId]);
      return r
        ? ({
            clientId: String(r.client_id),
            userId: String(r.user_id),
            lastMutationId: num(r.last_mutation_id),
            lastSeenAt: String(r.last_seen_at),
          } satisfies ClientRow)
        : undefined;
    },
    insertClient(c) {
      return db.run(
        'INSERT INTO clients (client_id, user_id, last_mutation_id, last_seen_at) VALUES (?, ?, ?, ?)',
        [c.clientId, c.userId, c.lastMutationId, c.lastSeenAt],
      );
    },
    setLastMutationId(clientId, last, at) {
      return db.run(
        'UPDATE clients SET last_mutation_id = ?, last_seen_at = ? WHERE client_id = ?',
        [last, at, clientId],
      );
    },
    async nextSeq() {
      if (!db.inWriteTransaction()) throw new Error('nextSeq outside a write transaction');
      const r = await db.get(
        "UPDATE counters SET value = value + 1 WHERE name = 'seq' RETURNING value",
      );
      return num(r?.value);
    },
    async currentSeq() {
      const r = await db.get("SELECT value FROM counters WHERE name = 'seq'");
      return num(r?.value);
    },
    insertChange(c) {
      return db.run(
        `INSERT INTO changes (seq, entity_type, entity_id, op, version, changed_fields, actor_user_id,
           client_id, mutation_id, scope_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          c.seq,
          c.entityType,
          c.entityId,
          c.op,
          c.version,
          json(c.changedFields),
          c.actorUserId,
          c.clientId,
          c.mutationId,
          c.scopeId,
          c.createdAt,
        ],
      );
    },
    listChanges,
    async readFeed(cursor, limit) {
      // One writer at a time: whatever is committed is in seq order.
      return { rows: await listChanges(cursor, limit), heldBack: null, horizon: null };
    },
    feedHorizon() {
      return Promise.resolve(null);
    },
    lockForWrite() {
      // SQLite's write transaction holds the whole database.
    },
    async lastMutationIdUpTo(clientId, upToSeq) {
      const r = await db.get(
        'SELECT MAX(mutation_id) AS m FROM changes WHERE client_id = ? AND seq <= ?',
        [clientId, upToSeq],
      );
      return r && r.m !== null && r.m !== undefined ? num(r.m) : 0;
    },
  };
}
