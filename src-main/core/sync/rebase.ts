/**
 * Client rebase (docs/sync.md), pure: visible state = server state + still-pending mutations,
 * replayed with the shared mutators. A pending mutation the mutator refuses (it would be
 * rejected by the server too) is skipped here; the server's verdict arrives with a later pull.
 */
import type { BodyJson } from '../../../src-shared/model';
import {
  applyMutation,
  isMutationName,
  type ArticleState,
  type ImageState,
  type MutationContext,
} from '../../../src-shared/mutations';
import type { Actor } from '../../../src-shared/workflow';

export interface PendingMutation {
  name: string;
  args: unknown;
}

export interface RebaseContext {
  actor: Actor;
  now: string;
  /** A server body at an older bodyVersion, for a pending setBody's three-way merge. */
  baseBody(articleId: string, bodyVersion: number): BodyJson | undefined;
  /** Server image states (the publication checklist of a transition looks at credits). */
  getImage?(id: string): ImageState | undefined;
}

export function rebaseArticle(
  base: ArticleState | null,
  pending: readonly PendingMutation[],
  rc: RebaseContext,
): ArticleState | null {
  let state = base;
  for (const m of pending) {
    if (!isMutationName(m.name) || !m.name.startsWith('article.')) continue;
    const ctx: MutationContext = {
      actor: rc.actor,
      now: rc.now,
      version: state?.version ?? 0,
      getImage: (id) => rc.getImage?.(id),
      getArticle: () => undefined,
      userExists: () => true,
      baseBody: (id, v) => rc.baseBody(id, v),
    };
    const r = applyMutation(m.name, state, m.args, ctx);
    if (r.ok) state = r.state as ArticleState;
  }
  return state;
}

/**
 * The same for an image: server state plus pending image.create/setMeta, replayed with the
 * shared image mutators (a pending setMeta merges field by field over other people's edits).
 */
export function rebaseImage(
  base: ImageState | null,
  pending: readonly PendingMutation[],
  rc: Pick<RebaseContext, 'actor' | 'now'>,
): ImageState | null {
  let state = base;
  for (const m of pending) {
    if (!isMutationName(m.name) || !m.name.startsWith('image.')) continue;
    const ctx: MutationContext = {
      actor: rc.actor,
      now: rc.now,
      version: state?.version ?? 0,
      getImage: () => undefined,
      getArticle: () => undefined,
      userExists: () => true,
      baseBody: () => undefined,
    };
    const r = applyMutation(m.name, state, m.args, ctx);
    if (r.ok) state = r.state as ImageState;
  }
  return state;
}
