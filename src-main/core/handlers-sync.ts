/**
 * The sync DesktopApi methods (sign in, status, explicit sync, conflicts) and articles.transition,
 * which queues a workflow step for the server to decide (docs/sync.md).
 */
import { ApiError, type ListedConflict } from '../../src-shared/api';
import {
  type Decision,
  findTransition,
  mayEditArticle,
  mayEditImage,
} from '../../src-shared/workflow';
import { ROLES } from '../../src-shared/model';
import type { CoreContext, HandlerFor } from './context';
import { NotFoundError } from './store/articles';
import { SyncHttpError } from './sync/http';
import { resolveConflict } from './sync/resolve';
import type { StoredConflict } from './sync/conflicts';

type SyncMethod =
  | 'sync.login'
  | 'sync.logout'
  | 'sync.status'
  | 'users.names'
  | 'sync.now'
  | 'sync.confirmMassDelete'
  | 'sync.conflicts'
  | 'sync.resolveConflict'
  | 'articles.transition';

function listedConflict(ctx: CoreContext, c: StoredConflict): ListedConflict {
  const { mutationName: _n, resolved: _r, ...rest } = c;
  return { ...rest, resendRefused: resendRefusal(ctx, c) !== null, subject: subjectOf(ctx, c) };
}

/** The article's headline or the image's file name, for the list of all conflicts. */
function subjectOf(ctx: CoreContext, c: StoredConflict): string | null {
  try {
    if (c.entityType === 'article') return ctx.articles.get(c.entityId).headline || null;
    if (c.entityType === 'image') return ctx.images.get(c.entityId).fileName;
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
  }
  return null;
}

function networkError(e: unknown): ApiError {
  if (e instanceof SyncHttpError) {
    if (e.status === 401) return new ApiError('unauthorized', e.message);
    return new ApiError('transport', e.message);
  }
  return e instanceof ApiError ? e : new ApiError('internal', String(e));
}

/**
 * Re-sending a refused change to an article the signed-in user may not edit now (in review for
 * an editor, someone else's, in the trash), or to an image they may not edit, would only be
 * refused again, as a new conflict: the rule that refuses it, or null when it may be sent (or
 * when the server must decide).
 */
function resendRefusal(
  ctx: CoreContext,
  c: StoredConflict,
): Extract<Decision, { ok: false }> | null {
  const user = ctx.sync.status().user;
  if (c.resolved || c.kind !== 'rejected' || !user) return null;
  const role = ROLES.find((r) => r === user.role);
  if (!role) return null;
  const actor = { id: user.id, role };
  let decision: Decision;
  try {
    if (c.entityType === 'article') decision = mayEditArticle(ctx.articles.get(c.entityId), actor);
    else if (c.entityType === 'image') {
      const image = ctx.images.get(c.entityId);
      // Who added it is not known here yet (stored before schema 13): the server decides.
      if (image.createdBy === null) return null;
      decision = mayEditImage(image, actor);
    } else return null;
  } catch (e) {
    if (e instanceof NotFoundError) return null; // not stored here (any more): the server decides
    throw e;
  }
  return decision.ok ? null : decision;
}

/** The desk refuses such a re-send first, with the server's rule and code, and changes nothing. */
function refuseResendTheServerWouldRefuse(ctx: CoreContext, conflictId: string): void {
  const c = ctx.conflicts.get(conflictId);
  const refusal = c ? resendRefusal(ctx, c) : null;
  if (refusal) {
    throw new ApiError(
      'conflict',
      `${refusal.reason} Sent again now, the change would be refused again; nothing was changed.`,
      undefined,
      refusal.code,
    );
  }
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
  'users.names': (_i, ctx) => ({ names: ctx.sync.userNames() }),
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
    items: ctx.conflicts.list(input.entityId).map((c) => listedConflict(ctx, c)),
  }),
  'sync.resolveConflict': (input, ctx) => {
    if (input.keep === 'mine') refuseResendTheServerWouldRefuse(ctx, input.id);
    const c = resolveConflict(ctx, input.id, input.keep, new Date().toISOString());
    if (c.entityType === 'image')
      ctx.emit({ type: 'image.updated', id: c.entityId, origin: 'local' });
    ctx.emit({ type: 'article.updated', id: c.entityId, origin: 'local' });
    return { ok: true as const };
  },
  'articles.transition': async (input, ctx) => {
    const a = ctx.articles.get(input.id);
    const rule = findTransition(a.status, input.to);
    if (!rule)
      throw new ApiError('conflict', `An article that is ${a.status} cannot become ${input.to}.`);
    if (!rule.serverOnly) {
      ctx.articles.transition(a.id, input.to, input.comment);
      const after = ctx.articles.get(a.id);
      ctx.emit({ type: 'article.updated', id: a.id, origin: 'local', revision: after.revision });
      return after;
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
    const mutationId = ctx.articles.transition(fresh.id, input.to, input.comment);
    await ctx.sync.syncNow();
    const verdict = ctx.sync.verdict(mutationId);
    if (verdict.state === 'rejected') {
      // Answered right here, so it does not stay in the conflict list.
      ctx.conflicts.resolveRejection(ctx.sync.clientId, mutationId, new Date().toISOString());
      throw new ApiError('conflict', verdict.reason, undefined, verdict.code ?? undefined);
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
