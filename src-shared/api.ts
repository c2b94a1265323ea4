/**
 * DesktopApi: the one contract between the renderer and the core.
 *
 * Every method has a zod schema for its input and its output, and each end validates what it
 * receives: the core checks every input on arrival; the caller checks every output on arrival
 * (and the input before sending, for a readable error without a round trip). So a bug or a
 * hostile renderer gets a readable error and never reaches the database with bad data.
 */
import { z } from 'zod';
import {
  Article,
  ArticleFieldsPatch,
  ArticleStatus,
  ArticleSummary,
  BodyJson,
  CommentText,
  DictionaryWord,
  Id,
  Image,
  IMAGE_MAX_BYTES,
  ImageMime,
  ImageMetaPatch,
  RenditionSize,
  ReviewNote,
  Revision,
  Section,
  SuggestibleField,
  Tag,
  Timestamp,
} from './model';
import { CHECKLIST_CODES } from './checklist';
import { SafeBodyJson } from './richtext/safeBody';
import { ConflictRegion } from './mutations/types';
import { TimelineEntry } from './timeline';
import { ArticleRecordSuggestionsArgs } from './mutations/suggestionDecision';
import { ArticleReopenFieldSuggestionArgs } from './mutations/fieldSuggestion';
import { PresenceList } from './live';
import { SaveAnswer, type SavedArticle, savedArticleOf } from './saveAnswer';
import { lazySchema } from './lazySchema';

const Empty = lazySchema(() => z.strictObject({}));
const Ok = lazySchema(() => z.strictObject({ ok: z.literal(true) }));

/** The article list's filters (saved views are named sets of them, src-shared/articleViews.ts). */
export const ArticleFilter = lazySchema(() =>
  z.strictObject({
    status: ArticleStatus.optional(),
    section: z.string().max(100).optional(),
    tag: z.string().max(80).optional(),
    /** Written by this user id; `mine` means the signed-in user. */
    authorId: z.string().min(1).max(100).optional(),
    mine: z.boolean().optional(),
    /** Drafts the desk sent back to their author (an open "changes requested" notice). */
    changesRequested: z.boolean().optional(),
    /** Scheduled for publication by the server, the soonest first. */
    scheduled: z.boolean().optional(),
    /** Last changed at or after / before these instants (ISO 8601). */
    updatedFrom: Timestamp.optional(),
    updatedBefore: Timestamp.optional(),
    /** The Trash: only deleted articles, most recently deleted first. */
    deleted: z.boolean().optional(),
    includeDeleted: z.boolean().optional(),
  }),
);
export type ArticleFilter = z.input<typeof ArticleFilter>;

export const ListQuery = lazySchema(() =>
  ArticleFilter.extend({
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  }),
);
export type ListQuery = z.input<typeof ListQuery>;

export const SearchQuery = lazySchema(() =>
  z.strictObject({
    query: z.string().max(500),
    limit: z.number().int().min(1).max(200).default(50),
    filter: ArticleFilter.optional(),
  }),
);

/** Someone whose articles the desk holds, for the author filter. */
export const ArticleAuthor = lazySchema(() =>
  z.strictObject({
    id: z.string(),
    /** The signed-in user's name for their own articles, else the byline of the newest article. */
    name: z.string(),
  }),
);
export type ArticleAuthor = z.infer<typeof ArticleAuthor>;

export const SaveArticleInput = lazySchema(() =>
  z.strictObject({
    id: Id,
    fields: ArticleFieldsPatch.optional(),
    body: SafeBodyJson.optional(),
    /** The revision the editor started from; a save against an older one still succeeds (last write wins locally) but is recorded. */
    baseRevision: z.number().int().nonnegative().optional(),
  }),
);
export type SaveArticleInput = z.input<typeof SaveArticleInput>;

export { SaveAnswer, SaveOutcome, SavedArticle } from './saveAnswer';

export const StoreHealth = lazySchema(() =>
  z.strictObject({
    /** 'recovered': the database was empty or damaged at start, kept aside and started anew. */
    state: z.enum(['unchecked', 'checking', 'ok', 'corrupt', 'recovered']),
    message: z.string().nullable(),
    checkedAt: z.string().nullable(),
  }),
);
export type StoreHealth = z.infer<typeof StoreHealth>;

