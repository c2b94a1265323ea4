/**
 * The sync DesktopApi methods (sign in, status, explicit sync, conflicts) and articles.transition,
 * which queues a workflow step for the server to decide (SYNC.md §4, §9).
 */
import { ApiError, type SyncConflict } from '../../src-shared/api';
import {
  IMAGE_META_KEYS,
  type ArticleFieldsPatch,
  type BodyJson,
  ImageMetaPatch,
  type ImageMeta,
} from '../../src-shared/model';
import { findTransition } from '../../src-shared/workflow';
import type { CoreContext, HandlerFor } from './handlers';
import { SyncHttpError } from './sync/http';
import { swapRegion } from './sync/resolve';
import type { StoredConflict } from './sync/conflicts';

type SyncMethod =
  | 'sync.login'
  | 'sync.logout'
  | 'sync.status'
  | 'sync.now'
  | 'sync.confirmMassDelete'
  | 'sync.conflicts'
  | 'sync.resolveConflict'
  | 'articles.transition';

function publicConflict(c: StoredConflict): SyncConflict {
  const { mutationName: _n, resolved: _r, ...rest } = c;
  return rest;
}

function keepMine(ctx: CoreContext, c: StoredConflict): void {
  if (c.entityType === 'image' && c.kind === 'field' && isImageMetaKey(c.field)) {
    // Another person's edit won on the server: take ours again (a new image.setMeta).
    const patch = ImageMetaPatch.safeParse({ [c.field]: c.mine });
    if (!patch.success) throw new ApiError('invalid_input', `The kept ${c.field} is not valid.`);
    ctx.images.setMeta(c.entityId, patch.data);
    ctx.emit({ type: 'image.updated', id: c.entityId });
    return;
  }
  if (c.entityType !== 'article')
    throw new ApiError('invalid_input', 'Only article conflicts can be taken over yet.');
  const a = ctx.articles.get(c.entityId);
  if (c.kind === 'field') {
    ctx.articles.save(a.id, {
      fields: { [c.field]: c.mine },
      reason: 'conflict: kept mine',
    });
  } else if (c.kind === 'body') {
    if (c.region?.kept === 'mine') return;
    const mine = Array.isArray(c.mine) ? c.mine : [];
    const theirs = Array.isArray(c.theirs) ? c.theirs : [];
    const body =
      c.region?.kind === 'no_base' || c.region?.kind === 'whole_body'
        ? (c.mine as BodyJson)
        : swapRegion(a.body, theirs, mine);
    ctx.articles.save(a.id, { body, reason: 'conflict: kept mine' });
  } else if (c.kind === 'rejected') {
    const args = (c.mine ?? {}) as Record<string, unknown>;
    if (c.field === 'article.setFields') {
      ctx.articles.save(a.id, {
        fields: args.values as ArticleFieldsPatch,
        reason: 'rejected change re-sent',
      });
    } else if (c.field === 'article.setBody') {
      ctx.articles.save(a.id, { body: args.body as BodyJson, reason: 'rejected change re-sent' });
    } else if (c.field === 'article.addTag' || c.field === 'article.removeTag') {
      const tag = String(args.tag);
      const tags =
        c.field === 'article.addTag' ? [...a.tags, tag] : a.tags.filter((t) => t !== tag);
      ctx.articles.save(a.id, { fields: { tags } });
    } else {
      throw new ApiError('invalid_input', `A rejected ${c.field} cannot be re-sent; do it again.`);
    }
  } else {
    throw new ApiError(
      'invalid_input',
      'This article is no longer yours to edit; copy the text out instead.',
    );
  }
}

function isImageMetaKey(f: string): f is keyof ImageMeta {
  return (IMAGE_META_KEYS as string[]).includes(f);
}

