/**
 * The change feed and the per-client push bookkeeping.
 *
 * Commit order (the design choice): a pull reads "every change with seq > cursor", so a position
 * must never become visible after a higher one, or a reader that already moved past it skips it
 * forever. PostgreSQL sequences hand out values at insert time, not at commit, so two concurrent
 * writers can commit 11 before 10. Instead, positions come from one counter row that the writer
 * increments with UPDATE … RETURNING: the UPDATE takes the row lock and keeps it until the
 * transaction ends, so the next writer gets its position only after the previous one committed
 * (or rolled back, giving the number back). Positions are therefore handed out in commit order
 * and a snapshot that sees seq N also sees every seq below N. On SQLite the same statement runs
 * under the database's single writer, which gives the same guarantee. The cost is that writers
 * that add to the feed run one at a time per database; the stores batch many of them into one
 * transaction (group commit) to keep that cheap, and the PostgreSQL store keeps the time the lock
 * is held short (postgres/seqCounter.ts, postgres/runner.ts).
 */
import type { ChangeEntity, ChangeRow, ClientRow, FeedStore } from '../types';
import { json, num, parse, strOrNull, type Row, type SqlRunner } from './runner';

function toChange(r: Row): ChangeRow {
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
    async listChanges(afterSeq, limit) {
      const rows = await db.all(
        `SELECT c.*, u.username AS actor_username FROM changes c
         LEFT JOIN users u ON u.id = c.actor_user_id WHERE c.seq > ? ORDER BY c.seq LIMIT ?`,
        [afterSeq, limit],
      );
      return rows.map(toChange);
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
