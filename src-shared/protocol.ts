/**
 * The wire format between the desktop core and the publishing backend (docs/sync.md), versioned.
 *
 * Endpoints (all JSON; errors are `{"error":{"code","message",…}}` with a 4xx/5xx status):
 * - POST /api/v1/auth/login        LoginRequest → LoginResponse
 * - POST /api/v1/auth/logout       (Bearer token) → { ok: true }
 * - GET  /api/v1/auth/me?schemaVersion=…  (Bearer token) → MeResponse
 * - GET  /api/v1/users/names       (Bearer token) → UserNamesResponse
 * - POST /api/v1/sync/push         PushRequest → PushResponse | 409 mutation_gap (GapError)
 * - GET  /api/v1/sync/pull?protocolVersion=1&clientId=…&cursor=N&limit=M → PullResponse
 * - PUT  /api/v1/blobs/:sha256     raw bytes (image/jpeg|png|webp|application/octet-stream)
 * - GET  /api/v1/blobs/:sha256     the bytes, Content-Type sniffed at upload
 *
 * `protocolVersion` must be in every sync request; any other value than PROTOCOL_VERSION gets
 * `400 {"error":{"code":"update_required"}}`.
 */
import { z } from 'zod';
import { Role, Timestamp } from './model';
import {
  ArticleState,
  CommentState,
  ConflictRegion,
  ImageState,
  MutationName,
  WordState,
  type EntityType,
} from './mutations';
import { CHECKLIST_CODES } from './checklist';

export const PROTOCOL_VERSION = 1;
/**
 * What this client understands within PROTOCOL_VERSION, sent as `schemaVersion` with every
 * request. A server only sends additions to clients that name a version at least as new:
 * - 2025-02: pulled changes may carry `actor` (who made the change).
 * - 2026-12: pulls carry newsroom dictionary words (`entity: 'word'`).
 * - 2026-12-s: articles carry `scheduledAt`, `scheduledBy` and `embargoUntil`.
 * - 2026-12-t: articles carry `metaDescription` and `socialImageId`.
 * - 2026-12-v: bodies may hold `suggestion` nodes (suggestion mode); older clients get bodies
 *   with every open suggestion rejected.
 * - 2026-12-w: review-queue submissions name users with their `displayName`, and so does
 *   GET /api/v1/auth/me for the signed-in user.
 * - 2026-12-x: articles carry `fieldSuggestions` (suggestions on kicker, headline, teaser).
 * - 2026-12-y: article timelines carry `suggestion` entries (accepted or rejected suggestions).
 * - 2026-12-z: an article's lead image may carry its own `alt` text.
 * Servers that predate a version ignore it, so a newer client still works with them.
 */
export const SCHEMA_VERSION = '2026-12-z';

/** Whether a client that sent `schemaVersion` accepts `actor` on pulled changes (strict parsers do not). */
export function acceptsPullActor(schemaVersion: string | undefined): boolean {
  return schemaVersion !== undefined && schemaVersion >= '2025-02';
}

/**
 * Whether a client that sent `schemaVersion` accepts an article's `scheduledAt`, `scheduledBy`
 * and `embargoUntil` (its strict parser refuses unknown keys before 2026-12-s).
 */
export function acceptsSchedule(schemaVersion: string | undefined): boolean {
  return schemaVersion !== undefined && schemaVersion >= '2026-12-s';
}

/** Article fields added in schemaVersion 2026-12-t; older clients' strict parsers refuse them. */
export const ARTICLE_SEO_FIELDS = ['metaDescription', 'socialImageId'] as const;

/** Whether a client that sent `schemaVersion` accepts an article's description and social image. */
export function acceptsArticleSeo(schemaVersion: string | undefined): boolean {
  return schemaVersion !== undefined && schemaVersion >= '2026-12-t';
}

