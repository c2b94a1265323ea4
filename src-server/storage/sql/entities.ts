/** Articles, images, comments and what hangs off them, in SQL both databases run. */
import type {
  ArticleState,
  CommentState,
  ImageState,
  WordState,
} from '../../../src-shared/mutations';
import type { ConflictRow, EntityStore, RawArticleRow, RejectedRow } from '../types';
import { json, num, parse, strOrNull, type Row, type SqlRunner } from './runner';

function toConflict(r: Row): ConflictRow {
  return {
    id: String(r.id),
    entityType: String(r.entity_type) as ConflictRow['entityType'],
    entityId: String(r.entity_id),
    field: String(r.field),
    base: parse(r.base),
    theirs: parse(r.theirs),
    mine: parse(r.mine),
    region: r.region === null ? null : parse<ConflictRow['region']>(r.region),
    userId: String(r.user_id),
    clientId: String(r.client_id),
    mutationId: num(r.mutation_id),
    status: String(r.status) as 'open' | 'resolved',
    createdAt: String(r.created_at),
  };
}

function toRejected(r: Row): RejectedRow {
  return {
    id: String(r.id),
    clientId: String(r.client_id),
    mutationId: num(r.mutation_id),
    userId: String(r.user_id),
    name: String(r.name),
    args: parse(r.args),
    code: String(r.code),
    reason: String(r.reason),
    missing: r.missing === null ? null : parse<unknown[]>(r.missing),
    createdAt: String(r.created_at),
  };
}

// Audit ids: PostgreSQL hands them out from an identity column (concurrent instances); SQLite,
// with its single writer, takes the next number.
const INSERT_AUDIT = {
  sqlite: `INSERT INTO audit_events (id, user_id, action, entity_type, entity_id, detail, created_at)
           VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM audit_events), ?, ?, ?, ?, ?, ?)`,
  postgres: `INSERT INTO audit_events (user_id, action, entity_type, entity_id, detail, created_at)
             VALUES (?, ?, ?, ?, ?, ?)`,
} as const;

/** An article row as `RawArticleRow` (`toRawArticle`); also read with the feed on PostgreSQL. */
export const RAW_ARTICLE =
  'SELECT id, author_id, assignee_id, status, deleted_at, version, data FROM articles';

/** `id` is one of the JSON array parameter's strings: one statement for any number of ids. */
const ID_IN_JSON_LIST = {
  sqlite: 'id IN (SELECT value FROM json_each(?))',
  postgres: 'id = ANY (ARRAY(SELECT jsonb_array_elements_text(?::jsonb)))',
} as const;

export function toRawArticle(r: Row): RawArticleRow {
  return {
    id: String(r.id),
    authorId: strOrNull(r.author_id),
    assigneeId: strOrNull(r.assignee_id),
    status: String(r.status) as RawArticleRow['status'],
    deletedAt: strOrNull(r.deleted_at),
    version: num(r.version),
    json: String(r.data),
  };
}

