/**
 * The embedded SQLite store (better-sqlite3, WAL). One writer connection whose transactions run
 * one batch at a time (so the single-writer rule of SQLite gives the change feed its commit
 * order) and one read-only connection for reads. Prepared statements only.
 */
import Database from 'better-sqlite3';
import type { Role } from '../../../src-shared/model';
import type { ArticleState, CommentState, ImageState } from '../../../src-shared/mutations';
import type {
  AuditRow,
  BlobRow,
  ChangeEntity,
  ChangeRow,
  ClientRow,
  ConflictRow,
  PublishedFilter,
  PublishedPosition,
  PublishedRow,
  PublishedSnapshot,
  RawArticleRow,
  RejectedRow,
  RevisionRow,
  SessionRow,
  Storage,
  Tx,
  UserRow,
} from '../types';
import { MIGRATIONS } from './schema';
import { WalSync } from './walSync';

export interface SqliteOptions {
  /** 'full' (default) fsyncs every commit; 'normal' may lose the last commits on power loss. */
  synchronous?: 'full' | 'normal';
}

type Row = Record<string, unknown>;

const json = (v: unknown): string => JSON.stringify(v ?? null);
const parse = <T>(v: unknown): T => JSON.parse(typeof v === 'string' ? v : 'null') as T;
const num = (v: unknown): number => Number(v);
const strOrNull = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;

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
  closed = false;

  constructor(
    private readonly db: Database.Database,
    private readonly tx: Tx,
    private readonly hooks: QueueHooks = {},
  ) {}

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
    for (const job of batch) {
      if (kind === 'write') db.exec('SAVEPOINT job');
      try {
        const value = await job.fn(this.tx);
        if (kind === 'write') db.exec('RELEASE job');
        settled.push({ job, ok: true, value });
      } catch (e) {
        if (kind === 'write' && db.inTransaction) {
          db.exec('ROLLBACK TO job');
          db.exec('RELEASE job');
        }
        settled.push({ job, ok: false, value: e });
      }
    }
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
  migrate(db);
  const wal = options.synchronous === 'normal' ? undefined : new WalSync(`${file}-wal`);
  // A second, read-only connection: in WAL mode its transactions read a committed snapshot and
  // never wait for the writer.
  const reader = new Database(file, { readonly: true });
  const pin = reader.prepare("SELECT value FROM counters WHERE name = 'seq'");
  const writes = new TxQueue(
    db,
    new SqliteTx(db),
    wal ? { afterCommit: () => wal.afterCommit() } : {},
  );
  const reads = new TxQueue(
    reader,
    new SqliteTx(reader),
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

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_version').get() as Row | undefined;
  const current = row ? num(row.version) : 0;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `The database has schema version ${current}, newer than this server (${MIGRATIONS.length}).`,
    );
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] as string);
      db.prepare('DELETE FROM schema_version').run();
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(v + 1);
    })();
  }
}

function toUser(r: Row): UserRow {
  return {
    id: String(r.id),
    username: String(r.username),
    role: String(r.role) as Role,
    passwordHash: String(r.password_hash),
    disabled: num(r.disabled) === 1,
    createdAt: String(r.created_at),
  };
}

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

function toPublished(r: Row): PublishedRow {
  return {
    articleId: String(r.article_id),
    slug: String(r.slug),
    state: String(r.state) as 'live' | 'gone',
    snapshot: parse<PublishedSnapshot>(r.snapshot),
    publishedAt: String(r.published_at),
    updatedAt: String(r.updated_at),
  };
}

