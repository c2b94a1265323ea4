/**
 * Article mutations. Names and argument shapes are API: never change them, add a `…V2` instead.
 */
import { z } from 'zod';
import {
  ArticleFields,
  ArticleFieldsPatch,
  ArticleStatus,
  Id,
  TagName,
  emptyBody,
  emptyFields,
  pickArticleFields,
  ReviewNote,
} from '../model';
import { checkArticle, inlineImagesOf } from '../checklist';
import { mergeBodies, mergeFields, jsonEqual, type FieldPolicy } from '../merge';
import {
  findTransition,
  mayAssign,
  mayDeleteArticle,
  mayEditArticle,
  mayTransition,
} from '../workflow';
import type { Actor } from '../workflow';
import { embargoRefusal } from './schedule';
import { deletedRefusal, notFound } from './articleRefusals';
import { foreignNewSuggestionAuthors } from '../richtext/suggestionAuthors';
import {
  SafeBodyJson,
  allowedIf,
  fail,
  noop,
  type ApplyContext,
  type ApplyResult,
  type Authorization,
  type ArticleFieldName,
  type ArticleState,
  type ConflictDraft,
  type MutationDef,
} from './types';
import { lazySchema } from '../lazySchema';

export const ARTICLE_FIELD_POLICY: Record<ArticleFieldName, FieldPolicy> = {
  kicker: 'editorial',
  headline: 'editorial',
  teaser: 'editorial',
  byline: 'editorial',
  section: 'editorial',
  tags: 'set',
  links: 'editorial',
  leadImage: 'editorial',
  slug: 'editorial',
  metaDescription: 'editorial',
  socialImageId: 'editorial',
};

/** Stamps a changed article with the new version, time and revision number. */
function touched(state: ArticleState, ctx: ApplyContext, fields: string[]): ArticleState {
  const fieldVersions = { ...state.fieldVersions };
  for (const f of fields) if (f !== 'body' && f !== '*') fieldVersions[f] = ctx.version;
  return {
    ...state,
    fieldVersions,
    version: ctx.version,
    updatedAt: ctx.now,
    revision: state.revision + 1,
  };
}

/** Who may change fields, body or tags (checked on the server before apply). */
const mayEdit = (state: ArticleState | null, _args: unknown, actor: Actor) =>
  state ? allowedIf(mayEditArticle(state, actor)) : null;

/**
 * How many of an article's latest stored bodies count as known for suggestion marks: an undo of
 * an accept or reject (Ctrl+Z) brings back marks that a few stored bodies ago were there.
 */
const RECENT_BODIES_KNOWN = 20;

/**
 * A body may bring new suggestion marks only in the pushing user's name (where the caller knows
 * it: the server does); marks already in `known` (the stored body, the merge base) pass.
 */
function ownSuggestionsOnly(body: unknown, known: readonly unknown[], actor: Actor): Authorization {
  if (actor.username === undefined) return null;
  const others = foreignNewSuggestionAuthors(body, known, actor.username);
  if (others.length === 0) return null;
  return fail(
    'forbidden',
    `A suggestion must carry the name of the user who makes it; this body brings new suggestions in the name of ${others.join(', ')}.`,
  );
}

// ---- article.create --------------------------------------------------------------------------

export const ArticleCreateArgs = lazySchema(() =>
  z.strictObject({
    id: Id,
    fields: ArticleFieldsPatch.default({}),
    body: SafeBodyJson.optional(),
  }),
);
export type ArticleCreateArgs = z.infer<typeof ArticleCreateArgs>;

export const articleCreate: MutationDef<ArticleCreateArgs, ArticleState> = {
  name: 'article.create',
  entity: 'article',
  args: ArticleCreateArgs,
  description: 'Creates a draft article written by the acting user (idempotent by id).',
  entityId: (a) => a.id,
  serverOnly: () => false,
  prefetch: () => ({}),
  authorize: (state, args, actor) =>
    ownSuggestionsOnly(args.body, state ? [state.body] : [], actor),
  apply(state, args, ctx) {
    if (state) {
      return state.authorId === ctx.authorId
        ? noop(state)
        : fail('exists', 'An article with this id already exists.');
    }
    const fields: ArticleFields = { ...emptyFields(), ...args.fields };
    const fieldVersions: Record<string, number> = {};
    for (const f of Object.keys(fields)) fieldVersions[f] = ctx.version;
    return {
      ok: true,
      outcome: 'applied',
      state: {
        ...fields,
        id: args.id,
        body: args.body ?? emptyBody(),
        status: 'draft',
        authorId: ctx.authorId,
        assigneeId: null,
        revision: 1,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        publishedAt: null,
        deletedAt: null,
        correctedAt: null,
        hasConflict: false,
        version: ctx.version,
        bodyVersion: ctx.version,
        fieldVersions,
      },
      changed: ['*'],
      conflicts: [],
      bodyWritten: true,
    };
  },
};