function keepTheirs(ctx: CoreContext, c: StoredConflict): void {
  if (c.kind === 'body' && c.region?.kept === 'mine' && c.entityType === 'article') {
    const a = ctx.articles.get(c.entityId);
    const mine = Array.isArray(c.mine) ? c.mine : [];
    const theirs = Array.isArray(c.theirs) ? c.theirs : [];
    ctx.articles.save(a.id, {
      body: swapRegion(a.body, mine, theirs),
      reason: 'conflict: kept theirs',
    });
  }
}

function networkError(e: unknown): ApiError {
  if (e instanceof SyncHttpError) {
    if (e.status === 401) return new ApiError('unauthorized', e.message);
    return new ApiError('transport', e.message);
  }
  return e instanceof ApiError ? e : new ApiError('internal', String(e));
}

export const syncHandlers: { [M in SyncMethod]: HandlerFor<M> } = {
  'sync.login': async (input, ctx) => {
    try {
      return await ctx.sync.login(input.serverUrl, input.username, input.password);
    } catch (e) {
      throw networkError(e);
    }
  },
  'sync.logout': async (_i, ctx) => {
    await ctx.sync.logout();
    return { ok: true as const };
  },
  'sync.status': (_i, ctx) => ctx.sync.status(),
  'sync.now': async (input, ctx) => {
    if (!ctx.sync.signedIn())
      throw new ApiError('unauthorized', 'Sign in to a Copydesk server first.');
    return ctx.sync.syncNow({ allowMassDelete: input.allowMassDelete === true });
  },
  'sync.confirmMassDelete': async (_i, ctx) => {
    if (!ctx.sync.signedIn())
      throw new ApiError('unauthorized', 'Sign in to a Copydesk server first.');
    return ctx.sync.syncNow({ allowMassDelete: true });
  },
  'sync.conflicts': (input, ctx) => ({
    items: ctx.sync.conflicts.list(input.entityId).map(publicConflict),
  }),
  'sync.resolveConflict': (input, ctx) => {
    const c = ctx.sync.conflicts.get(input.id);
    if (!c) throw new ApiError('not_found', `Conflict ${input.id} was not found.`);
    if (c.resolved) return { ok: true as const };
    if (input.keep === 'mine') keepMine(ctx, c);
    else keepTheirs(ctx, c);
    ctx.sync.conflicts.resolve(c.id, input.keep, new Date().toISOString());
    ctx.sync.refreshConflictFlag(c.entityId);
    ctx.emit({ type: 'article.updated', id: c.entityId });
    return { ok: true as const };
  },
  'articles.transition': async (input, ctx) => {
    const a = ctx.articles.get(input.id);
    const rule = findTransition(a.status, input.to);
    if (!rule)
      throw new ApiError('conflict', `An article that is ${a.status} cannot become ${input.to}.`);
    if (!rule.serverOnly) {
      ctx.articles.transition(a.id, input.to, input.comment, true);
      ctx.emit({ type: 'article.updated', id: a.id });
      return ctx.articles.get(a.id);
    }
    // Approval and publication are decided online only: never queue them offline.
    if (!ctx.sync.signedIn())
      throw new ApiError('unauthorized', `To ${rule.name}, sign in to the server first.`);
    const before = await ctx.sync.syncNow();
    if (before.state !== 'idle') {
      throw new ApiError(
        'transport',
        `Cannot ${rule.name} while the server is unreachable: ${before.lastError ?? ''}`,
      );
    }
    const fresh = ctx.articles.get(a.id);
    const mutationId = ctx.articles.transition(fresh.id, input.to, input.comment, false);
    await ctx.sync.syncNow();
    const verdict = ctx.sync.verdict(mutationId);
    if (verdict.state === 'rejected') {
      // Answered right here, so it does not stay in the conflict list.
      ctx.sync.conflicts.resolve(
        `rejected:${ctx.sync.clientId}:${mutationId}`,
        'theirs',
        new Date().toISOString(),
      );
      throw new ApiError('conflict', verdict.reason);
    }
    if (verdict.state === 'pending') {
      throw new ApiError(
        'transport',
        `The ${rule.name} is queued but the server has not confirmed it yet.`,
      );
    }
    return ctx.articles.get(a.id);
  },
};