export const AppInfo = lazySchema(() =>
  z.strictObject({
    version: z.string(),
    profileDir: z.string(),
    databasePath: z.string(),
    host: z.enum(['electron', 'browser', 'cli']),
    schemaVersion: z.number().int(),
    /** The profile's logs/ folder. */
    logFolder: z.string(),
    /** Browser mode started for end-to-end tests (--test-hooks): enables test-only triggers. */
    testHooks: z.boolean().optional(),
  }),
);
export type AppInfo = z.infer<typeof AppInfo>;

/**
 * What "Copy diagnostics" hands to IT: versions, system, sync state and the last logged errors.
 * Never content: no article text, no names of articles, no token.
 */
export const Diagnostics = lazySchema(() =>
  z.strictObject({
    version: z.string(),
    host: z.enum(['electron', 'browser', 'cli']),
    os: z.strictObject({ platform: z.string(), release: z.string(), arch: z.string() }),
    runtime: z.record(z.string(), z.string()),
    schemaVersion: z.number().int(),
    syncSchemaVersion: z.string(),
    protocolVersion: z.number().int(),
    profileDir: z.string(),
    logFolder: z.string(),
    store: z.strictObject({ state: z.string(), checkedAt: z.string().nullable() }),
    sync: z.strictObject({
      state: z.string(),
      signedIn: z.boolean(),
      serverUrl: z.string().nullable(),
      pending: z.number().int(),
      conflicts: z.number().int(),
      lastSyncAt: z.string().nullable(),
    }),
    recentErrors: z.array(
      z.strictObject({
        at: z.string(),
        source: z.string(),
        event: z.string(),
        message: z.string(),
      }),
    ),
  }),
);
export type Diagnostics = z.infer<typeof Diagnostics>;

export const SettingKey = lazySchema(() =>
  z.enum([
    'language',
    'headlineSoftLimit',
    'teaserSoftLimit',
    'personalDictionary',
    'articleSpelling',
    'theme',
  ]),
);
/** The languages the spelling checker ships dictionaries for. */
export const SpellingLanguage = lazySchema(() => z.enum(['de', 'en']));
export type SpellingLanguage = z.infer<typeof SpellingLanguage>;
export const Settings = lazySchema(() =>
  z.strictObject({
    language: z.enum(['system', 'en', 'de']),
    headlineSoftLimit: z.number().int().min(10).max(1000),
    teaserSoftLimit: z.number().int().min(10).max(5000),
    /** Words this desk's user added to the spelling dictionary. */
    personalDictionary: z
      .array(z.string().min(1).max(100).regex(/^\S+$/u, 'one word, no spaces'))
      .max(10_000),
    /** The spelling language chosen per article id; articles not listed are checked in German. */
    articleSpelling: z.record(z.string().min(1).max(100), SpellingLanguage),
    /** Light or dark colours; 'system' follows the operating system (prefers-color-scheme). */
    theme: z.enum(['system', 'light', 'dark']),
    /** The article list's saved view (src-shared/articleViews.ts) shown at start. */
    listView: z.string().min(1).max(40),
    /** Desk chiefs open articles someone else wrote in suggestion mode. */
    suggestOnOthersArticles: z.boolean(),
  }),
);
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = {
  language: 'system',
  headlineSoftLimit: 80,
  teaserSoftLimit: 300,
  personalDictionary: [],
  articleSpelling: {},
  theme: 'system',
  listView: 'all',
  suggestOnOthersArticles: true,
};

/** Base64 of at most IMAGE_MAX_BYTES bytes. */
const IMAGE_BASE64_MAX_LENGTH = Math.ceil(IMAGE_MAX_BYTES / 3) * 4;
export const ImageImportInput = lazySchema(() =>
  z.strictObject({
    fileName: z.string().min(1).max(1000),
    dataBase64: z
      .string()
      .max(IMAGE_BASE64_MAX_LENGTH, 'the file is larger than 50 MB')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
  }),
);
export type ImageImportInput = z.input<typeof ImageImportInput>;

export const ImageListQuery = lazySchema(() =>
  z.strictObject({
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
    /** Only images whose credit ("Bildquelle") is empty. */
    missingCredit: z.boolean().optional(),
    /** Words that must all occur in caption, credit or creator (case and accents ignored). */
    query: z.string().max(200).optional(),
    /** By import date. */
    sort: z.enum(['newest', 'oldest']).default('newest'),
  }),
);
export type ImageListQuery = z.input<typeof ImageListQuery>;

// ---- sync ----