// ---- article.setFields -----------------------------------------------------------------------

export const ArticleSetFieldsArgs = lazySchema(() =>
  z.strictObject({
    id: Id,
    /** The article version the client edited from. */
    baseVersion: z.number().int().nonnegative(),
    values: ArticleFieldsPatch.refine(
      (v) => Object.keys(v).length > 0,
      'values must name at least one field',
    ),
    /** The values the client saw before editing (merge base); at least the fields in `values`. */
    baseValues: ArticleFieldsPatch.default({}),
  }),
);
export type ArticleSetFieldsArgs = z.infer<typeof ArticleSetFieldsArgs>;

export const articleSetFields: MutationDef<ArticleSetFieldsArgs, ArticleState> = {
  name: 'article.setFields',
  entity: 'article',
  args: ArticleSetFieldsArgs,
  description: 'Changes metadata fields; merged field by field against baseVersion (docs/sync.md).',
  entityId: (a) => a.id,
  serverOnly: () => false,
  prefetch: () => ({}),
  authorize: mayEdit,
  apply(state, args, ctx) {
    if (!state) return notFound(args.id);
    const deleted = deletedRefusal(state);
    if (deleted) return deleted;
    const current: ArticleFields = ArticleFields.parse(pickArticleFields(state));
    const { patch, conflicts } = mergeFields<ArticleFields>({
      current,
      fieldVersions: state.fieldVersions,
      baseVersion: args.baseVersion,
      values: args.values,
      baseValues: args.baseValues,
      policy: ARTICLE_FIELD_POLICY,
    });
    const changed = Object.keys(patch);
    const drafts: ConflictDraft[] = conflicts.map((c) => ({
      entityType: 'article',
      entityId: state.id,
      field: c.field,
      base: c.base,
      theirs: c.theirs,
      mine: c.mine,
    }));
    if (changed.length === 0 && drafts.length === 0) return noop(state);
    const next = touched({ ...state, ...patch }, ctx, changed);
    if (drafts.length > 0) next.hasConflict = true;
    const allTaken = changed.length === Object.keys(args.values).length;
    const sameAsSent =
      allTaken &&
      changed.every((f) =>
        jsonEqual(next[f as ArticleFieldName], args.values[f as ArticleFieldName]),
      );
    return {
      ok: true,
      outcome: drafts.length > 0 ? 'conflict' : sameAsSent ? 'applied' : 'merged',
      state: next,
      changed: drafts.length > 0 && changed.length === 0 ? ['hasConflict'] : changed,
      conflicts: drafts,
      bodyWritten: false,
    };
  },
};

// ---- article.setBody -------------------------------------------------------------------------

export const ArticleSetBodyArgs = lazySchema(() =>
  z.strictObject({
    id: Id,
    /** The bodyVersion the client edited from (its merge base). */
    baseBodyVersion: z.number().int().nonnegative(),
    body: SafeBodyJson,
  }),
);
export type ArticleSetBodyArgs = z.infer<typeof ArticleSetBodyArgs>;

