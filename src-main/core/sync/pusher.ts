/**
 * Push: sends the outbox to the server in batches, in mutation-id order, with the blobs of new
 * images uploaded first. The server acknowledges through `lastMutationId`; rows leave the outbox
 * only when a pull acknowledges them (see ./apply.ts).
 */
import type { PushMutation } from '../../../src-shared/protocol';
import type { OutboxEntry, OutboxRepository } from '../store/outbox';
import type { BlobTransfer } from './blobs';
import { noteSentBody, waitsForOwnBody, type SentBodies } from './ownBodies';
import { SyncHttpError, type SyncHttp } from './http';
import type { SyncStore } from './store';

export interface PushProgress {
  /** Rows the server acknowledged in this batch. */
  sent(count: number): void;
  /** A queued row that can never sync was taken out (its reason, for the status). */
  unsyncable(reason: string): void;
}

export class Pusher {
  /** The highest mutation id the server acknowledged to a push in this session. */
  pushedThrough = 0;

  constructor(
    private readonly store: SyncStore,
    private readonly outbox: OutboxRepository,
    private readonly blobs: BlobTransfer,
    private readonly batchSize: number,
    private readonly stopped: () => boolean,
  ) {}

  /** Rows written after what was pushed (they go out with the next round). */
  hasUnpushed(): boolean {
    return this.outbox.after(this.pushedThrough, 1).length > 0;
  }

  private deleteBase(r: OutboxEntry & { name: 'article.delete' }): number | 'wait' | null {
    return deleteBaseOf(r, this.outbox, this.store);
  }

  /** Pushes the queue; true when it stopped at a body that waits for its base (see batch). */
  async push(http: SyncHttp, clientId: string, progress: PushProgress): Promise<boolean> {
    let after = Math.max(this.pushedThrough, this.store.getNumber('last_acked_mutation_id'));
    let lastGap = -1;
    // Articles whose create went out (in this push, or in one whose pull has not come yet).
    const created = new Set<string>();
    // Per article, the bases of body saves that went out and no pull acknowledged yet.
    const sentBodies: SentBodies = new Map();
    for (const r of this.outbox.after(0, after)) {
      if (r.mutationId > after) continue;
      if (r.name === 'article.create') created.add(r.entityId);
      noteSentBody(r, sentBodies);
    }
    for (let round = 0; round < 10_000 && !this.stopped(); round++) {
      const { rows: batch, waitsForBase } = this.batch(after, created, sentBodies);
      if (batch.length === 0) return waitsForBase;
      const rows = await this.blobs.upload(http, batch, (reason) => progress.unsyncable(reason));
      if (rows.length === 0) continue; // an unsendable row was taken out: batch again
      const first = rows[0]!.mutationId;
      const last = rows[rows.length - 1]!.mutationId;
      this.outbox.markInflight(first, last);
      let acked: number;
      try {
        acked = (await http.push(clientId, rows.map(toPushMutation))).lastMutationId;
      } catch (e) {
        if (!(e instanceof SyncHttpError) || e.code !== 'mutation_gap') throw e;
        // The server expects lastMutationId + 1: resend from there, if this profile still has it.
        const expected = Number((e.body as { lastMutationId?: unknown }).lastMutationId ?? 0);
        if (
          expected === lastGap ||
          (expected + 1 < first && this.outbox.row(expected + 1) === null)
        ) {
          throw new SyncHttpError(
            `The server has mutations up to ${expected} from this profile, which cannot continue from there ` +
              '(was it restored from a backup?). Sign in again to register it as a new client.',
            false,
            409,
            'mutation_gap',
          );
        }
        lastGap = expected;
        after = expected;
        continue;
      }
      after = acked;
      this.pushedThrough = acked;
      progress.sent(rows.length);
      if (acked < last) return false; // the server stopped early; the pull tells us why
      if (waitsForBase) return true;
    }
    return false;
  }

  /**
   * The next push batch. It stops before a setBody written against an article the server had
   * not versioned yet (base 0) while that article's create goes out in this push: the pull after
   * the push supplies the real base (`waitsForBase`). Likewise a delete of an article this desk
   * created offline: it goes out once its own earlier changes are acknowledged, with the version
   * they produced as its base (sent with base 0 it would be refused as "edited since"). And a body
   * saved on top of a body save of the same article that went out unacknowledged: the pull moves
   * it onto the acknowledged state (./ownBodies.ts).
   */
  private batch(
    after: number,
    created: Set<string>,
    sentBodies: SentBodies,
  ): { rows: OutboxEntry[]; waitsForBase: boolean } {
    const rows = this.outbox.after(after, this.batchSize);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (r.name === 'article.create') created.add(r.entityId);
      if (r.name === 'article.setBody' && r.args.baseBodyVersion === 0 && created.has(r.entityId)) {
        return { rows: rows.slice(0, i), waitsForBase: true };
      }
      if (waitsForOwnBody(r, sentBodies)) return { rows: rows.slice(0, i), waitsForBase: true };
      noteSentBody(r, sentBodies);
      if (r.name === 'article.delete' && r.args.baseVersion === 0) {
        const base = this.deleteBase(r);
        if (base === 'wait') return { rows: rows.slice(0, i), waitsForBase: true };
        if (base === null) continue; // never reached the server: it will say so
        const args = { ...r.args, baseVersion: base };
        this.outbox.rewritePending(r.mutationId, 'article.delete', args);
        rows[i] = { ...r, args };
      }
    }
    return { rows, waitsForBase: false };
  }
}

/**
 * The base of a delete written before the server knew the article: the server version after
 * this desk's own earlier changes of it — 'wait' while some are not acknowledged yet, null if
 * the server never had the article.
 */
function deleteBaseOf(
  r: OutboxEntry & { name: 'article.delete' },
  outbox: OutboxRepository,
  store: SyncStore,
): number | 'wait' | null {
  if (outbox.forEntity('article', r.entityId).some((p) => p.mutationId < r.mutationId))
    return 'wait';
  return store.getBase('article', r.entityId)?.serverVersion ?? null;
}

function toPushMutation(r: OutboxEntry): PushMutation {
  return { id: r.mutationId, name: r.name, args: r.args };
}