export const SyncLoginInput = lazySchema(() =>
  z.strictObject({
    serverUrl: z
      .string()
      .max(2000)
      .regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL'),
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(1024),
  }),
);

export const SyncStatus = lazySchema(() =>
  z.strictObject({
    state: z.enum(['offline', 'idle', 'syncing', 'error']),
    /** Local changes not yet acknowledged by the server. */
    pending: z.number().int().nonnegative(),
    /** Progress of a running sync (mutations pushed / to push, or changes pulled). */
    done: z.number().int().nonnegative().optional(),
    total: z.number().int().nonnegative().optional(),
    lastSyncAt: z.string().nullable(),
    lastError: z.string().nullable(),
    /** The signed-in user; `displayName` when the server has one for them (else show username). */
    user: z
      .strictObject({
        id: z.string(),
        username: z.string(),
        role: z.string(),
        displayName: z.string().optional(),
      })
      .nullable(),
    serverUrl: z.string().nullable(),
    /**
     * The newsroom's IANA time zone schedules and embargoes are shown and entered in: the server's
     * (GET /api/v1/newsroom, cached on the desk), Europe/Berlin until a server has said.
     */
    timeZone: z.string(),
    /**
     * The last pull stopped because it would delete this many of the local articles (the
     * fail-safe in docs/sync.md); nothing was applied. `sync.confirmMassDelete` lets it proceed.
     */
    massDelete: z
      .strictObject({
        articles: z.number().int().nonnegative(),
        of: z.number().int().nonnegative(),
      })
      .optional(),
  }),
);
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SyncNowInput = lazySchema(() =>
  z.strictObject({
    /** Proceed with a pull that deletes many local articles (after the user confirmed it). */
    allowMassDelete: z.boolean().optional(),
  }),
);

/** A conflict or rejected change the user decides on ("keep mine" / "keep theirs"). */
export const SyncConflict = lazySchema(() =>
  z.strictObject({
    id: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    kind: z.enum(['field', 'body', 'rejected', 'revoked']),
    /** Field name, "body", or the mutation name for a rejection. */
    field: z.string(),
    base: z.unknown(),
    mine: z.unknown(),
    theirs: z.unknown(),
    region: ConflictRegion.nullable(),
    code: z.string().nullable(),
    reason: z.string().nullable(),
    createdAt: z.string(),
  }),
);
export type SyncConflict = z.infer<typeof SyncConflict>;

/** A conflict as the desk lists it. */
export const ListedConflict = lazySchema(() =>
  SyncConflict.extend({
    /**
     * A refused change the signed-in user may not edit now (the server's rule): keeping it
     * would be refused again, so the desk does not offer it until they may.
     */
    resendRefused: z.boolean(),
    /** What it is about: the article's headline or the image's file name; null when the
     * entity is not stored on this desk (any more) or the article has no headline yet. */
    subject: z.string().nullable(),
  }),
);
export type ListedConflict = z.infer<typeof ListedConflict>;

// ---- review ----

/** An article waiting for a desk chief, with what its checklist still misses. */
export const ReviewQueueItem = lazySchema(() =>
  ArticleSummary.extend({
    byline: z.string(),
    authorId: z.string().nullable(),
    /**
     * Who submitted it, by display name (else user name), as the server's review trail says;
     * offline the signed-in user's name when they wrote it, else the byline.
     */
    author: z.string(),
    /** When it was last submitted (server time), or null when the server could not say. */
    submittedAt: z.string().nullable(),
    missing: z.array(z.strictObject({ code: z.enum(CHECKLIST_CODES), message: z.string() })),
  }),
);
export type ReviewQueueItem = z.infer<typeof ReviewQueueItem>;

export const ArticleTimeline = lazySchema(() =>
  z.strictObject({
    items: z.array(TimelineEntry),
    /** server: the server's history plus local pending steps; local: pending steps only. */
    source: z.enum(['server', 'local']),
    /** Why the server's history is missing (offline, not signed in), if it is. */
    message: z.string().nullable(),
  }),
);
export type ArticleTimeline = z.infer<typeof ArticleTimeline>;

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

// ---- comments ----

/** A review comment on an article, optionally anchored to a body block. */
export const ReviewComment = lazySchema(() =>
  z.strictObject({
    id: Id,
    articleId: Id,
    authorId: z.string().nullable(),
    blockId: z.string().nullable(),
    text: z.string(),
    /** Server time once synced; until then the local time it was written. */
    createdAt: z.string(),
    /** Written here and not yet confirmed by the server. */
    pending: z.boolean(),
  }),
);
export type ReviewComment = z.infer<typeof ReviewComment>;