export const articleSetBody: MutationDef<ArticleSetBodyArgs, ArticleState> = {
  name: 'article.setBody',
  entity: 'article',
  args: ArticleSetBodyArgs,
  description:
    'Replaces the body; merged three-way at block level against baseBodyVersion (docs/sync.md).',
  entityId: (a) => a.id,
  serverOnly: () => false,
  prefetch: (a, state, actor) => ({
    ...(state && state.bodyVersion !== a.baseBodyVersion
      ? { baseBody: { articleId: a.id, bodyVersion: a.baseBodyVersion } }
      : {}),
    // Marks in another name the stored body lacks (an undo of a reject brings one back): were
    // they there before? Only then are the latest stored bodies loaded.
    ...(state &&
    actor?.username !== undefined &&
    foreignNewSuggestionAuthors(a.body, [state.body], actor.username).length > 0
      ? { recentBodies: { articleId: a.id, limit: RECENT_BODIES_KNOWN } }
      : {}),
  }),
  authorize: (state, args, actor, ctx) => {
    if (!state) return null;
    const base =
      state.bodyVersion === args.baseBodyVersion
        ? undefined
        : ctx.baseBody(state.id, args.baseBodyVersion);
    const known = [state.body, ...(base ? [base] : []), ...(ctx.recentBodies?.(state.id) ?? [])];
    return mayEdit(state, args, actor) ?? ownSuggestionsOnly(args.body, known, actor);
  },
  apply(state, args, ctx) {
    if (!state) return notFound(args.id);
    const deleted = deletedRefusal(state);
    if (deleted) return deleted;
    if (state.bodyVersion === args.baseBodyVersion) {
      if (jsonEqual(state.body, args.body)) return noop(state);
      return {
        ok: true,
        outcome: 'applied',
        state: { ...touched(state, ctx, ['body']), body: args.body, bodyVersion: ctx.version },
        changed: ['body'],
        conflicts: [],
        bodyWritten: true,
      };
    }
    const base = ctx.baseBody(state.id, args.baseBodyVersion);
    if (!base) {
      // No merge base: never overwrite blindly; keep the server body and the client's as a copy.
      const next = touched({ ...state, hasConflict: true }, ctx, []);
      return {
        ok: true,
        outcome: 'conflict',
        state: next,
        changed: ['hasConflict'],
        conflicts: [
          {
            entityType: 'article',
            entityId: state.id,
            field: 'body',
            base: null,
            theirs: state.body,
            mine: args.body,
            region: { kind: 'no_base', blockIds: [], kept: 'theirs' },
          },
        ],
        bodyWritten: false,
      };
    }
    const merged = mergeBodies(base, args.body, state.body);
    const conflicts: ConflictDraft[] = merged.conflicts.map((r) => ({
      entityType: 'article',
      entityId: state.id,
      field: 'body',
      base: r.base,
      theirs: r.theirs,
      mine: r.mine,
      region: { kind: r.kind, blockIds: r.blockIds, kept: r.kept },
    }));
    const bodyChanged = !jsonEqual(merged.body, state.body);
    if (!bodyChanged && conflicts.length === 0) return noop(state);
    let next = touched(state, ctx, bodyChanged ? ['body'] : []);
    if (bodyChanged) next = { ...next, body: merged.body, bodyVersion: ctx.version };
    if (conflicts.length > 0) next.hasConflict = true;
    return {
      ok: true,
      outcome: conflicts.length > 0 ? 'conflict' : 'merged',
      state: next,
      changed: bodyChanged ? ['body'] : ['hasConflict'],
      conflicts,
      bodyWritten: bodyChanged,
    };
  },
};

// ---- tags ------------------------------------------------------------------------------------

export const ArticleTagArgs = lazySchema(() => z.strictObject({ id: Id, tag: TagName }));
export type ArticleTagArgs = z.infer<typeof ArticleTagArgs>;

function tagMutation(name: string, add: boolean): MutationDef<ArticleTagArgs, ArticleState> {
  return {
    name,
    entity: 'article',
    args: ArticleTagArgs,
    description: add
      ? 'Adds a tag (set semantics: never conflicts).'
      : 'Removes a tag (set semantics: never conflicts).',
    entityId: (a) => a.id,
    serverOnly: () => false,
    prefetch: () => ({}),
    authorize: mayEdit,
    apply(state, args, ctx) {
      if (!state) return notFound(args.id);
      const deleted = deletedRefusal(state);
      if (deleted) return deleted;
      const has = state.tags.includes(args.tag);
      if (has === add) return noop(state);
      const tags = add ? [...state.tags, args.tag] : state.tags.filter((t) => t !== args.tag);
      if (tags.length > 50) return fail('too_many_tags', 'An article has at most 50 tags.');
      return {
        ok: true,
        outcome: 'applied',
        state: touched({ ...state, tags }, ctx, ['tags']),
        changed: ['tags'],
        conflicts: [],
        bodyWritten: false,
      };
    },
  };
}

