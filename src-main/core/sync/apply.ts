/**
 * Applies one pull page in ONE local transaction (docs/sync.md, "Pull"): server conflicts and
 * rejections are stored, acknowledged outbox rows are dropped, every changed entity gets its new
 * server base and its visible state rebased on it, and the cursor moves. A crash leaves either
 * the whole page applied or none of it.
 */
import type { ChangeOrigin, CoreEvent } from '../../../src-shared/api';
import type { BodyJson } from '../../../src-shared/model';
import type { ArticleState, ImageState } from '../../../src-shared/mutations';
import type { PullResponse } from '../../../src-shared/protocol';
import type { Actor } from '../../../src-shared/workflow';
import { articleOfState, type ArticleRepository } from '../store/articles';
import type { CommentRepository } from '../store/comments';
import type { DictionaryRepository } from '../store/dictionary';
import type { NoticeRepository } from '../store/notices';
import { recordNotice } from './notices';
import type { SyncedImageRepository } from '../store/images-sync';
import { rejectedId, type ConflictRepository } from './conflicts';
import { rebaseArticle, rebaseImage } from './rebase';
import { acknowledgedBodies, moveOntoAcknowledged } from './ownBodies';
import type { SyncStore } from './store';
import type { Db } from '../store/db';
import type { OutboxRepository } from '../store/outbox';

export interface ApplyDeps {
  db: Db;
  store: SyncStore;
  outbox: OutboxRepository;
  conflicts: ConflictRepository;
  articles: ArticleRepository;
  images: SyncedImageRepository;
  clientId: string;
  actor: Actor;
  now: () => string;
  comments: CommentRepository;
  dictionary: DictionaryRepository;
  notices: NoticeRepository;
}

export interface PageResult {
  events: CoreEvent[];
  applied: number;
}

const EDITS = new Set([
  'article.setFields',
  'article.setBody',
  'article.addTag',
  'article.removeTag',
]);

export function applyPullPage(deps: ApplyDeps, page: PullResponse): PageResult {
  const { store, outbox } = deps;
  const events = new Map<string, CoreEvent>();
  const touched = new Set<string>();
  /** Per article, who made its pulled change (only when the server named it; see PullChange). */
  const updatedBy = new Map<string, string | null>();
  const touchedImages = new Set<string>();
  /** Entities whose pulled change another person made (else: sync settling our own). */
  const remote = new Set<string>();
  const origin = (id: string): ChangeOrigin => (remote.has(id) ? 'remote' : 'sync');
  const run = deps.db.transaction(() => {
    for (const c of page.conflicts) {
      deps.conflicts.addServerConflict(c);
      if (c.entityType === 'article') touched.add(c.entityId);
      if (c.entityType === 'image') touchedImages.add(c.entityId);
    }
    // Look the rejected rows up before they are trimmed (their origin decides auto-restore).
    const rejected = page.rejected.map((r) => ({ r, row: outbox.row(r.mutationId) }));
    // The desk's own body saves this page acknowledges (their bodies leave with the trim).
    const ackedBodies = acknowledgedBodies(
      outbox,
      page.lastMutationId,
      new Set(page.rejected.map((r) => r.mutationId)),
    );

    if (outbox.trim(page.lastMutationId) > 0) store.pruneBaseBodies();
    store.set(
      'last_acked_mutation_id',
      Math.max(page.lastMutationId, store.getNumber('last_acked_mutation_id')),
    );

    for (const ch of page.changes) {
      if (!ch.actor || ch.actor.id !== deps.actor.id) remote.add(ch.id);
      if (ch.entity === 'image') {
        if (ch.op !== 'upsert') continue;
        const old = store.getBase('image', ch.id);
        if (old && old.serverVersion >= ch.version) continue; // re-delivery
        store.putBase('image', ch.id, ch.version, null, ch.data);
        touchedImages.add(ch.id);
        continue;
      }
      if (ch.entity !== 'article') {
        if (ch.op === 'upsert') store.putBase(ch.entity, ch.id, ch.version, null, ch.data);
        if (ch.entity === 'comment' && ch.op === 'upsert') {
          deps.comments.putSynced(ch.data);
          const articleId = ch.data.articleId;
          events.set(`comments:${articleId}`, {
            type: 'comments.updated',
            articleId,
            origin: origin(ch.id),
          });
        }
        if (ch.entity === 'word' && ch.op === 'upsert') {
          deps.dictionary.putSynced(ch.data);
          events.set('dictionary', { type: 'dictionary.updated', origin: origin(ch.id) });
        }
        continue;
      }
      if (ch.op === 'delete') {
        revoke(deps, ch.id, events);
        continue;
      }
      const old = store.getBase('article', ch.id);
      if (old && old.serverVersion >= ch.version) continue; // re-delivery
      recordNotice(deps.notices, deps.actor.id, old?.data as ArticleState, ch.data, deps.now());
      const acked = ackedBodies.get(ch.id);
      if (acked) moveOntoAcknowledged(outbox, acked, ch.data);
      const pending = outbox.forEntity('article', ch.id);
      for (const p of pending) {
        if (p.name !== 'article.setBody') continue;
        const args = p.args;
        if (old && args.baseBodyVersion === old.bodyVersion) {
          store.keepBaseBody(ch.id, old.bodyVersion, (old.data as ArticleState).body);
        } else if (args.baseBodyVersion === 0 && p.state === 'pending') {
          // Written before the server knew the article: its base is the first server state.
          outbox.rewritePending(p.mutationId, 'article.setBody', {
            ...args,
            baseBodyVersion: ch.data.bodyVersion,
          });
        }
      }
      store.putBase('article', ch.id, ch.version, ch.data.bodyVersion, ch.data);
      if (ch.actor !== undefined) updatedBy.set(ch.id, ch.actor?.username ?? null);
      touched.add(ch.id);
    }

    for (const { r, row } of rejected) {
      const argId = (r.args as { id?: unknown } | null)?.id;
      const entityId = row?.entityId ?? (typeof argId === 'string' ? argId : '');
      const entityType = row?.entityType ?? r.name.split('.')[0] ?? 'article';
      const base = store.getBase(entityType, entityId);
      deps.conflicts.addRejected(deps.clientId, r, entityType, entityId, base?.data ?? null);
      if (entityType === 'image') touchedImages.add(entityId);
      else touched.add(entityId);
      // Edit against delete: the edit wins (docs/sync.md). Restore once and re-send the edit.
      if (r.code === 'deleted' && row && EDITS.has(row.name) && row.origin === 'user') {
        const baseVersion = base?.serverVersion ?? 0;
        outbox.enqueue(
          'article.restore',
          { id: entityId, baseVersion },
          baseVersion,
          deps.now(),
          'auto_restore',
        );
        outbox.requeue(row, baseVersion, deps.now(), 'auto_restore');
        deps.conflicts.resolve(rejectedId(deps.clientId, r.mutationId), 'auto', deps.now());
      }
    }

    for (const id of touched) rebase(deps, id, events, origin(id), updatedBy.get(id));
    for (const id of touchedImages) rebaseImageRow(deps, id, events, origin(id));
    store.set('cursor', page.cursor);
  });
  run.immediate();
  return { events: [...events.values()], applied: page.changes.length };
}

