/**
 * "Keep mine" / "keep theirs": what deciding a conflict or a rejected change writes. Keeping
 * one's own version is a new local save (so it syncs like any edit); keeping theirs only undoes
 * what the merge kept of ours. The conflict is then closed and the article's badge recomputed.
 */
import { ApiError } from '../../../src-shared/api';
import { blockContentKey, blockIdOf } from '../../../src-shared/merge';
import {
  IMAGE_META_KEYS,
  ImageMetaPatch,
  type ArticleFieldsPatch,
  type BodyJson,
  type ImageMeta,
} from '../../../src-shared/model';
import type { ArticleRepository } from '../store/articles';
import type { ImageRepository } from '../store/images';
import type { ConflictRepository, StoredConflict } from './conflicts';

export interface ResolveDeps {
  articles: ArticleRepository;
  images: ImageRepository;
  conflicts: ConflictRepository;
}

/** Decides one conflict; returns it (already-resolved ones are left as they are). */
export function resolveConflict(
  deps: ResolveDeps,
  id: string,
  keep: 'mine' | 'theirs',
  at: string,
): StoredConflict {
  const c = deps.conflicts.get(id);
  if (!c) throw new ApiError('not_found', `Conflict ${id} was not found.`);
  if (c.resolved) return c;
  if (keep === 'mine') keepMine(deps, c);
  else keepTheirs(deps, c);
  deps.conflicts.resolve(c.id, keep, at);
  refreshConflictFlag(deps, c.entityId);
  return c;
}

/** Recomputes an article's conflict badge from its open conflicts. */
export function refreshConflictFlag(
  deps: Pick<ResolveDeps, 'articles' | 'conflicts'>,
  articleId: string,
): void {
  deps.articles.setConflictFlag(articleId, deps.conflicts.openCount('article', articleId) > 0);
}

/** As the merge keys blocks (src-shared/merge/body.ts keyBlocks), without the `#n` suffixes. */
const keyOf = (b: unknown): string => blockIdOf(b) ?? `h:${blockContentKey(b)}`;

export function swapRegion(
  body: BodyJson,
  remove: readonly unknown[],
  insert: readonly unknown[],
): BodyJson {
  const drop = new Set(remove.map(keyOf));
  const children = body.root.children;
  let at = children.findIndex((c) => drop.has(keyOf(c)));
  const kept = children.filter((c) => !drop.has(keyOf(c)));
  if (at < 0) at = kept.length;
  else at = children.slice(0, at).filter((c) => !drop.has(keyOf(c))).length;
  // Blocks of the other side that are still in the body elsewhere are not duplicated.
  const present = new Set(kept.map(keyOf));
  const add = insert.filter((b) => !present.has(keyOf(b)));
  return {
    ...body,
    root: { ...body.root, children: [...kept.slice(0, at), ...add, ...kept.slice(at)] },
  };
}

function keepMine(ctx: ResolveDeps, c: StoredConflict): void {
  if (c.entityType === 'image' && c.kind === 'field' && isImageMetaKey(c.field)) {
    // Another person's edit won on the server: take ours again (a new image.setMeta).
    const patch = ImageMetaPatch.safeParse({ [c.field]: c.mine });
    if (!patch.success) throw new ApiError('invalid_input', `The kept ${c.field} is not valid.`);
    ctx.images.setMeta(c.entityId, patch.data);
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

function keepTheirs(ctx: ResolveDeps, c: StoredConflict): void {
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