export const articleAddTag = tagMutation('article.addTag', true);
export const articleRemoveTag = tagMutation('article.removeTag', false);

// ---- article.transition ----------------------------------------------------------------------

export const ArticleTransitionArgs = lazySchema(() =>
  z.strictObject({
    id: Id,
    /** The status the client saw (compare-and-set). */
    from: ArticleStatus,
    to: ArticleStatus,
    /** Review note, e.g. with request_changes. */
    comment: ReviewNote.optional(),
  }),
);
export type ArticleTransitionArgs = z.infer<typeof ArticleTransitionArgs>;

export const articleTransition: MutationDef<ArticleTransitionArgs, ArticleState> = {
  name: 'article.transition',
  entity: 'article',
  args: ArticleTransitionArgs,
  description:
    'Moves the article along the workflow (compare-and-set on status); the server checks role and checklist.',
  entityId: (a) => a.id,
  serverOnly: (a) => findTransition(a.from, a.to)?.serverOnly ?? false,
  prefetch: (_a, state) =>
    state
      ? {
          imageIds: [
            ...(state.leadImage ? [state.leadImage.imageId] : []),
            ...(state.socialImageId ? [state.socialImageId] : []),
            ...inlineImagesOf(state.body).flatMap((i) => (i.imageId ? [i.imageId] : [])),
          ],
        }
      : {},
  authorize(state, args, actor) {
    if (!state) return null;
    const rule = findTransition(args.from, args.to);
    if (!rule) return null;
    // Role first: an editor's approve/publish is refused for permission, whatever the status.
    if (!rule.roles.includes(actor.role)) return allowedIf(mayTransition(state, actor, rule));
    // A stale `from` is apply's compare-and-set refusal, reported before ownership.
    if (state.status !== args.from) return null;
    return allowedIf(mayTransition(state, actor, rule));
  },
  apply(state, args, ctx) {
    if (!state) return notFound(args.id);
    const rule = findTransition(args.from, args.to);
    if (!rule) {
      return fail('illegal_transition', `There is no transition from ${args.from} to ${args.to}.`);
    }
    if (state.status !== args.from) {
      return fail(
        'status_mismatch',
        `The article is ${state.status} now, not ${args.from}; reload and try again.`,
      );
    }
    const deleted = deletedRefusal(state);
    if (deleted) return deleted;
    if (rule.name === 'publish') {
      const embargo = embargoRefusal(state.embargoUntil, ctx.now);
      if (embargo) return fail(embargo.code, embargo.reason);
    }
    let next: ArticleState = { ...state, status: rule.to };
    const changed = ['status'];
    // A schedule belongs to an approved article: publishing or leaving "approved" ends it.
    if (state.scheduledAt && rule.to !== 'approved') {
      next = { ...next, scheduledAt: null, scheduledBy: null };
      changed.push('scheduledAt');
    }
    if (rule.name === 'publish' || rule.name === 'correct') {
      if (state.publishedAt === null) {
        next.publishedAt = ctx.now;
        changed.push('publishedAt');
      } else {
        next.correctedAt = ctx.now;
        changed.push('correctedAt');
      }
    }
    next = touched(next, ctx, changed);
    const ok: ApplyResult<ArticleState> = {
      ok: true,
      outcome: 'applied',
      state: next,
      changed,
      conflicts: [],
      bodyWritten: false,
      transition: rule.name,
    };
    if (args.comment !== undefined) ok.comment = args.comment;
    return ok;
  },
  // The publication checklist is judged on the server's article and image states; a desk queues
  // an incomplete submit and the review queue shows what is missing.
  serverCheck(state, args, ctx) {
    const rule = state ? findTransition(args.from, args.to) : undefined;
    if (!state || !rule?.needsChecklist) return null;
    const missing = checkArticle({ fields: state, body: state.body }, (id) => ctx.getImage(id));
    return missing.length > 0
      ? fail(
          'checklist',
          `Cannot ${rule.name}: ${missing.map((m) => m.message).join(' ')}`,
          missing,
        )
      : null;
  },
};

// ---- article.assign --------------------------------------------------------------------------