export const NOTICE_KINDS = ['changes_requested', 'approved', 'published'] as const;
export const NoticeKind = lazySchema(() => z.enum(NOTICE_KINDS));
export type NoticeKind = z.infer<typeof NoticeKind>;

/** What a sync told the signed-in author about an article they wrote. */
export const Notice = lazySchema(() =>
  z.strictObject({
    id: z.string().max(200),
    kind: NoticeKind,
    articleId: Id,
    headline: z.string(),
    /** Who made the change (user name), when the server's timeline told. */
    by: z.string().optional(),
    /** The note that came with it (the reason for requested changes). */
    comment: z.string().optional(),
    createdAt: z.string(),
  }),
);
export type Notice = z.infer<typeof Notice>;

const commentMethods = {
  'comments.list': () =>
    method(z.strictObject({ articleId: Id }), z.strictObject({ items: z.array(ReviewComment) })),
  'comments.add': () =>
    method(
      z.strictObject({
        articleId: Id,
        text: CommentText,
        blockId: z.string().min(1).max(100).optional(),
      }),
      ReviewComment,
    ),
  'notices.list': () => method(Empty, z.strictObject({ items: z.array(Notice) })),
  'notices.dismiss': () => method(z.strictObject({ id: z.string().min(1).max(200) }), Ok),
};

// ---- field suggestions (suggestion mode) ----

const fieldSuggestionMethods = {
  /**
   * Records the signed-in user's suggested value of the kicker, headline or teaser (limits as the
   * field's); the field's own value withdraws it. Queued like any change; works offline.
   */
  'articles.suggestField': () =>
    method(z.strictObject({ id: Id, field: SuggestibleField, value: z.string() }), Article),
  /** Accepts (the field takes the suggested value) or rejects one open field suggestion. */
  'articles.resolveFieldSuggestion': () =>
    method(
      z.strictObject({ id: Id, suggestionId: Id, action: z.enum(['accept', 'reject']) }),
      Article,
    ),
  /**
   * Undoes an accept or reject: the suggestion is open again and an accepted field takes back
   * `previous`; refused (nothing changes) once the field has moved on.
   */
  'articles.reopenFieldSuggestion': () => method(ArticleReopenFieldSuggestionArgs, Article),
};

// ---- newsroom dictionary ----

/** A word of the newsroom dictionary as this desk knows it. */
export const NewsroomWord = lazySchema(() =>
  z.strictObject({
    word: DictionaryWord,
    /** Who added it (user id); null when added here before signing in. */
    addedBy: z.string().nullable(),
    addedAt: z.string(),
    /** Added here and not yet confirmed by the server. */
    pending: z.boolean(),
  }),
);
export type NewsroomWord = z.infer<typeof NewsroomWord>;

const dictionaryMethods = {
  /** The words every desk's spelling checker accepts, in alphabetical order. */
  'dictionary.list': () => method(Empty, z.strictObject({ items: z.array(NewsroomWord) })),
  /** Adds a word for everyone (queued; works offline). */
  'dictionary.add': () => method(z.strictObject({ word: DictionaryWord }), NewsroomWord),
  /** Removes a word for everyone (desk chiefs only). */
  'dictionary.remove': () => method(z.strictObject({ word: DictionaryWord }), Ok),
};

/**
 * Each method's schemas, made when the method is first called (building all of them when the
 * module loads cost the renderer's start ~10 ms under load; docs/performance.md).
 */
