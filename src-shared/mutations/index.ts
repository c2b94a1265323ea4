/**
 * The mutation registry: every named intent a client may push (docs/sync.md).
 *
 * | name                | entity  | args                                              |
 * |---------------------|---------|---------------------------------------------------|
 * | article.create      | article | id, fields?, body?                                |
 * | article.setFields   | article | id, baseVersion, values, baseValues               |
 * | article.setBody     | article | id, baseBodyVersion, body                         |
 * | article.addTag      | article | id, tag                                           |
 * | article.removeTag   | article | id, tag                                           |
 * | article.transition  | article | id, from, to, comment?                            |
 * | article.assign      | article | id, assigneeId, expectedAssignee                  |
 * | article.delete      | article | id, baseVersion                                   |
 * | article.restore     | article | id, baseVersion                                   |
 * | image.create        | image   | id, sha256, mime, width, height, meta?            |
 * | image.setMeta       | image   | id, baseVersion, values, baseValues               |
 * | comment.add         | comment | id, articleId, text, blockId?                     |
 * | dictionary.addWord  | word    | word                                              |
 * | dictionary.removeWord | word  | word                                              |
 * | article.recordSuggestions | article | id, action, count, authors, excerpt           |
 * | article.suggestField | article | id, suggestion {id, field, value, author, at}    |
 * | article.resolveFieldSuggestion | article | id, suggestionId, action             |
 * | article.reopenFieldSuggestion | article | id, suggestion, action, previous?      |
 *
 * Use `parseMutation` to validate args and `applyMutation` to run one against a state (permission,
 * transition, server checks: what the server and a client's rebase run). A desk's own write runs
 * the transition alone, through src-main/core/store/local-writer.ts. A new
 * mutation is added here (name, args schema, definition): `ArgsOf<M>` then types every caller.
 */
import { z } from 'zod';
import {
  ArticleAssignArgs,
  ArticleCreateArgs,
  ArticleDeleteArgs,
  ArticleSetBodyArgs,
  ArticleSetFieldsArgs,
  ArticleTagArgs,
  ArticleTransitionArgs,
  articleAddTag,
  articleAssign,
  articleCreate,
  articleDelete,
  articleRemoveTag,
  articleRestore,
  articleSetBody,
  articleSetFields,
  articleTransition,
} from './article';
import { CommentAddArgs, commentAdd } from './comment';
import {
  ArticleScheduleArgs,
  ArticleSetEmbargoArgs,
  ArticleUnscheduleArgs,
  articleSchedule,
  articleSetEmbargo,
  articleUnschedule,
} from './schedule';
import { ArticleRecordSuggestionsArgs, articleRecordSuggestions } from './suggestionDecision';
import {
  ArticleReopenFieldSuggestionArgs,
  ArticleResolveFieldSuggestionArgs,
  ArticleSuggestFieldArgs,
  articleReopenFieldSuggestion,
  articleResolveFieldSuggestion,
  articleSuggestField,
} from './fieldSuggestion';
import { DictionaryWordArgs, dictionaryAddWord, dictionaryRemoveWord } from './dictionary';
import { ImageCreateArgs, ImageSetMetaArgs, imageCreate, imageSetMeta } from './image';
import type {
  ApplyContext,
  ApplyResult,
  Authorization,
  EntityStates,
  EntityType,
  MutationContext,
  MutationDef,
  Prefetch,
} from './types';
import { lazySchema } from '../lazySchema';

export * from './types';
export * from './article';
export * from './schedule';
export * from './image';
export * from './comment';
export * from './dictionary';
export * from './suggestionDecision';
export * from './fieldSuggestion';

export const MUTATION_NAMES = [
  'article.create',
  'article.setFields',
  'article.setBody',
  'article.addTag',
  'article.removeTag',
  'article.transition',
  'article.assign',
  'article.delete',
  'article.restore',
  'image.create',
  'image.setMeta',
  'comment.add',
  'dictionary.addWord',
  'dictionary.removeWord',
  'article.schedule',
  'article.unschedule',
  'article.setEmbargo',
  'article.recordSuggestions',
  'article.suggestField',
  'article.resolveFieldSuggestion',
  'article.reopenFieldSuggestion',
] as const;
export const MutationName = lazySchema(() => z.enum(MUTATION_NAMES));
export type MutationName = z.infer<typeof MutationName>;

type EntityState = EntityStates[EntityType];

/** Each mutation's args schema: the one source of the argument types of every caller. */
export const MUTATION_ARGS = {
  'article.create': ArticleCreateArgs,
  'article.setFields': ArticleSetFieldsArgs,
  'article.setBody': ArticleSetBodyArgs,
  'article.addTag': ArticleTagArgs,
  'article.removeTag': ArticleTagArgs,
  'article.transition': ArticleTransitionArgs,
  'article.assign': ArticleAssignArgs,
  'article.delete': ArticleDeleteArgs,
  'article.restore': ArticleDeleteArgs,
  'image.create': ImageCreateArgs,
  'image.setMeta': ImageSetMetaArgs,
  'comment.add': CommentAddArgs,
  'dictionary.addWord': DictionaryWordArgs,
  'dictionary.removeWord': DictionaryWordArgs,
  'article.schedule': ArticleScheduleArgs,
  'article.unschedule': ArticleUnscheduleArgs,
  'article.setEmbargo': ArticleSetEmbargoArgs,
  'article.recordSuggestions': ArticleRecordSuggestionsArgs,
  'article.suggestField': ArticleSuggestFieldArgs,
  'article.resolveFieldSuggestion': ArticleResolveFieldSuggestionArgs,
  'article.reopenFieldSuggestion': ArticleReopenFieldSuggestionArgs,
} as const satisfies Record<MutationName, z.ZodType>;