/** Whether a client that sent `schemaVersion` reads `suggestion` nodes in an article body. */
export function acceptsSuggestions(schemaVersion: string | undefined): boolean {
  return schemaVersion !== undefined && schemaVersion >= '2026-12-v';
}

/** Whether a client that sent `schemaVersion` accepts users' `displayName` (its strict parser refuses it before 2026-12-w). */
export function acceptsDisplayNames(schemaVersion: string | undefined): boolean {
  return schemaVersion !== undefined && schemaVersion >= '2026-12-w';
}

/** Whether a client that sent `schemaVersion` accepts a lead image's own `alt` (its strict parser refuses it before 2026-12-z). */
export function acceptsLeadImageAlt(schemaVersion: string | undefined): boolean {
  return schemaVersion !== undefined && schemaVersion >= '2026-12-z';
}

/** Whether a client that sent `schemaVersion` reads `suggestion` timeline entries (strict parsers before 2026-12-y refuse them). */
export function acceptsSuggestionTimeline(schemaVersion: string | undefined): boolean {
  return schemaVersion !== undefined && schemaVersion >= '2026-12-y';
}

/** Whether a client that sent `schemaVersion` accepts an article's `fieldSuggestions` (strict parsers before 2026-12-x refuse it). */
export function acceptsFieldSuggestions(schemaVersion: string | undefined): boolean {
  return schemaVersion !== undefined && schemaVersion >= '2026-12-x';
}

/** Whether a client that sent `schemaVersion` accepts newsroom dictionary words in a pull. */
export function acceptsDictionaryWords(schemaVersion: string | undefined): boolean {
  return schemaVersion !== undefined && schemaVersion >= '2026-12';
}