const desktopApiSchemas = {
  'app.info': () => method(Empty, AppInfo),
  'app.diagnostics': () => method(Empty, Diagnostics),
  /** Opens the log folder in the system's file manager where the host can; else says where it is. */
  'app.openLogFolder': () =>
    method(Empty, z.strictObject({ opened: z.boolean(), path: z.string() })),
  /** A view crashed in the window: its error goes into the desk log (stack, no content). */
  'app.reportError': () =>
    method(
      z.strictObject({
        view: z.string().min(1).max(40),
        message: z.string().max(1000),
        stack: z.string().max(8000).optional(),
      }),
      Ok,
    ),
  'store.health': () => method(Empty, StoreHealth),
  'settings.get': () => method(Empty, Settings),
  'settings.update': () => method(Settings.partial().strict(), Settings),

  'articles.list': () =>
    method(ListQuery, z.strictObject({ items: z.array(ArticleSummary), total: z.number().int() })),
  'articles.search': () => method(SearchQuery, z.strictObject({ items: z.array(ArticleSummary) })),
  'articles.authors': () => method(Empty, z.strictObject({ items: z.array(ArticleAuthor) })),
  'articles.get': () => method(z.strictObject({ id: Id }), Article),
  'articles.create': () =>
    method(
      z.strictObject({
        id: Id.optional(),
        fields: ArticleFieldsPatch.optional(),
        body: SafeBodyJson.optional(),
      }),
      Article,
    ),
  'articles.save': () => method(SaveArticleInput, SaveAnswer),
  'articles.delete': () => method(z.strictObject({ id: Id }), Ok),
  /** Moves the article to the trash only if it is a blank draft (src-shared/blankDraft.ts). */
  'articles.dropIfBlank': () =>
    method(z.strictObject({ id: Id }), z.strictObject({ dropped: z.boolean() })),
  'articles.restore': () => method(z.strictObject({ id: Id }), Article),

  'revisions.list': () =>
    method(z.strictObject({ articleId: Id }), z.strictObject({ items: z.array(Revision) })),
  'revisions.get': () =>
    method(
      z.strictObject({ id: Id }),
      Revision.extend({ body: BodyJson, fields: z.record(z.string(), z.unknown()) }),
    ),
  'revisions.restore': () => method(z.strictObject({ id: Id }), Article),

  'sections.list': () => method(Empty, z.strictObject({ items: z.array(Section) })),
  'tags.list': () =>
    method(
      z.strictObject({
        prefix: z.string().max(80).optional(),
        limit: z.number().int().min(1).max(200).default(20),
      }),
      z.strictObject({ items: z.array(Tag) }),
    ),

  // ---- images ----
  'images.import': () => method(ImageImportInput, Image.extend({ existing: z.boolean() })),
  'images.get': () => method(z.strictObject({ id: Id }), Image),
  'images.list': () =>
    method(ImageListQuery, z.strictObject({ items: z.array(Image), total: z.number().int() })),
  'images.setMeta': () => method(z.strictObject({ id: Id, meta: ImageMetaPatch }), Image),
  'images.rendition': () =>
    method(
      z.strictObject({ id: Id, size: RenditionSize }),
      z.strictObject({ mime: ImageMime, dataBase64: z.string() }),
    ),

  // ---- sync ----
  'sync.login': () => method(SyncLoginInput, SyncStatus),
  'sync.logout': () => method(Empty, Ok),
  'sync.status': () => method(Empty, SyncStatus),
  /** The newsroom's display names by username, as last synced ({} before any server answered). */
  'users.names': () => method(Empty, z.strictObject({ names: z.record(z.string(), z.string()) })),
  'sync.now': () => method(SyncNowInput, SyncStatus),
  /** The user confirmed the deletions a stopped pull announced: sync now and apply them. */
  'sync.confirmMassDelete': () => method(Empty, SyncStatus),
  'sync.conflicts': () =>
    method(
      z.strictObject({ entityId: Id.optional() }),
      z.strictObject({ items: z.array(ListedConflict) }),
    ),
  'sync.resolveConflict': () =>
    method(
      z.strictObject({ id: z.string().min(1).max(100), keep: z.enum(['mine', 'theirs']) }),
      Ok,
    ),
  // ---- presence: who else has an article open (a hint, never a lock) ----
  /** The article open in this window now (null: none), shared with the desks that may read it. */
  'presence.open': () => method(z.strictObject({ articleId: Id.nullable() }), Ok),
  'presence.list': () => method(Empty, z.strictObject({ articles: PresenceList })),
  'articles.transition': () =>
    method(z.strictObject({ id: Id, to: ArticleStatus, comment: ReviewNote.optional() }), Article),
  /**
   * Schedules an approved article for publication by the server at `at` (any offset; stored in
   * UTC), or with null takes the schedule back. Desk chiefs; refused: not approved, in the past,
   * before the embargo.
   */
  'articles.schedule': () => method(z.strictObject({ id: Id, at: Timestamp.nullable() }), Article),
  /** Sets the embargo (null clears it): the server refuses to publish before it. */
  'articles.setEmbargo': () =>
    method(z.strictObject({ id: Id, until: Timestamp.nullable() }), Article),
  // ---- review ----
  'articles.reviewQueue': () =>
    method(
      z.strictObject({ limit: z.number().int().min(1).max(500).default(200) }),
      z.strictObject({ items: z.array(ReviewQueueItem), total: z.number().int() }),
    ),
  'articles.timeline': () => method(z.strictObject({ id: Id }), ArticleTimeline),
  /** Records an accept or reject of body suggestions for the timeline (queued like any change). */
  'articles.recordSuggestions': () => method(ArticleRecordSuggestionsArgs, z.strictObject({})),
  ...commentMethods,
  ...dictionaryMethods,
  ...fieldSuggestionMethods,
} as const;