/** The args a caller writes for mutation M (defaults not yet filled in). */
export type ArgsOf<M extends MutationName> = z.input<(typeof MUTATION_ARGS)[M]>;
/** The args of mutation M after validation (defaults filled in): what the outbox stores. */
export type ParsedArgsOf<M extends MutationName> = z.output<(typeof MUTATION_ARGS)[M]>;

/** One queued intent, typed by its name. */
export type TypedMutation = {
  [M in MutationName]: { name: M; args: ParsedArgsOf<M> };
}[MutationName];

/** Type-erased definition: what the registry hands out. */
export interface AnyMutationDef {
  name: MutationName;
  entity: EntityType;
  args: z.ZodType<unknown>;
  description: string;
  entityId(args: unknown): string;
  serverOnly(args: unknown): boolean;
  prefetch(args: unknown, state: EntityState | null, actor?: MutationContext['actor']): Prefetch;
  authorize(
    state: EntityState | null,
    args: unknown,
    actor: MutationContext['actor'],
    ctx: ApplyContext,
  ): Authorization;
  apply(state: EntityState | null, args: unknown, ctx: ApplyContext): ApplyResult<EntityState>;
  serverCheck?(state: EntityState | null, args: unknown, ctx: ApplyContext): Authorization;
}

function erase<A, S extends EntityState>(def: MutationDef<A, S>): AnyMutationDef {
  return def as unknown as AnyMutationDef;
}

export const MUTATIONS: Readonly<Record<MutationName, AnyMutationDef>> = {
  'article.create': erase(articleCreate),
  'article.setFields': erase(articleSetFields),
  'article.setBody': erase(articleSetBody),
  'article.addTag': erase(articleAddTag),
  'article.removeTag': erase(articleRemoveTag),
  'article.transition': erase(articleTransition),
  'article.assign': erase(articleAssign),
  'article.delete': erase(articleDelete),
  'article.restore': erase(articleRestore),
  'image.create': erase(imageCreate),
  'image.setMeta': erase(imageSetMeta),
  'comment.add': erase(commentAdd),
  'dictionary.addWord': erase(dictionaryAddWord),
  'dictionary.removeWord': erase(dictionaryRemoveWord),
  'article.schedule': erase(articleSchedule),
  'article.unschedule': erase(articleUnschedule),
  'article.setEmbargo': erase(articleSetEmbargo),
  'article.recordSuggestions': erase(articleRecordSuggestions),
  'article.suggestField': erase(articleSuggestField),
  'article.resolveFieldSuggestion': erase(articleResolveFieldSuggestion),
  'article.reopenFieldSuggestion': erase(articleReopenFieldSuggestion),
};

export function isMutationName(name: unknown): name is MutationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(MUTATIONS, name);
}

export type ParsedMutation =
  | { ok: true; def: AnyMutationDef; args: unknown; entityId: string }
  | { ok: false; reason: string };

/** Validates a mutation's args with its zod schema; the reason names the failing paths. */
export function parseMutation(name: MutationName, args: unknown): ParsedMutation {
  const def = MUTATIONS[name];
  const r = def.args.safeParse(args);
  if (!r.success) {
    const reason = r.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.map(String).join('.') || '(args)'}: ${i.message}`)
      .join('; ');
    return { ok: false, reason: `Invalid arguments for ${name}: ${reason}` };
  }
  return { ok: true, def, args: r.data, entityId: def.entityId(r.data) };
}

/**
 * Runs one validated mutation as the server does: permission for the acting user, then the
 * state transition, then the server's own checks. Pure.
 */
export function runMutation(
  def: AnyMutationDef,
  state: EntityState | null,
  args: unknown,
  ctx: MutationContext,
): ApplyResult<EntityState> {
  const applyCtx: ApplyContext = { ...ctx, authorId: ctx.actor.id };
  const refused = def.authorize(state, args, ctx.actor, applyCtx);
  if (refused) return refused;
  const result = def.apply(state, args, applyCtx);
  if (!result.ok || !def.serverCheck) return result;
  return def.serverCheck(state, args, applyCtx) ?? result;
}

/** Validates and runs one mutation (as the server does) on the current state of its entity. */
export function applyMutation(
  name: MutationName,
  state: EntityState | null,
  rawArgs: unknown,
  ctx: MutationContext,
): ApplyResult<EntityState> {
  const parsed = parseMutation(name, rawArgs);
  if (!parsed.ok) return { ok: false, code: 'invalid_args', reason: parsed.reason };
  return runMutation(parsed.def, state, parsed.args, ctx);
}
