/**
 * The one storage interface of the backend, in parts by area (auth and sessions, change feed,
 * entities, publishing, blob metadata). The sync, auth and publishing logic talk only to this.
 * The SQL of each area lives in `sql/` and is written once for both databases; `sqlite/`
 * (better-sqlite3, the embedded default) and `postgres/` (node-postgres) supply the connection,
 * the transactions and the schema migrations.
 *
 * Everything is async so that a networked database fits. A transaction is a callback: the store
 * runs it and commits when it resolves, rolls back when it throws. Write transactions that add to
 * the change feed are serialised on the `seq` counter row on SQLite (see sql/feed.ts); PostgreSQL
 * takes positions from a sequence and row locks instead (postgres/feed.ts).
 */
import type { Role } from '../../src-shared/model';
import type {
  PublishedImage,
  PublishedSnapshot,
  SiteSection,
} from '../../src-shared/publish/types';
import type {
  ArticleState,
  CommentState,
  ConflictRegion,
  EntityType,
  ImageState,
  WordState,
} from '../../src-shared/mutations';

export interface UserRow {
  id: string;
  username: string;
  /** The name desks show ("Anna Berg"); '' or absent: none, desks show the user name. */
  displayName?: string;
  role: Role;
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
}

export interface SessionRow {
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export interface ClientRow {
  clientId: string;
  userId: string;
  lastMutationId: number;
  lastSeenAt: string;
}

/** Entity types in the change feed: the synced entities plus per-client notices. */
export type ChangeEntity = EntityType | 'conflict' | 'rejection';

export interface ChangeRow {
  seq: number;
  entityType: ChangeEntity;
  entityId: string;
  op: 'upsert' | 'delete';
  version: number;
  changedFields: string[];
  actorUserId: string | null;
  /** The actor's username, as listChanges reads it (joined from users); not written. */
  actorUsername?: string | null;
  clientId: string | null;
  mutationId: number | null;
  /** For comments the article id; for conflict/rejection notices the client id they belong to. */
  scopeId: string | null;
  createdAt: string;
}

export interface ConflictRow {
  id: string;
  entityType: EntityType;
  entityId: string;
  field: string;
  base: unknown;
  theirs: unknown;
  mine: unknown;
  region: ConflictRegion | null;
  userId: string;
  clientId: string;
  mutationId: number;
  status: 'open' | 'resolved';
  createdAt: string;
}

export interface RejectedRow {
  id: string;
  clientId: string;
  mutationId: number;
  userId: string;
  name: string;
  args: unknown;
  code: string;
  reason: string;
  missing: unknown[] | null;
  createdAt: string;
}

export interface RevisionRow {
  articleId: string;
  bodyVersion: number;
  body: unknown;
  authorId: string | null;
  reason: string;
  createdAt: string;
}

/**
 * An article as stored: the access columns and the JSON text of its ArticleState (written by
 * this server), for handing on without parsing and re-serialising it (sync pull).
 */
export interface RawArticleRow {
  id: string;
  authorId: string | null;
  assigneeId: string | null;
  status: ArticleState['status'];
  deletedAt: string | null;
  version: number;
  /** JSON.stringify of the ArticleState. */
  json: string;
}

export interface BlobRow {
  sha256: string;
  size: number;
  mime: string;
  createdAt: string;
}

export type { PublishedSnapshot } from '../../src-shared/publish/types';

export interface PublishedRow {
  articleId: string;
  slug: string;
  /** live: shown; gone: unpublished (410). */
  state: 'live' | 'gone';
  snapshot: PublishedSnapshot;
  publishedAt: string;
  updatedAt: string;
}

/** A place in the order of changes to published rows: (updatedAt, articleId). */
export interface PublishedPosition {
  updatedAt: string;
  articleId: string;
}

export interface PublishedFilter {
  sectionSlug?: string;
  tag?: string;
  offset: number;
  limit: number;
}

export interface AuditRow {
  userId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  detail: unknown;
  createdAt: string;
}

export type Section = SiteSection;

/** Users and their sessions (sign-in tokens, stored as hashes). */
export interface AuthStore {
  getUserByName(username: string): Promise<UserRow | undefined>;
  getUserById(id: string): Promise<UserRow | undefined>;
  listUsers(): Promise<UserRow[]>;
  insertUser(user: UserRow): Promise<void>;
  /** Inserts the user unless one with that name exists (several instances seeding at once). */
  insertUserIfAbsent(user: UserRow): Promise<void>;
  updateUser(
    id: string,
    patch: Partial<Pick<UserRow, 'role' | 'disabled' | 'passwordHash' | 'displayName'>>,
  ): Promise<void>;
  insertSession(session: SessionRow): Promise<void>;
  getSession(tokenHash: string): Promise<SessionRow | undefined>;
  revokeSession(tokenHash: string, at: string): Promise<void>;
  revokeUserSessions(userId: string, at: string): Promise<void>;
}

/**
 * One read of the feed for a pull. On PostgreSQL changes of transactions that are not older than
 * the oldest still-running writer wait (postgres/feed.ts); `heldBack` then says up to which
 * transaction committed changes were held back, and `horizon` is the snapshot's oldest running
 * transaction (a later read with a horizon above `heldBack.upTo` gets them). SQLite holds
 * nothing back.
 */
export interface FeedRead {
  rows: ChangeRow[];
  heldBack: { upTo: bigint } | null;
  horizon: bigint | null;
  /**
   * The current rows of the articles that `rows` name (missing ones are not in the map), read in
   * the same snapshot, when the store reads them with the feed (PostgreSQL: in the same message,
   * which saves the pull a round trip); absent when it does not (SQLite).
   */
  articles?: Map<string, RawArticleRow>;
}

/** The change feed in commit order and the per-client bookkeeping of pushes. */
export interface FeedStore {
  getClient(clientId: string): Promise<ClientRow | undefined>;
  insertClient(client: ClientRow): Promise<void>;
  setLastMutationId(clientId: string, lastMutationId: number, at: string): Promise<void>;
  /** Takes the next change sequence number (commit order: only inside a write transaction). */
  nextSeq(): Promise<number>;
  currentSeq(): Promise<number>;
  insertChange(change: ChangeRow): Promise<void>;
  /** Changes with seq > afterSeq in seq order (every committed row, none held back). */
  listChanges(afterSeq: number, limit: number): Promise<ChangeRow[]>;
  /** The changes after a pull cursor, in feed order, as far as no later commit can precede them. */
  readFeed(cursor: number, limit: number): Promise<FeedRead>;
  /** PostgreSQL: the oldest transaction still running (the feed's horizon); SQLite: null. */
  feedHorizon(): Promise<bigint | null>;
  /**
   * Write transactions only: the rows a job reads and then writes, by key ("article:<id>",
   * "client:<id>"), taken before they are read, so that no other instance updates them from the
   * same old state. Nothing on SQLite (one writer); PostgreSQL locks them until COMMIT.
   */
  lockForWrite(keys: readonly string[]): void;
  /** Highest mutation id of a client among change rows up to the cursor, in feed order (0 if none). */
  lastMutationIdUpTo(clientId: string, upToSeq: number): Promise<number>;
}

/** The synced entities and what hangs off them: revisions, conflicts, rejections, audit. */
export interface EntityStore {
  getArticle(id: string): Promise<ArticleState | undefined>;
  getArticleRaw(id: string): Promise<RawArticleRow | undefined>;
  /** Many articles in one statement (the missing ones are not in the map). */
  getArticlesRaw(ids: readonly string[]): Promise<Map<string, RawArticleRow>>;
  putArticle(article: ArticleState): Promise<void>;
  /** Ids of approved articles whose scheduled time is at or before `now`, the earliest first. */
  listDueScheduled(now: string, limit: number): Promise<string[]>;
  /**
   * Takes a due scheduled article for this transaction (clears its scheduled_at); false when it
   * is no longer due or another instance took it. Only inside a write transaction.
   */
  claimScheduled(id: string, now: string): Promise<boolean>;
  getImage(id: string): Promise<ImageState | undefined>;
  putImage(image: ImageState): Promise<void>;
  getComment(id: string): Promise<CommentState | undefined>;
  putComment(comment: CommentState): Promise<void>;
  getWord(word: string): Promise<WordState | undefined>;
  putWord(word: WordState): Promise<void>;
  insertRevision(rev: RevisionRow): Promise<void>;
  getRevisionBody(articleId: string, bodyVersion: number): Promise<unknown>;
  /** The article's latest stored bodies, newest first. */
  recentRevisionBodies(articleId: string, limit: number): Promise<unknown[]>;
  countRevisions(articleId: string): Promise<number>;
  insertConflict(conflict: ConflictRow): Promise<void>;
  getConflict(id: string): Promise<ConflictRow | undefined>;
  insertRejected(rejected: RejectedRow): Promise<void>;
  getRejected(id: string): Promise<RejectedRow | undefined>;
  insertAudit(event: AuditRow): Promise<void>;
  /** Audit events of one entity, oldest first (with their sequence id). */
  listAudit(entityType: string, entityId: string): Promise<(AuditRow & { id: number })[]>;
  /** Review comments of an article, oldest first. */
  listComments(articleId: string): Promise<CommentState[]>;
}

/** The published site: sections and the snapshots of published articles. */
export interface PublishingStore {
  listSections(): Promise<Section[]>;
  upsertSection(section: Section): Promise<void>;
  getPublishedByArticle(articleId: string): Promise<PublishedRow | undefined>;
  getPublishedBySlug(slug: string): Promise<PublishedRow | undefined>;
  putPublished(row: PublishedRow): Promise<void>;
  listPublished(filter: PublishedFilter): Promise<{ rows: PublishedRow[]; total: number }>;
  /** Published rows, live and gone, changed after a position; oldest change first. */
  listPublishedChanges(after: PublishedPosition, limit: number): Promise<PublishedRow[]>;
  isImagePublished(imageId: string): Promise<boolean>;
  /** The snapshot rights of an image as the latest live publication showing it has them. */
  getPublishedImage(imageId: string): Promise<PublishedImage | undefined>;
  /** The article a former slug belonged to (a correction renamed it). */
  getSlugRedirect(slug: string): Promise<string | undefined>;
  putSlugRedirect(slug: string, articleId: string, createdAt: string): Promise<void>;
  deleteSlugRedirect(slug: string): Promise<void>;
}

/** Blob metadata (the bytes live in the BlobStore). */
export interface BlobMetaStore {
  getBlob(sha256: string): Promise<BlobRow | undefined>;
  insertBlob(blob: BlobRow): Promise<void>;
}

/** Everything a request may do inside one transaction: all areas together. */
export interface Tx extends AuthStore, FeedStore, EntityStore, PublishingStore, BlobMetaStore {}

export interface Storage {
  read<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
