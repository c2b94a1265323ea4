/**
 * Entity states and the mutation contract shared by the server and the desktop core.
 *
 * A mutation is a named intent with zod-validated args and three pure parts:
 * - `authorize(state, args, actor, ctx)`: may this user do it? (roles, ownership)
 * - `apply(state, args, ctx)`: the state transition with its invariants: given the current state
 *   of its entity (or null), the new state plus what changed and any conflicts, or a permanent
 *   failure with a machine code and an English reason;
 * - `serverCheck(state, args, ctx)` (optional): preconditions the server alone judges.
 * The server runs all three (`runMutation`, inside a transaction, with ctx.version = the new
 * change seq); a client rebasing its pending outbox on fresh server data runs them too. A desk's
 * own local write runs `apply` alone (src-main/core/store/local-writer.ts): the desk may not be
 * signed in, and the server decides who may do what when the mutation is pushed.
 */
import { z } from 'zod';
import {
  Article,
  BodyJson,
  DictionaryWord,
  Id,
  ImageFileName,
  ImageMeta,
  ImageMime,
  Sha256Hex,
  Timestamp,
} from '../model';
import type { ChecklistItem } from '../checklist';
import type { Actor, TransitionName } from '../workflow';
import { lazySchema } from '../lazySchema';

export const ENTITY_TYPES = ['article', 'image', 'comment', 'word'] as const;
export const EntityType = lazySchema(() => z.enum(ENTITY_TYPES));
export type EntityType = z.infer<typeof EntityType>;

export const FieldVersions = lazySchema(() => z.record(z.string(), z.number().int().nonnegative()));

/** An article as the server stores it and a pull delivers it (who changed it is in the pull's `actor`). */
export const ArticleState = lazySchema(() =>
  Article.omit({ updatedBy: true }).extend({
    /** Change seq of the article's last change. Send it back as baseVersion. */
    version: z.number().int().nonnegative(),
    /** Change seq of the last body change. Send it back as baseBodyVersion. */
    bodyVersion: z.number().int().nonnegative(),
    /** Change seq at which each field last changed (for the field merge). */
    fieldVersions: FieldVersions,
    /** Last correction (republication) time; shown as "aktualisiert". */
    correctedAt: Timestamp.nullable(),
    /** The server holds unresolved conflict records for this article. */
    hasConflict: z.boolean(),
    /** Who scheduled the publication (user id; the scheduler publishes on their behalf). */
    scheduledBy: z.string().nullable().optional(),
  }),
);
export type ArticleState = z.infer<typeof ArticleState>;
export { ARTICLE_FIELD_NAMES, type ArticleFieldName } from '../model';

export { IMAGE_MIMES as IMAGE_MIME_TYPES, ImageMime, Sha256Hex } from '../model';

/** The editable metadata of an image ("Bildquelle" = credit): the model's, plus the file name. */
export const ImageMetaFields = lazySchema(() => ImageMeta.extend({ fileName: ImageFileName }));
export type ImageMetaFields = z.infer<typeof ImageMetaFields>;
export type ImageFieldName = keyof ImageMetaFields;
export const ImageMetaPatch = lazySchema(() => ImageMetaFields.partial());
export type ImageMetaPatch = z.infer<typeof ImageMetaPatch>;

export function emptyImageMeta(): ImageMetaFields {
  return {
    fileName: '',
    credit: '',
    creator: '',
    copyright: '',
    source: '',
    licence: '',
    licenceExpires: null,
    caption: '',
    headline: '',
    alt: '',
    extendedDescription: '',
  };
}

export const ImageState = lazySchema(() =>
  ImageMetaFields.extend({
    id: Id,
    sha256: Sha256Hex,
    mime: ImageMime,
    width: z.number().int().nonnegative(),
    height: z.number().int().nonnegative(),
    createdBy: z.string().nullable(),
    version: z.number().int().nonnegative(),
    fieldVersions: FieldVersions,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  }),
);
export type ImageState = z.infer<typeof ImageState>;

export const CommentState = lazySchema(() =>
  z.strictObject({
    id: Id,
    articleId: Id,
    /** Null only on a desk, for a comment written before anyone signed in (not yet pushed). */
    authorId: z.string().nullable(),
    blockId: z.string().nullable(),
    text: z.string(),
    createdAt: Timestamp,
    version: z.number().int().nonnegative(),
  }),
);
export type CommentState = z.infer<typeof CommentState>;

/** A word of the newsroom dictionary, keyed by the word itself; removed words stay as tombstones. */
export const WordState = lazySchema(() =>
  z.strictObject({
    word: DictionaryWord,
    /** Null on a desk where nobody was signed in when the word was added. */
    addedBy: z.string().nullable(),
    addedAt: Timestamp,
    removed: z.boolean(),
    version: z.number().int().nonnegative(),
  }),
);
export type WordState = z.infer<typeof WordState>;

export interface EntityStates {
  article: ArticleState;
  image: ImageState;
  comment: CommentState;
  word: WordState;
}

/** Where a body conflict sits: its kind, the blocks involved and which side the merged body kept. */
export const ConflictRegion = lazySchema(() =>
  z.strictObject({
    kind: z.string(),
    blockIds: z.array(z.string()),
    kept: z.enum(['mine', 'theirs']),
  }),
);
export type ConflictRegion = z.infer<typeof ConflictRegion>;