class SqliteTx implements Tx {
  private readonly s;
  constructor(private readonly db: Database.Database) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      userByName: p('SELECT * FROM users WHERE username = ?'),
      userById: p('SELECT * FROM users WHERE id = ?'),
      users: p('SELECT * FROM users ORDER BY username'),
      insertUser: p(
        'INSERT INTO users (id, username, role, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      setRole: p('UPDATE users SET role = ? WHERE id = ?'),
      setDisabled: p('UPDATE users SET disabled = ? WHERE id = ?'),
      setPassword: p('UPDATE users SET password_hash = ? WHERE id = ?'),
      insertSession: p(
        'INSERT INTO sessions (token_hash, user_id, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?)',
      ),
      session: p('SELECT * FROM sessions WHERE token_hash = ?'),
      revokeSession: p(
        'UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL',
      ),
      revokeUserSessions: p(
        'UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL',
      ),
      sections: p('SELECT slug, name FROM sections ORDER BY name'),
      upsertSection: p(
        'INSERT INTO sections (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO UPDATE SET name = excluded.name',
      ),
      client: p('SELECT * FROM clients WHERE client_id = ?'),
      insertClient: p(
        'INSERT INTO clients (client_id, user_id, last_mutation_id, last_seen_at) VALUES (?, ?, ?, ?)',
      ),
      setLast: p('UPDATE clients SET last_mutation_id = ?, last_seen_at = ? WHERE client_id = ?'),
      bumpSeq: p("UPDATE counters SET value = value + 1 WHERE name = 'seq'"),
      seq: p("SELECT value FROM counters WHERE name = 'seq'"),
      insertChange: p(
        `INSERT INTO changes (seq, entity_type, entity_id, op, version, changed_fields, actor_user_id,
           client_id, mutation_id, scope_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      changes: p(
        `SELECT c.*, u.username AS actor_username FROM changes c
         LEFT JOIN users u ON u.id = c.actor_user_id WHERE c.seq > ? ORDER BY c.seq LIMIT ?`,
      ),
      lastMutation: p('SELECT MAX(mutation_id) AS m FROM changes WHERE client_id = ? AND seq <= ?'),
      article: p('SELECT data FROM articles WHERE id = ?'),
      articleRaw: p(
        'SELECT author_id, assignee_id, status, deleted_at, version, data FROM articles WHERE id = ?',
      ),
      putArticle: p(
        `INSERT INTO articles (id, author_id, assignee_id, status, deleted_at, version, data)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET author_id = excluded.author_id, assignee_id = excluded.assignee_id,
           status = excluded.status, deleted_at = excluded.deleted_at, version = excluded.version,
           data = excluded.data`,
      ),
      image: p('SELECT data FROM images WHERE id = ?'),
      putImage: p(
        `INSERT INTO images (id, sha256, created_by, version, data) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET sha256 = excluded.sha256, created_by = excluded.created_by,
           version = excluded.version, data = excluded.data`,
      ),
      comment: p('SELECT data FROM comments WHERE id = ?'),
      putComment: p(
        `INSERT INTO comments (id, article_id, author_id, version, data) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET version = excluded.version, data = excluded.data`,
      ),
      insertRevision: p(
        `INSERT INTO revisions (article_id, body_version, body, author_id, reason, created_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (article_id, body_version) DO NOTHING`,
      ),
      revision: p('SELECT body FROM revisions WHERE article_id = ? AND body_version = ?'),
      countRevisions: p('SELECT COUNT(*) AS n FROM revisions WHERE article_id = ?'),
      insertConflict: p(
        `INSERT INTO conflict_records (id, entity_type, entity_id, field, base, theirs, mine, region,
           user_id, client_id, mutation_id, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      conflict: p('SELECT * FROM conflict_records WHERE id = ?'),
      insertRejected: p(
        `INSERT INTO rejected_mutations (id, client_id, mutation_id, user_id, name, args, code, reason,
           missing, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      rejected: p('SELECT * FROM rejected_mutations WHERE id = ?'),
      insertAudit: p(
        `INSERT INTO audit_events (id, user_id, action, entity_type, entity_id, detail, created_at)
         VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM audit_events), ?, ?, ?, ?, ?, ?)`,
      ),
      listAudit: p(
        'SELECT * FROM audit_events WHERE entity_type = ? AND entity_id = ? ORDER BY id',
      ),
      listComments: p('SELECT data FROM comments WHERE article_id = ? ORDER BY version'),
      blob: p('SELECT * FROM blobs WHERE sha256 = ?'),
      insertBlob: p(
        'INSERT INTO blobs (sha256, size, mime, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
      ),
      publishedByArticle: p('SELECT * FROM published WHERE article_id = ?'),
      publishedBySlug: p('SELECT * FROM published WHERE slug = ?'),
      publishedChanges: p(
        `SELECT * FROM published WHERE (updated_at, article_id) > (?, ?)
         ORDER BY updated_at, article_id LIMIT ?`,
      ),
      putPublished: p(
        `INSERT INTO published (article_id, slug, state, section_slug, snapshot, published_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (article_id) DO UPDATE SET slug = excluded.slug, state = excluded.state,
           section_slug = excluded.section_slug, snapshot = excluded.snapshot,
           published_at = excluded.published_at, updated_at = excluded.updated_at`,
      ),
      deleteTags: p('DELETE FROM published_tags WHERE article_id = ?'),
      insertTag: p(
        'INSERT INTO published_tags (article_id, tag) VALUES (?, ?) ON CONFLICT (article_id, tag) DO NOTHING',
      ),
      deleteImages: p('DELETE FROM published_images WHERE article_id = ?'),
      insertImage: p(
        'INSERT INTO published_images (article_id, image_id) VALUES (?, ?) ON CONFLICT (article_id, image_id) DO NOTHING',
      ),
      imagePublished: p(
        `SELECT 1 AS x FROM published_images i JOIN published p ON p.article_id = i.article_id
         WHERE i.image_id = ? AND p.state = 'live' LIMIT 1`,
      ),
      // One statement for all filter combinations: a NULL parameter switches a filter off.
      listPublished: p(
        `SELECT * FROM published p WHERE p.state = 'live'
           AND (? IS NULL OR p.section_slug = ?)
           AND (? IS NULL OR EXISTS (SELECT 1 FROM published_tags t WHERE t.article_id = p.article_id AND LOWER(t.tag) = LOWER(?)))
         ORDER BY p.published_at DESC, p.article_id LIMIT ? OFFSET ?`,
      ),
      countPublished: p(
        `SELECT COUNT(*) AS n FROM published p WHERE p.state = 'live'
           AND (? IS NULL OR p.section_slug = ?)
           AND (? IS NULL OR EXISTS (SELECT 1 FROM published_tags t WHERE t.article_id = p.article_id AND LOWER(t.tag) = LOWER(?)))`,
      ),
    };
  }

  getUserByName(username: string) {
    const r = this.s.userByName.get(username) as Row | undefined;
    return Promise.resolve(r ? toUser(r) : undefined);
  }
  getUserById(id: string) {
    const r = this.s.userById.get(id) as Row | undefined;
    return Promise.resolve(r ? toUser(r) : undefined);
  }
  listUsers() {
    return Promise.resolve((this.s.users.all() as Row[]).map(toUser));
  }
  insertUser(u: UserRow) {
    this.s.insertUser.run(
      u.id,
      u.username,
      u.role,
      u.passwordHash,
      u.disabled ? 1 : 0,
      u.createdAt,
    );
    return Promise.resolve();
  }
  updateUser(id: string, patch: Partial<Pick<UserRow, 'role' | 'disabled' | 'passwordHash'>>) {
    if (patch.role !== undefined) this.s.setRole.run(patch.role, id);
    if (patch.disabled !== undefined) this.s.setDisabled.run(patch.disabled ? 1 : 0, id);
    if (patch.passwordHash !== undefined) this.s.setPassword.run(patch.passwordHash, id);
    return Promise.resolve();
  }
  insertSession(s: SessionRow) {
    this.s.insertSession.run(s.tokenHash, s.userId, s.createdAt, s.expiresAt, s.revokedAt);
    return Promise.resolve();
  }
  getSession(tokenHash: string) {
    const r = this.s.session.get(tokenHash) as Row | undefined;
    return Promise.resolve(
      r
        ? {
            tokenHash: String(r.token_hash),
            userId: String(r.user_id),
            createdAt: String(r.created_at),
            expiresAt: String(r.expires_at),
            revokedAt: strOrNull(r.revoked_at),
          }
        : undefined,
    );
  }
  revokeSession(tokenHash: string, at: string) {
    this.s.revokeSession.run(at, tokenHash);
    return Promise.resolve();
  }
  revokeUserSessions(userId: string, at: string) {
    this.s.revokeUserSessions.run(at, userId);
    return Promise.resolve();
  }
  listSections() {
    return Promise.resolve(
      (this.s.sections.all() as Row[]).map((r) => ({ slug: String(r.slug), name: String(r.name) })),
    );
  }
  upsertSection(section: { slug: string; name: string }) {
    this.s.upsertSection.run(section.slug, section.name);
    return Promise.resolve();
  }
  getClient(clientId: string) {
    const r = this.s.client.get(clientId) as Row | undefined;
    return Promise.resolve<ClientRow | undefined>(
      r
        ? {
            clientId: String(r.client_id),
            userId: String(r.user_id),
            lastMutationId: num(r.last_mutation_id),
            lastSeenAt: String(r.last_seen_at),
          }
        : undefined,
    );
  }
  insertClient(c: ClientRow) {
    this.s.insertClient.run(c.clientId, c.userId, c.lastMutationId, c.lastSeenAt);
    return Promise.resolve();
  }
  setLastMutationId(clientId: string, last: number, at: string) {
    this.s.setLast.run(last, at, clientId);
    return Promise.resolve();
  }
  nextSeq() {
    if (!this.db.inTransaction) throw new Error('nextSeq outside a transaction');
    this.s.bumpSeq.run();
    return Promise.resolve(num((this.s.seq.get() as Row).value));
  }
  currentSeq() {
    return Promise.resolve(num((this.s.seq.get() as Row).value));
  }
  insertChange(c: ChangeRow) {
    this.s.insertChange.run(
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
    );
    return Promise.resolve();
  }
  listChanges(afterSeq: number, limit: number) {
    return Promise.resolve((this.s.changes.all(afterSeq, limit) as Row[]).map(toChange));
  }
  lastMutationIdUpTo(clientId: string, upToSeq: number) {
    const r = this.s.lastMutation.get(clientId, upToSeq) as Row | undefined;
    return Promise.resolve(r && r.m !== null ? num(r.m) : 0);
  }
  getArticle(id: string) {
    const r = this.s.article.get(id) as Row | undefined;
    return Promise.resolve(r ? parse<ArticleState>(r.data) : undefined);
  }
  getArticleRaw(id: string) {
    const r = this.s.articleRaw.get(id) as Row | undefined;
    return Promise.resolve<RawArticleRow | undefined>(
      r
        ? {
            id,
            authorId: strOrNull(r.author_id),
            assigneeId: strOrNull(r.assignee_id),
            status: String(r.status) as RawArticleRow['status'],
            deletedAt: strOrNull(r.deleted_at),
            version: num(r.version),
            json: String(r.data),
          }
        : undefined,
    );
  }
  putArticle(a: ArticleState) {
    this.s.putArticle.run(
      a.id,
      a.authorId,
      a.assigneeId,
      a.status,
      a.deletedAt,
      a.version,
      json(a),
    );
    return Promise.resolve();
  }
  getImage(id: string) {
    const r = this.s.image.get(id) as Row | undefined;
    return Promise.resolve(r ? parse<ImageState>(r.data) : undefined);
  }
  putImage(i: ImageState) {
    this.s.putImage.run(i.id, i.sha256, i.createdBy, i.version, json(i));
    return Promise.resolve();
  }
  getComment(id: string) {
    const r = this.s.comment.get(id) as Row | undefined;
    return Promise.resolve(r ? parse<CommentState>(r.data) : undefined);
  }
  putComment(c: CommentState) {
    this.s.putComment.run(c.id, c.articleId, c.authorId, c.version, json(c));
    return Promise.resolve();
  }
  insertRevision(r: RevisionRow) {
    this.s.insertRevision.run(
      r.articleId,
      r.bodyVersion,
      json(r.body),
      r.authorId,
      r.reason,
      r.createdAt,
    );
    return Promise.resolve();
  }
  getRevisionBody(articleId: string, bodyVersion: number) {
    const r = this.s.revision.get(articleId, bodyVersion) as Row | undefined;
    return Promise.resolve<unknown>(r ? parse<unknown>(r.body) : undefined);
  }
  countRevisions(articleId: string) {
    return Promise.resolve(num((this.s.countRevisions.get(articleId) as Row).n));
  }
  insertConflict(c: ConflictRow) {
    this.s.insertConflict.run(
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
    );
    return Promise.resolve();
  }
  getConflict(id: string) {
    const r = this.s.conflict.get(id) as Row | undefined;
    return Promise.resolve<ConflictRow | undefined>(
      r
        ? {
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
          }
        : undefined,
    );
  }
  insertRejected(r: RejectedRow) {
    this.s.insertRejected.run(
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
    );
    return Promise.resolve();
  }
  getRejected(id: string) {
    const r = this.s.rejected.get(id) as Row | undefined;
    return Promise.resolve<RejectedRow | undefined>(
      r
        ? {
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
          }
        : undefined,
    );
  }
  insertAudit(e: AuditRow) {
    this.s.insertAudit.run(
      e.userId,
      e.action,
      e.entityType,
      e.entityId,
      json(e.detail),
      e.createdAt,
    );
    return Promise.resolve();
  }
  listAudit(entityType: string, entityId: string) {
    const rows = this.s.listAudit.all(entityType, entityId) as Row[];
    return Promise.resolve(
      rows.map((r) => ({
        id: num(r.id),
        userId: strOrNull(r.user_id),
        action: String(r.action),
        entityType: String(r.entity_type),
        entityId: String(r.entity_id),
        detail: parse(r.detail),
        createdAt: String(r.created_at),
      })),
    );
  }
  listComments(articleId: string) {
    const rows = this.s.listComments.all(articleId) as Row[];
    return Promise.resolve(rows.map((r) => parse<CommentState>(r.data)));
  }
  getBlob(sha256: string) {
    const r = this.s.blob.get(sha256) as Row | undefined;
    return Promise.resolve<BlobRow | undefined>(
      r
        ? {
            sha256: String(r.sha256),
            size: num(r.size),
            mime: String(r.mime),
            createdAt: String(r.created_at),
          }
        : undefined,
    );
  }
  insertBlob(b: BlobRow) {
    this.s.insertBlob.run(b.sha256, b.size, b.mime, b.createdAt);
    return Promise.resolve();
  }
  getPublishedByArticle(articleId: string) {
    const r = this.s.publishedByArticle.get(articleId) as Row | undefined;
    return Promise.resolve(r ? toPublished(r) : undefined);
  }
  getPublishedBySlug(slug: string) {
    const r = this.s.publishedBySlug.get(slug) as Row | undefined;
    return Promise.resolve(r ? toPublished(r) : undefined);
  }
  putPublished(row: PublishedRow) {
    const s = row.snapshot;
    this.s.putPublished.run(
      row.articleId,
      row.slug,
      row.state,
      s.sectionSlug,
      json(s),
      row.publishedAt,
      row.updatedAt,
    );
    this.s.deleteTags.run(row.articleId);
    for (const t of new Set(s.tags)) this.s.insertTag.run(row.articleId, t);
    this.s.deleteImages.run(row.articleId);
    for (const id of new Set(s.imageIds)) this.s.insertImage.run(row.articleId, id);
    return Promise.resolve();
  }
  listPublished(f: PublishedFilter) {
    const section = f.sectionSlug ?? null;
    const tag = f.tag ?? null;
    const rows = (
      this.s.listPublished.all(section, section, tag, tag, f.limit, f.offset) as Row[]
    ).map(toPublished);
    const total = num((this.s.countPublished.get(section, section, tag, tag) as Row).n);
    return Promise.resolve({ rows, total });
  }
  listPublishedChanges(after: PublishedPosition, limit: number) {
    const rows = this.s.publishedChanges.all(after.updatedAt, after.articleId, limit) as Row[];
    return Promise.resolve(rows.map(toPublished));
  }
  isImagePublished(imageId: string) {
    return Promise.resolve(this.s.imagePublished.get(imageId) !== undefined);
  }
}