function rebase(
  deps: ApplyDeps,
  id: string,
  events: Map<string, CoreEvent>,
  origin: ChangeOrigin,
  updatedBy?: string | null,
): void {
  const base = deps.store.getBase('article', id);
  if (!base) return;
  const data = base.data as ArticleState;
  const pending = deps.outbox.forEntity('article', id);
  const visible = rebaseArticle(data, pending, {
    actor: deps.actor,
    now: deps.now(),
    baseBody: (articleId, v) =>
      (v === data.bodyVersion ? data.body : deps.store.baseBody(articleId, v)) as
        BodyJson | undefined,
    getImage: (imageId) => deps.store.getBase('image', imageId)?.data as ImageState | undefined,
  });
  if (!visible) return;
  const r = deps.articles.putSynced(
    articleOfState(visible, { revision: visible.revision, updatedBy: updatedBy ?? null }),
    {
      serverVersion: data.version,
      serverBodyVersion: data.bodyVersion,
      hasConflict: deps.conflicts.openCount('article', id) > 0,
      updatedBy,
    },
  );
  if (r === 'created') events.set(id, { type: 'article.created', id, origin });
  else if (r === 'updated' && !events.has(id))
    events.set(id, { type: 'article.updated', id, origin });
}

/** An image's visible state: the pulled server state plus this profile's pending edits. */
function rebaseImageRow(
  deps: ApplyDeps,
  id: string,
  events: Map<string, CoreEvent>,
  origin: ChangeOrigin,
): void {
  const base = deps.store.getBase('image', id);
  if (!base) return;
  const data = base.data as ImageState;
  const visible = rebaseImage(data, deps.outbox.forEntity('image', id), {
    actor: deps.actor,
    now: deps.now(),
  });
  if (!visible) return;
  const r = deps.images.putSynced(visible, data.version);
  const key = `image:${id}`;
  if (r === 'created') events.set(key, { type: 'image.created', id, origin });
  else if (r === 'updated') events.set(key, { type: 'image.updated', id, origin });
}

/** Access lost: drop the server copy, but never unsynced local edits (they become a conflict). */
function revoke(deps: ApplyDeps, id: string, events: Map<string, CoreEvent>): void {
  const pending = deps.outbox.forEntity('article', id);
  if (pending.length > 0) {
    deps.conflicts.addRevoked(
      'article',
      id,
      pending[pending.length - 1]!.mutationId,
      pending.map((p) => ({ name: p.name, args: p.args })),
      deps.now(),
    );
    return;
  }
  deps.store.deleteBase('article', id);
  deps.articles.removeLocal(id);
  events.set(id, { type: 'article.deleted', id, origin: 'remote' });
}