/** A losing value the server keeps as a conflict record (both versions). */
export interface ConflictDraft {
  entityType: EntityType;
  entityId: string;
  /** The field name, or "body" for a body region. */
  field: string;
  base: unknown;
  theirs: unknown;
  mine: unknown;
  /** For body regions: kind, block ids and which side the merged body kept. */
  region?: ConflictRegion;
}

/** What `apply` may look at; the server loads the lookups (see `prefetch`) before calling it. */
export interface ApplyContext {
  /**
   * Who an entity this mutation creates is recorded as created by: the acting user; on a desk's
   * local write, the signed-in user or null (nobody signed in yet).
   */
  authorId: string | null;
  /** Server clock (ISO). On a client: local time, for display only. */
  now: string;
  /** The version (change seq) this mutation's changes get. */
  version: number;
  getImage(id: string): ImageState | undefined;
  getArticle(id: string): ArticleState | undefined;
  userExists(id: string): boolean;
  /** The article body as it was at `bodyVersion` (the merge base), if still known. */
  baseBody(articleId: string, bodyVersion: number): BodyJson | undefined;
  /** The article's latest stored bodies, where prefetched (`recentBodies`); else none. */
  recentBodies?(articleId: string): readonly unknown[];
}

/** What the server (and a client's rebase) runs a mutation with: the acting user is known. */
export interface MutationContext extends Omit<ApplyContext, 'authorId'> {
  actor: Actor;
}

/** A refusal for want of permission (null: permitted). */
export type Authorization = ApplyFail | null;

/** What apply will look up, so an async store can load it first. */
export interface Prefetch {
  imageIds?: string[];
  articleIds?: string[];
  userIds?: string[];
  baseBody?: { articleId: string; bodyVersion: number };
  /** The article's latest stored bodies (newest first, at most `limit`). */
  recentBodies?: { articleId: string; limit: number };
}

export type Outcome = 'applied' | 'merged' | 'conflict' | 'noop';

export interface ApplyOk<S> {
  ok: true;
  outcome: Outcome;
  state: S;
  /** Fields that changed ("*" for a creation, "body" for the body). */
  changed: string[];
  conflicts: ConflictDraft[];
  /** The body was (over)written: the server stores a revision of the new body. */
  bodyWritten: boolean;
  /** The workflow transition performed, if any (the server publishes on publish/correct). */
  transition?: TransitionName;
  /** The comment a transition carried (review note), if any. */
  comment?: string;
  /** An audit event the server records with the change (written even for a noop). */
  audit?: { action: string; detail: Record<string, unknown> };
}

export interface ApplyFail {
  ok: false;
  code: string;
  reason: string;
  /** For checklist failures: what is missing. */
  missing?: ChecklistItem[];
}

export type ApplyResult<S> = ApplyOk<S> | ApplyFail;

export interface MutationDef<A, S> {
  name: string;
  entity: EntityType;
  args: z.ZodType<A>;
  /** One sentence for docs and error messages. */
  description: string;
  entityId(args: A): string;
  /** True when this mutation (with these args) needs the server: do not queue it offline. */
  serverOnly(args: A): boolean;
  /** `actor`: the pushing user, where known (the server). */
  prefetch(args: A, state: S | null, actor?: Actor): Prefetch;
  /** Permission only (roles, ownership). Runs before apply, never on a desk's local write. */
  authorize(state: S | null, args: A, actor: Actor, ctx: ApplyContext): Authorization;
  /** The state transition and its invariants; pure, and the same on the server and the desk. */
  apply(state: S | null, args: A, ctx: ApplyContext): ApplyResult<S>;
  /**
   * Preconditions only the server judges (after apply succeeded, on the state before it); a
   * desk queues the mutation without them and learns the verdict from the push.
   */
  serverCheck?(state: S | null, args: A, ctx: ApplyContext): Authorization;
}

/** No permission check: anyone signed in may do it. */
export const anyone = (): Authorization => null;

/** A workflow decision as an authorization. */
export function allowedIf(
  d: { ok: true } | { ok: false; code: string; reason: string },
): Authorization {
  return d.ok ? null : fail(d.code, d.reason);
}

export function fail(code: string, reason: string, missing?: ChecklistItem[]): ApplyFail {
  return missing ? { ok: false, code, reason, missing } : { ok: false, code, reason };
}

export function noop<S>(state: S): ApplyOk<S> {
  return { ok: true, outcome: 'noop', state, changed: [], conflicts: [], bodyWritten: false };
}

/** A body as a mutation may carry it (see src-shared/richtext/safeBody.ts). */
export { SafeBodyJson } from '../richtext/safeBody';

/** The article with the given changes to its fields: version, time and revision move. */
export function changedState(
  state: ArticleState,
  ctx: ApplyContext,
  patch: Partial<ArticleState>,
  changed: string[],
): ApplyResult<ArticleState> {
  const fieldVersions = { ...state.fieldVersions };
  for (const f of changed) fieldVersions[f] = ctx.version;
  return {
    ok: true,
    outcome: 'applied',
    state: {
      ...state,
      ...patch,
      fieldVersions,
      version: ctx.version,
      updatedAt: ctx.now,
      revision: state.revision + 1,
    },
    changed,
    conflicts: [],
    bodyWritten: false,
  };
}
