/**
 * The desk's own consecutive body saves of one article (docs/sync.md, "Consecutive body saves").
 *
 * The desk assigns no versions, so a body saved while an earlier body save of the same article is
 * on its way names the same server base (`baseBodyVersion`) as that one, though it was written on
 * top of it. Merged against that base, the desk's two saves of one paragraph would look like two
 * people's edits of it: a conflict that keeps the first. So such a save is not pushed until a pull
 * has acknowledged the earlier one (`waitsForOwnBody`), and that pull moves it onto the
 * acknowledged server state (`moveOntoAcknowledged`): its base becomes the pulled body version,
 * merged three-way against the body the desk itself sent — its real ancestor.
 */
import type { BodyJson } from '../../../src-shared/model';
import { blockContentKey, mergeBodies } from '../../../src-shared/merge';
import type { ArticleState } from '../../../src-shared/mutations';
import type { OutboxEntry, OutboxRepository } from '../store/outbox';

export interface AcknowledgedBody {
  /** The server base that save named. */
  baseBodyVersion: number;
  /** The body the desk sent. */
  body: BodyJson;
}

/**
 * Per article, the last body save a pull acknowledges (up to `lastMutationId`), read before the
 * outbox is trimmed. Rejected saves are left out: the server did not take their body.
 */
export function acknowledgedBodies(
  outbox: Pick<OutboxRepository, 'bodiesThrough'>,
  lastMutationId: number,
  rejected: ReadonlySet<number>,
): Map<string, AcknowledgedBody> {
  const out = new Map<string, AcknowledgedBody>();
  for (const r of outbox.bodiesThrough(lastMutationId)) {
    if (rejected.has(r.mutationId)) out.delete(r.entityId);
    else out.set(r.entityId, { baseBodyVersion: r.args.baseBodyVersion, body: r.args.body });
  }
  return out;
}

/**
 * Moves the article's pending body saves that were written on top of `acked` (same base) onto the
 * pulled server state. A save whose merge with the server body would conflict is left as it
 * is (the server merges it against the old base, as before).
 */
export function moveOntoAcknowledged(
  outbox: Pick<OutboxRepository, 'forEntity' | 'rewritePending'>,
  acked: AcknowledgedBody,
  server: Pick<ArticleState, 'id' | 'bodyVersion' | 'body'>,
): void {
  for (const p of outbox.forEntity('article', server.id)) {
    if (p.name !== 'article.setBody' || p.state !== 'pending') continue;
    if (p.args.baseBodyVersion !== acked.baseBodyVersion) continue;
    if (server.bodyVersion === acked.baseBodyVersion) continue;
    let body = p.args.body;
    // Nobody else changed the body: the save goes on as written, only its base moves.
    if (!sameContent(server.body, acked.body)) {
      const merged = mergeBodies(acked.body, p.args.body, server.body);
      if (merged.conflicts.length > 0) continue;
      body = merged.body;
    }
    outbox.rewritePending(p.mutationId, 'article.setBody', {
      ...p.args,
      baseBodyVersion: server.bodyVersion,
      body,
    });
  }
}

/** Same blocks in the same order, compared as the merge compares them (without Lexical defaults). */
function sameContent(a: BodyJson, b: BodyJson): boolean {
  const x = a.root.children;
  const y = b.root.children;
  return (
    x.length === y.length && x.every((block, i) => blockContentKey(block) === blockContentKey(y[i]))
  );
}

/** Per article and base, the first body save with that base that went out (its mutation id). */
export type SentBodies = Map<string, Map<number, number>>;

/**
 * Whether the pusher must hold `row` back: it is a body save named on the same base as an earlier
 * body save of the article that went out and was not acknowledged yet. (A row re-sent after a
 * mutation gap is not held back by itself.)
 */
export function waitsForOwnBody(row: OutboxEntry, sent: SentBodies): boolean {
  if (row.name !== 'article.setBody') return false;
  const first = sent.get(row.entityId)?.get(row.args.baseBodyVersion);
  return first !== undefined && first < row.mutationId;
}

/** Notes a body save that goes out (for `waitsForOwnBody`). */
export function noteSentBody(row: OutboxEntry, sent: SentBodies): void {
  if (row.name !== 'article.setBody') return;
  const bases = sent.get(row.entityId) ?? new Map<number, number>();
  const first = bases.get(row.args.baseBodyVersion);
  if (first === undefined || row.mutationId < first)
    bases.set(row.args.baseBodyVersion, row.mutationId);
  sent.set(row.entityId, bases);
}