export type DesktopApiSpec = {
  [M in keyof typeof desktopApiSchemas]: ReturnType<(typeof desktopApiSchemas)[M]>;
};
export type MethodName = keyof DesktopApiSpec;
export type MethodInput<M extends MethodName> = z.input<DesktopApiSpec[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<DesktopApiSpec[M]['output']>;
export const METHOD_NAMES = Object.keys(desktopApiSchemas) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(desktopApiSchemas, name);
}

const builtSchemas = new Map<MethodName, { input: z.ZodType; output: z.ZodType }>();

/** The input and output schemas of a method (built on its first call). */
export function methodSchemas<M extends MethodName>(method: M): DesktopApiSpec[M] {
  let schemas = builtSchemas.get(method);
  if (!schemas) {
    schemas = desktopApiSchemas[method]();
    builtSchemas.set(method, schemas);
  }
  return schemas as DesktopApiSpec[M];
}

/** What a caller gets: the output, but a whole SavedArticle for a save (the client restores the body). */
export type ClientOutput<M extends MethodName> = M extends 'articles.save'
  ? SavedArticle
  : MethodOutput<M>;

/** The typed client view of the API: one async function per method. */
export type DesktopApi = { [M in MethodName]: (input: MethodInput<M>) => Promise<ClientOutput<M>> };

// ---- errors -------------------------------------------------------------------------------

export const API_ERROR_CODES = [
  'invalid_input',
  'invalid_output',
  'unknown_method',
  'not_found',
  'conflict',
  'store_corrupt',
  'unauthorized',
  'transport',
  'internal',
] as const;
export const ApiErrorCode = lazySchema(() => z.enum(API_ERROR_CODES));
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export const ApiErrorShape = lazySchema(() =>
  z.strictObject({
    code: ApiErrorCode,
    /** English, for logs and developers; the renderer shows text translated from the codes. */
    message: z.string(),
    issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
    /** The server's machine code when the server refused the step (forbidden, checklist, …). */
    serverCode: z.string().max(100).optional(),
  }),
);
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: { path: string; message: string }[] | undefined;
  readonly serverCode: string | undefined;
  constructor(
    code: ApiErrorCode,
    message: string,
    issues?: { path: string; message: string }[],
    serverCode?: string,
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
    this.serverCode = serverCode;
  }
  toJSON(): ApiErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.serverCode ? { serverCode: this.serverCode } : {}),
    };
  }
  static from(shape: ApiErrorShape): ApiError {
    return new ApiError(shape.code, shape.message, shape.issues, shape.serverCode);
  }
}

/** Turns a zod failure into an ApiError whose message a person can read. */
export function zodToApiError(code: ApiErrorCode, where: string, error: z.ZodError): ApiError {
  const issues = error.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(input)',
    message: i.message,
  }));
  const summary = issues
    .slice(0, 3)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ');
  return new ApiError(
    code,
    `${where}: ${summary}${issues.length > 3 ? ` (+${issues.length - 3} more)` : ''}`,
    issues,
  );
}

export function parseInput<M extends MethodName>(
  method: M,
  input: unknown,
): z.output<DesktopApiSpec[M]['input']> {
  const r = methodSchemas(method).input.safeParse(input ?? {});
  if (!r.success) throw zodToApiError('invalid_input', `Invalid input for ${method}`, r.error);
  return r.data as z.output<DesktopApiSpec[M]['input']>;
}

export function parseOutput<M extends MethodName>(method: M, output: unknown): MethodOutput<M> {
  const r = methodSchemas(method).output.safeParse(output);
  if (!r.success) throw zodToApiError('invalid_output', `Invalid output from ${method}`, r.error);
  return r.data as MethodOutput<M>;
}