export function entityStore(db: SqlRunner): EntityStore {
  return {
    async getArticle(id) {
      const r = await db.get('SELECT data FROM articles WHERE id = ?', [id]);
      return r ? parse<ArticleState>(r.data) : undefined;
    },
    async getArticleRaw(id) {
      const r = await db.get(`${RAW_ARTICLE} WHERE id = ?`, [id]);
      return r ? toRawArticle(r) : undefined;
    },
    async getArticlesRaw(ids) {
      const out = new Map<string, RawArticleRow>();
      if (ids.length === 0) return out;
      const rows = await db.all(`${RAW_ARTICLE} WHERE ${ID_IN_JSON_LIST[db.dialect]}`, [
        JSON.stringify([...new Set(ids)]),
      ]);
      for (const r of rows) out.set(String(r.id), toRawArticle(r));
      return out;
    },
    putArticle(a) {
      return db.run(
        `INSERT INTO articles (id, author_id, assignee_id, status, deleted_at, version, data, scheduled_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET author_id = excluded.author_id, assignee_id = excluded.assignee_id,
           status = excluded.status, deleted_at = excluded.deleted_at, version = excluded.version,
           data = excluded.data, scheduled_at = excluded.scheduled_at`,
        [
          a.id,
          a.authorId,
          a.assigneeId,
          a.status,
          a.deletedAt,
          a.version,
          json(a),
          a.scheduledAt ?? null,
        ],
      );
    },
    async listDueScheduled(now, limit) {
      const rows = await db.all(
        `SELECT id FROM articles
          WHERE scheduled_at IS NOT NULL AND scheduled_at <= ? AND status = 'approved' AND deleted_at IS NULL
          ORDER BY scheduled_at, id LIMIT ?`,
        [now, limit],
      );
      return rows.map((r) => String(r.id));
    },
    async claimScheduled(id, now) {
      // A conditional UPDATE: on PostgreSQL a second instance waits for the first one's row lock,
      // then sees scheduled_at already cleared and claims nothing.
      const r = await db.get(
        `UPDATE articles SET scheduled_at = NULL
          WHERE id = ? AND scheduled_at IS NOT NULL AND scheduled_at <= ? AND status = 'approved'
            AND deleted_at IS NULL
          RETURNING id`,
        [id, now],
      );
      return r !== undefined;
    },
    async getImage(id) {
      const r = await db.get('SELECT data FROM images WHERE id = ?', [id]);
      return r ? parse<ImageState>(r.data) : undefined;
    },
    putImage(i) {
      return db.run(
        `INSERT INTO images (id, sha256, created_by, version, data) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET sha256 = excluded.sha256, created_by = excluded.created_by,
           version = excluded.version, data = excluded.data`,
        [i.id, i.sha256, i.createdBy, i.version, json(i)],
      );
    },
    async getComment(id) {
      const r = await db.get('SELECT data FROM comments WHERE id = ?', [id]);
      return r ? parse<CommentState>(r.data) : undefined;
    },
    putComment(c) {
      return db.run(
        `INSERT INTO comments (id, article_id, author_id, version, data) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET version = excluded.version, data = excluded.data`,
        [c.id, c.articleId, c.authorId, c.version, json(c)],
      );
    },
    async getWord(word) {
      const r = await db.get('SELECT data FROM dictionary_words WHERE word = ?', [word]);
      return r ? parse<WordState>(r.data) : undefined;
    },
    putWord(w) {
      return db.run(
        `INSERT INTO dictionary_words (word, version, data) VALUES (?, ?, ?)
         ON CONFLICT (word) DO UPDATE SET version = excluded.version, data = excluded.data`,
        [w.word, w.version, json(w)],
      );
    },
    insertRevision(r) {
      return db.run(
        `INSERT INTO revisions (article_id, body_version, body, author_id, reason, created_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (article_id, body_version) DO NOTHING`,
        [r.articleId, r.bodyVersion, json(r.body), r.authorId, r.reason, r.createdAt],
      );
    },
    async getRevisionBody(articleId, bodyVersion) {
      const r = await db.get(
        'SELECT body FROM revisions WHERE article_id = ? AND body_version = ?',
        [articleId, bodyVersion],
      );
      return r ? parse<unknown>(r.body) : undefined;
    },
    async recentRevisionBodies(articleId, limit) {
      const rows = await db.all(
        'SELECT body FROM revisions WHERE article_id = ? ORDER BY body_version DESC LIMIT ?',
        [articleId, limit],
      );
      return rows.map((r) => parse<unknown>(r.body));
    },
    async countRevisions(articleId) {
      const r = await db.get('SELECT COUNT(*) AS n FROM revisions WHERE article_id = ?', [
        articleId,
      ]);
      return num(r?.n);
    },
    insertConflict(c) {
      return db.run(
        `INSERT INTO conflict_records (id, entity_type, entity_id, field, base, theirs, mine, region,
           user_id, client_id, mutation_id, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          c.id,
          c.entityType,
          c.entityId,
          c.field,
          json(c.base),
          json(c.theirs),
          json(c.mine),
          c.region ? json(c.region) : null,
          c.userId,
          c.clientId,
          c.mutationId,
          c.status,
          c.createdAt,
        ],
      );
    },
    async getConflict(id) {
      const r = await db.get('SELECT * FROM conflict_records WHERE id = ?', [id]);
      return r ? toConflict(r) : undefined;
    },
    insertRejected(r) {
      return db.run(
        `INSERT INTO rejected_mutations (id, client_id, mutation_id, user_id, name, args, code, reason,
           missing, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          r.id,
          r.clientId,
          r.mutationId,
          r.userId,
          r.name,
          json(r.args),
          r.code,
          r.reason,
          r.missing ? json(r.missing) : null,
          r.createdAt,
        ],
      );
    },
    async getRejected(id) {
      const r = await db.get('SELECT * FROM rejected_mutations WHERE id = ?', [id]);
      return r ? toRejected(r) : undefined;
    },
    insertAudit(e) {
      return db.run(INSERT_AUDIT[db.dialect], [
        e.userId,
        e.action,
        e.entityType,
        e.entityId,
        json(e.detail),
        e.createdAt,
      ]);
    },
    async listAudit(entityType, entityId) {
      const rows = await db.all(
        'SELECT * FROM audit_events WHERE entity_type = ? AND entity_id = ? ORDER BY id',
        [entityType, entityId],
      );
      return rows.map((r) => ({
        id: num(r.id),
        userId: strOrNull(r.user_id),
        action: String(r.action),
        entityType: String(r.entity_type),
        entityId: String(r.entity_id),
        detail: parse(r.detail),
        createdAt: String(r.created_at),
      }));
    },
    async listComments(articleId) {
      const rows = await db.all('SELECT data FROM comments WHERE article_id = ? ORDER BY version', [
        articleId,
      ]);
      return rows.map((r) => parse<CommentState>(r.data));
    },
  };
}