export const ArticleAssignArgs = lazySchema(() =>
  z.strictObject({
    id: Id,
    assigneeId: z.string().max(100).nullable(),
    /** Compare-and-set: the assignee the client saw. */
    expectedAssignee: z.string().max(100).nullable(),
  }),
);
export type ArticleAssignArgs = z.infer<typeof ArticleAssignArgs>;

export const articleAssign: MutationDef<ArticleAssignArgs, ArticleState> = {
  name: 'article.assign',
  entity: 'article',
  args: ArticleAssignArgs,
  description: 'Assigns the article to a user (desk chiefs; compare-and-set on the assignee).',
  entityId: (a) => a.id,
  serverOnly: () => false,
  prefetch: (a) => ({ userIds: a.assigneeId ? [a.assigneeId] : [] }),
  authorize: (state, _args, actor) => (state ? allowedIf(mayAssign(actor)) : null),
  apply(state, args, ctx) {
    if (!state) return notFound(args.id);
    if (state.assigneeId !== args.expectedAssignee) {
      return fail('assignee_mismatch', 'The assignee changed meanwhile; reload and try again.');
    }
    if (args.assigneeId !== null && !ctx.userExists(args.assigneeId)) {
      return fail('unknown_user', `There is no active user ${args.assigneeId}.`);
    }
    if (state.assigneeId === args.assigneeId) return noop(state);
    return {
      ok: true,
      outcome: 'applied',
      state: touched({ ...state, assigneeId: args.assigneeId }, ctx, ['assigneeId']),
      changed: ['assigneeId'],
      conflicts: [],
      bodyWritten: false,
    };
  },
};

// ---- delete / restore ------------------------------------------------------------------------

export const ArticleDeleteArgs = lazySchema(() =>
  z.strictObject({
    id: Id,
    /** The version the client saw: an article edited after it is not deleted (the edit wins). */
    baseVersion: z.number().int().nonnegative(),
  }),
);
export type ArticleDeleteArgs = z.infer<typeof ArticleDeleteArgs>;

/** Invariant of delete and restore: a published article is unpublished first. */
function publishedRefusal(state: ArticleState): ApplyResult<ArticleState> | null {
  return state.status === 'published'
    ? fail('published', 'A published article must be unpublished before it is deleted.')
    : null;
}

export const articleDelete: MutationDef<ArticleDeleteArgs, ArticleState> = {
  name: 'article.delete',
  entity: 'article',
  args: ArticleDeleteArgs,
  description: 'Soft-deletes (tombstones) the article; refused if it was edited after baseVersion.',
  entityId: (a) => a.id,
  serverOnly: () => false,
  prefetch: () => ({}),
  // Deleting what is deleted is a no-op for anyone; then the published rule, then permission.
  authorize: (state, _args, actor) =>
    state && state.deletedAt === null ? allowedIf(mayDeleteArticle(state, actor)) : null,
  apply(state, args, ctx) {
    if (!state) return notFound(args.id);
    if (state.deletedAt !== null) return noop(state);
    const published = publishedRefusal(state);
    if (published) return published;
    if (state.version > args.baseVersion) {
      return fail(
        'edited_since',
        'The article was changed after you loaded it; the edit wins. Delete it again to confirm.',
      );
    }
    return {
      ok: true,
      outcome: 'applied',
      state: touched({ ...state, deletedAt: ctx.now }, ctx, ['deletedAt']),
      changed: ['deletedAt'],
      conflicts: [],
      bodyWritten: false,
    };
  },
};

export const articleRestore: MutationDef<ArticleDeleteArgs, ArticleState> = {
  name: 'article.restore',
  entity: 'article',
  args: ArticleDeleteArgs,
  description: 'Restores a soft-deleted article.',
  entityId: (a) => a.id,
  serverOnly: () => false,
  prefetch: () => ({}),
  authorize: (state, _args, actor) =>
    state && state.deletedAt !== null ? allowedIf(mayDeleteArticle(state, actor)) : null,
  apply(state, args, ctx) {
    if (!state) return notFound(args.id);
    if (state.deletedAt === null) return noop(state);
    const published = publishedRefusal(state);
    if (published) return published;
    return {
      ok: true,
      outcome: 'applied',
      state: touched({ ...state, deletedAt: null }, ctx, ['deletedAt']),
      changed: ['deletedAt'],
      conflicts: [],
      bodyWritten: false,
    };
  },
};