/** The envelope every transport carries back: a value or an error, never a thrown exception. */
export const CallResult = lazySchema(() =>
  z.union([
    z.strictObject({ ok: z.literal(true), value: z.unknown() }),
    z.strictObject({ ok: z.literal(false), error: ApiErrorShape }),
  ]),
);
export type CallResult = z.infer<typeof CallResult>;

export const CallRequest = lazySchema(() =>
  z.strictObject({ method: z.string().max(100), input: z.unknown() }),
);
export type CallRequest = z.infer<typeof CallRequest>;

// ---- change events --------------------------------------------------------------------------

/**
 * Where a change came from: `local` — a DesktopApi call on this desk (any window of the
 * profile); `sync` — the sync engine, settling this desk's own changes (acknowledged, rebased,
 * refused, a conflict recorded, a file downloaded); `remote` — a pull brought another person's
 * change.
 */
export const ChangeOrigin = lazySchema(() => z.enum(['local', 'sync', 'remote']));
export type ChangeOrigin = z.infer<typeof ChangeOrigin>;

export const CoreEvent = lazySchema(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('article.created'), id: Id, origin: ChangeOrigin }),
    z.strictObject({
      type: z.literal('article.updated'),
      id: Id,
      origin: ChangeOrigin,
      /** The article's local revision after the change, when known. */
      revision: z.number().int().nonnegative().optional(),
      /** Only fields or body changed (a save): status, schedule and embargo are as they were. */
      contentOnly: z.literal(true).optional(),
    }),
    z.strictObject({ type: z.literal('article.deleted'), id: Id, origin: ChangeOrigin }),
    z.strictObject({ type: z.literal('article.restored'), id: Id, origin: ChangeOrigin }),
    z.strictObject({ type: z.literal('store.health'), health: StoreHealth }),
    z.strictObject({ type: z.literal('settings.updated') }),
    z.strictObject({ type: z.literal('image.created'), id: Id, origin: ChangeOrigin }),
    z.strictObject({ type: z.literal('image.updated'), id: Id, origin: ChangeOrigin }),
    // ---- sync ----
    z.strictObject({ type: z.literal('sync.status'), status: SyncStatus }),
    /** The newsroom's display names changed (ask `users.names`). */
    z.strictObject({ type: z.literal('users.names') }),
    // ---- comments ----
    z.strictObject({ type: z.literal('comments.updated'), articleId: Id, origin: ChangeOrigin }),
    z.strictObject({ type: z.literal('notice'), ...Notice.shape }),
    // ---- newsroom dictionary ----
    z.strictObject({ type: z.literal('dictionary.updated'), origin: ChangeOrigin }),
    // ---- window commands from the application menu (Electron main, not the core) ----
    z.strictObject({ type: z.literal('app.command'), command: z.enum(['shortcuts', 'about']) }),
    // ---- presence ----
    z.strictObject({ type: z.literal('presence.changed'), articles: PresenceList }),
  ]),
);
export type CoreEvent = z.infer<typeof CoreEvent>;

/** What a host (Electron preload, browser transport, CLI) must offer the renderer. */
export interface DesktopTransport {
  call(method: MethodName, input: unknown): Promise<CallResult>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
}

function restoreSentBody(answer: SaveAnswer, input: unknown): SavedArticle {
  const saved = savedArticleOf(answer, input as { body?: BodyJson });
  if (!saved) {
    throw new ApiError('invalid_output', 'articles.save left out a body that was not sent');
  }
  return saved;
}

/** Builds the typed DesktopApi over any transport, validating both directions. */
export function createDesktopApi(transport: DesktopTransport): DesktopApi {
  const api = {} as Record<MethodName, (input: unknown) => Promise<unknown>>;
  for (const m of METHOD_NAMES) {
    api[m] = async (input: unknown) => {
      const parsed = parseInput(m, input);
      let result: CallResult;
      try {
        result = CallResult.parse(await transport.call(m, parsed));
      } catch (e) {
        if (e instanceof ApiError) throw e;
        throw new ApiError(
          'transport',
          `Could not reach the Copydesk core: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
      if (!result.ok) throw ApiError.from(result.error);
      const value = parseOutput(m, result.value);
      return m === 'articles.save' ? restoreSentBody(value as SaveAnswer, parsed) : value;
    };
  }
  return api as unknown as DesktopApi;
}