export const ERROR_CODES = [
  'invalid_json',
  'invalid_input',
  'payload_too_large',
  'unsupported_media_type',
  'unauthorized',
  'forbidden',
  'not_found',
  'gone',
  'rate_limited',
  'update_required',
  'mutation_gap',
  'client_mismatch',
  'hash_mismatch',
  'blob_missing',
  'conflict',
  'resync_required',
  'unavailable',
  'internal',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  error: z
    .object({
      code: ErrorCode,
      message: z.string(),
      issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
      lastMutationId: z.number().int().optional(),
    })
    .loose(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** A client id: one per profile database (UUID recommended). */
export const ClientId = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, "-" or "_"');

// ---- auth --------------------------------------------------------------------------------------

export const Username = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, ".", "_" and "-"');
export const Password = z.string().min(1).max(1024);
/** The name desks show for a user ("Anna Berg"); '' for none (desks show the user name). */
export const DisplayName = z
  .string()
  .trim()
  .max(100, 'at most 100 characters')
  .regex(/^[^\p{Cc}\p{Cf}]*$/u, 'no tabs, line breaks or other control characters');

export const LoginRequest = z.strictObject({ username: z.string().max(64), password: Password });
export type LoginRequest = z.infer<typeof LoginRequest>;

export const PublicUser = z.strictObject({ id: z.string(), username: z.string(), role: Role });
export type PublicUser = z.infer<typeof PublicUser>;

/**
 * Who is signed in (GET /api/v1/auth/me): with `displayName` ("Anna Berg") when the user has one
 * and the client named schemaVersion 2026-12-w or later; older servers never send it.
 */
export const MeResponse = z.strictObject({
  user: PublicUser.extend({ displayName: z.string().min(1).max(200).optional() }),
});
export type MeResponse = z.infer<typeof MeResponse>;

/** Whose username stands for which display name: every user that has one (any signed-in user may ask). */
export const UserNamesResponse = z.strictObject({
  items: z
    .array(
      z.strictObject({
        username: z.string().min(1).max(100),
        displayName: z.string().min(1).max(200),
      }),
    )
    .max(100_000),
});
export type UserNamesResponse = z.infer<typeof UserNamesResponse>;

export const LoginResponse = z.strictObject({
  token: z.string(),
  expiresAt: Timestamp,
  user: PublicUser,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const AdminUser = PublicUser.extend({ disabled: z.boolean(), createdAt: Timestamp });
export type AdminUser = z.infer<typeof AdminUser>;
export const CreateUserRequest = z.strictObject({
  username: Username,
  password: z.string().min(8, 'at least 8 characters').max(1024),
  role: Role,
});
export const UpdateUserRequest = z
  .strictObject({
    role: Role.optional(),
    disabled: z.boolean().optional(),
    password: z.string().min(8, 'at least 8 characters').max(1024).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'name at least one of role, disabled, password');

// ---- push --------------------------------------------------------------------------------------

export const MAX_PUSH_MUTATIONS = 1000;

export const PushMutation = z.strictObject({
  /** Per-client sequence number: 1, 2, 3, … without gaps. */
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  name: MutationName,
  args: z.unknown(),
  /** Client clock, for display only. */
  clientTime: z.string().max(40).optional(),
});
export type PushMutation = z.infer<typeof PushMutation>;

export const PushRequest = z.strictObject({
  protocolVersion: z.literal(PROTOCOL_VERSION),
  schemaVersion: z.string().max(40).optional(),
  clientId: ClientId,
  mutations: z.array(PushMutation).min(1).max(MAX_PUSH_MUTATIONS),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const MUTATION_STATUSES = [
  'applied',
  'merged',
  'conflict',
  'noop',
  'rejected',
  'duplicate',
] as const;
export const MutationStatus = z.enum(MUTATION_STATUSES);
export type MutationStatus = z.infer<typeof MutationStatus>;

export const ChecklistItemWire = z.strictObject({
  code: z.enum(CHECKLIST_CODES),
  message: z.string(),
  imageId: z.string().optional(),
  blockId: z.string().optional(),
});

export const MutationOutcome = z.strictObject({
  id: z.number().int(),
  status: MutationStatus,
  /** Server conflict record ids (status conflict). */
  conflictIds: z.array(z.string()).optional(),
  /** Machine code and English reason (status rejected). */
  code: z.string().optional(),
  reason: z.string().optional(),
  missing: z.array(ChecklistItemWire).optional(),
});
export type MutationOutcome = z.infer<typeof MutationOutcome>;

export const PushResponse = z.strictObject({
  lastMutationId: z.number().int().nonnegative(),
  outcomes: z.array(MutationOutcome),
});
export type PushResponse = z.infer<typeof PushResponse>;

/** 409 body when mutation ids have a gap: resend from lastMutationId + 1. */
export const GapError = z.object({
  error: z
    .object({
      code: z.literal('mutation_gap'),
      message: z.string(),
      lastMutationId: z.number().int().nonnegative(),
      outcomes: z.array(MutationOutcome),
    })
    .loose(),
});

// ---- pull --------------------------------------------------------------------------------------

export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 500;

const intParam = z
  .string()
  .max(20)
  .regex(/^\d+$/, 'must be a non-negative integer')
  .transform(Number)
  .pipe(z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER));

/** Query string of GET /api/v1/sync/pull (all values arrive as strings). */
export const PullQuery = z.strictObject({
  protocolVersion: z.literal(String(PROTOCOL_VERSION)),
  schemaVersion: z.string().max(40).optional(),
  clientId: ClientId,
  cursor: intParam.default(0),
  limit: intParam.pipe(z.number().min(1).max(MAX_PULL_LIMIT)).default(DEFAULT_PULL_LIMIT),
});
export type PullQuery = z.infer<typeof PullQuery>;

/** Who made a change: the user behind the entity's latest change in the page. */
export const ChangeActor = z.strictObject({ id: z.string(), username: z.string() });
export type ChangeActor = z.infer<typeof ChangeActor>;

const changeBase = {
  seq: z.number().int().positive(),
  id: z.string(),
  version: z.number().int(),
  /**
   * Who made the change (schemaVersion 2025-02 and later; absent from older servers and for
   * older clients): the latest change in the page by another client if there is one, else the
   * latest change. Null when no user made it (e.g. a server job) or the user is gone.
   */
  actor: ChangeActor.nullable().optional(),
};

export const PullChange = z.union([
  z.strictObject({
    ...changeBase,
    entity: z.literal('article'),
    op: z.literal('upsert'),
    data: ArticleState,
  }),
  z.strictObject({
    ...changeBase,
    entity: z.literal('image'),
    op: z.literal('upsert'),
    data: ImageState,
  }),
  z.strictObject({
    ...changeBase,
    entity: z.literal('comment'),
    op: z.literal('upsert'),
    data: CommentState,
  }),
  /** A newsroom dictionary word, added or removed (schemaVersion 2026-12 and later). */
  z.strictObject({
    ...changeBase,
    entity: z.literal('word'),
    op: z.literal('upsert'),
    data: WordState,
  }),
  /** Access lost: drop the server copy, but keep unsynced local edits as a conflict. */
  z.strictObject({
    ...changeBase,
    entity: z.enum(['article', 'image', 'comment']),
    op: z.literal('delete'),
    reason: z.literal('revoked'),
  }),
]);
export type PullChange = z.infer<typeof PullChange>;

export const ConflictRecord = z.strictObject({
  id: z.string(),
  entityType: z.enum(['article', 'image', 'comment', 'word']),
  entityId: z.string(),
  field: z.string(),
  base: z.unknown(),
  theirs: z.unknown(),
  mine: z.unknown(),
  region: ConflictRegion.nullable(),
  mutationId: z.number().int(),
  createdAt: Timestamp,
});
export type ConflictRecord = z.infer<typeof ConflictRecord>;

export const RejectedMutation = z.strictObject({
  mutationId: z.number().int(),
  name: z.string(),
  args: z.unknown(),
  code: z.string(),
  reason: z.string(),
  missing: z.array(ChecklistItemWire).optional(),
  createdAt: Timestamp,
});
export type RejectedMutation = z.infer<typeof RejectedMutation>;

export const PullResponse = z.strictObject({
  changes: z.array(PullChange),
  /** Pass as `cursor` next time. */
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  /**
   * The highest mutation id of this client whose effects are contained in this page or earlier
   * ones: drop outbox rows up to it.
   */
  lastMutationId: z.number().int().nonnegative(),
  /** Conflicts produced by this client's mutations (in this page's range). */
  conflicts: z.array(ConflictRecord),
  /** This client's rejected mutations (in this page's range), with their full payload. */
  rejected: z.array(RejectedMutation),
});
export type PullResponse = z.infer<typeof PullResponse>;

export type SyncEntityType = EntityType;

// ---- published read API ------------------------------------------------------------------------

export const PublishedQuery = z.strictObject({
  section: z.string().max(100).optional(),
  tag: z.string().max(80).optional(),
  offset: intParam.default(0),
  limit: intParam.pipe(z.number().min(1).max(100)).default(20),
});

export const PublishedSummary = z.strictObject({
  slug: z.string(),
  url: z.string(),
  kicker: z.string(),
  headline: z.string(),
  teaser: z.string(),
  section: z.strictObject({ slug: z.string(), name: z.string() }).nullable(),
  tags: z.array(z.string()),
  publishedAt: Timestamp,
  updatedAt: Timestamp.nullable(),
});
export type PublishedSummary = z.infer<typeof PublishedSummary>;

export const PublishedList = z.strictObject({
  items: z.array(PublishedSummary),
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});

export const PublishedArticle = PublishedSummary.extend({
  id: z.string(),
  byline: z.string(),
  bodyHtml: z.string(),
  links: z.array(z.strictObject({ url: z.string(), label: z.string() })),
  leadImage: z
    .strictObject({ url: z.string(), caption: z.string(), credit: z.string(), alt: z.string() })
    .nullable(),
});
export type PublishedArticle = z.infer<typeof PublishedArticle>;
