/**
 * POST /api/v1/sync/push (docs/sync.md). Each mutation runs as its own write job (its own
 * SAVEPOINT: a failure rolls back only that mutation). The jobs of one push are queued together,
 * in order, so they share group commits (one durable COMMIT per batch, not per mutation); once
 * one of them stops the push (gap or error) the later ones do nothing. Per mutation:
 * duplicate → skip; gap → stop with 409 and the last applied id; otherwise validate, apply the
 * shared mutator (permission, workflow, merge), write entity, revision, conflict records and
 * change rows, and bump the client's last mutation id. A permanently invalid mutation is stored in
 * rejected_mutations with its full payload and reason, and still bumps the counter.
 */
import { randomUUID } from 'node:crypto';
import type { BodyJson } from '../../src-shared/model';
import {
  parseMutation,
  runMutation,
  type ApplyOk,
  type ArticleSetBodyArgs,
  type ArticleState,
  type CommentState,
  type EntityStates,
  type EntityType,
  type ImageCreateArgs,
  type ImageState,
  type MutationContext,
  type WordState,
} from '../../src-shared/mutations';
import {
  acceptsSuggestions,
  type MutationOutcome,
  type PushMutation,
  type PushRequest,
  type PushResponse,
} from '../../src-shared/protocol';
import { keepSuggestionsOfUnchangedBlocks } from '../../src-shared/merge/oldDeskSuggestions';
import type { Actor } from '../../src-shared/workflow';
import { HttpError } from '../http/errors';
import { systemClock, type Clock } from '../clock';
import { applyTransitionEffects } from '../publish/transitionEffects';
import type { Tx, Storage, UserRow } from '../storage/types';

type EntityState = EntityStates[EntityType];

/** `last`: the client's last applied mutation id after the step. */
type StepResult =
  { kind: 'done'; outcome: MutationOutcome; last: number } | { kind: 'gap'; last: number };

async function loadEntity(tx: Tx, type: EntityType, id: string): Promise<EntityState | null> {
  if (type === 'article') return (await tx.getArticle(id)) ?? null;
  if (type === 'image') return (await tx.getImage(id)) ?? null;
  if (type === 'word') return (await tx.getWord(id)) ?? null;
  return (await tx.getComment(id)) ?? null;
}

async function saveEntity(tx: Tx, type: EntityType, state: EntityState): Promise<void> {
  if (type === 'article') await tx.putArticle(state as ArticleState);
  else if (type === 'image') await tx.putImage(state as ImageState);
  else if (type === 'word') await tx.putWord(state as WordState);
  else await tx.putComment(state as CommentState);
}

export class PushService {
  constructor(
    private readonly storage: Storage,
    private readonly onCommit: () => void = () => undefined,
    private readonly clock: Clock = systemClock,
  ) {}

  async push(user: UserRow, req: PushRequest): Promise<PushResponse> {
    let stopped = false;
    const jobs = req.mutations.map((m) =>
      this.storage.write(async (tx): Promise<StepResult | undefined> => {
        if (stopped) return undefined;
        try {
          const r = await this.step(tx, user, req.clientId, m, req.schemaVersion);
          if (r.kind === 'gap') stopped = true;
          return r;
        } catch (e) {
          stopped = true;
          throw e;
        }
      }),
    );
    const results = await Promise.allSettled(jobs);
    const outcomes: MutationOutcome[] = [];
    let last = 0;
    for (const [i, settled] of results.entries()) {
      const m = req.mutations[i] as PushMutation;
      if (settled.status === 'rejected') throw settled.reason;
      const r = settled.value;
      if (!r) break; // not reached: an earlier job stopped the push
      if (r.kind === 'gap') {
        throw new HttpError(
          409,
          'mutation_gap',
          `Mutation ${m.id} leaves a gap: the last applied mutation of this client is ${r.last}; resend from ${r.last + 1}.`,
          { lastMutationId: r.last, outcomes },
        );
      }
      outcomes.push(r.outcome);
      last = r.last;
    }
    this.onCommit();
    return { lastMutationId: last, outcomes };
  }

  private async step(
    tx: Tx,
    user: UserRow,
    clientId: string,
    m: PushMutation,
    schemaVersion: string | undefined,
  ): Promise<StepResult> {
    const now = this.clock.now().toISOString();
    const parsed = parseMutation(m.name, m.args);
    // What this step reads and then writes, locked before it is read (PostgreSQL: another
    // instance may be writing at the same time; storage/postgres/feed.ts).
    tx.lockForWrite([
      `client:${clientId}`,
      ...(parsed.ok ? [`${parsed.def.entity}:${parsed.entityId}`] : []),
    ]);
    // The client row and the entity in one go (on PostgreSQL one round trip, runner.ts).
    const [found, state] = await Promise.all([
      tx.getClient(clientId),
      parsed.ok ? loadEntity(tx, parsed.def.entity, parsed.entityId) : null,
    ]);
    let client = found;
    if (!client) {
      client = { clientId, userId: user.id, lastMutationId: 0, lastSeenAt: now };
      await tx.insertClient(client);
    } else if (client.userId !== user.id) {
      throw new HttpError(403, 'client_mismatch', 'This client id belongs to another user.');
    }
    if (m.id <= client.lastMutationId) {
      return {
        kind: 'done',
        outcome: { id: m.id, status: 'duplicate' },
        last: client.lastMutationId,
      };
    }
    if (m.id > client.lastMutationId + 1) return { kind: 'gap', last: client.lastMutationId };

    const actor: Actor = { id: user.id, role: user.role, username: user.username };
    const seq = await tx.nextSeq();
    const finish = async (): Promise<void> => tx.setLastMutationId(clientId, m.id, now);

    const reject = async (
      code: string,
      reason: string,
      missing?: unknown[],
    ): Promise<StepResult> => {
      const id = randomUUID();
      await tx.insertRejected({
        id,
        clientId,
        mutationId: m.id,
        userId: user.id,
        name: m.name,
        args: m.args,
        code,
        reason,
        missing: missing ?? null,
        createdAt: now,
      });
      await tx.insertChange({
        seq,
        entityType: 'rejection',
        entityId: id,
        op: 'upsert',
        version: seq,
        changedFields: [],
        actorUserId: user.id,
        clientId,
        mutationId: m.id,
        scopeId: clientId,
        createdAt: now,
      });
      await finish();
      const outcome: MutationOutcome = { id: m.id, status: 'rejected', code, reason };
      if (missing) outcome.missing = missing as MutationOutcome['missing'];
      return { kind: 'done', outcome, last: m.id };
    };

    if (!parsed.ok) return reject('invalid_args', parsed.reason);
    const { def, args, entityId } = parsed;

    // Load what apply will look up, all at once.
    const pre = def.prefetch(args, state, actor);
    const [imageRows, articleRows, userRows, baseBody, recentBodies] = await Promise.all([
      Promise.all((pre.imageIds ?? []).map((id) => tx.getImage(id))),
      Promise.all((pre.articleIds ?? []).map((id) => tx.getArticle(id))),
      Promise.all((pre.userIds ?? []).map((id) => tx.getUserById(id))),
      pre.baseBody
        ? (tx.getRevisionBody(pre.baseBody.articleId, pre.baseBody.bodyVersion) as Promise<
            BodyJson | undefined
          >)
        : undefined,
      pre.recentBodies
        ? tx.recentRevisionBodies(pre.recentBodies.articleId, pre.recentBodies.limit)
        : [],
    ]);
    const images = new Map<string, ImageState>();
    for (const img of imageRows) if (img) images.set(img.id, img);
    const articles = new Map<string, ArticleState>();
    for (const a of articleRows) if (a) articles.set(a.id, a);
    const users = new Set<string>();
    for (const u of userRows) if (u && !u.disabled) users.add(u.id);
    if (def.name === 'image.create' && !state) {
      const sha = (args as ImageCreateArgs).sha256;
      if (!(await tx.getBlob(sha))) {
        // Transient (docs/sync.md): the client uploads the blob first; retry later.
        throw new HttpError(
          503,
          'blob_missing',
          `Blob ${sha} is not uploaded yet; upload it, then push again.`,
          { lastMutationId: client.lastMutationId },
          { 'retry-after': '5' },
        );
      }
    }

    if (def.name === 'article.setBody' && !acceptsSuggestions(schemaVersion)) {
      // The desk got bodies as-rejected (pull.ts); what it did not change keeps its suggestions.
      const a = args as ArticleSetBodyArgs;
      const current = state as ArticleState | null;
      const base = current?.bodyVersion === a.baseBodyVersion ? current.body : baseBody;
      a.body = keepSuggestionsOfUnchangedBlocks(base, a.body);
    }

    const ctx: MutationContext = {
      actor,
      now,
      version: seq,
      getImage: (id) => images.get(id),
      getArticle: (id) => articles.get(id),
      userExists: (id) => users.has(id),
      baseBody: (articleId, bodyVersion) =>
        pre.baseBody?.articleId === articleId && pre.baseBody.bodyVersion === bodyVersion
          ? baseBody
          : undefined,
      recentBodies: (articleId) => (pre.recentBodies?.articleId === articleId ? recentBodies : []),
    };

    let result;
    try {
      result = runMutation(def, state, args, ctx);
    } catch (e) {
      return reject('internal_error', `The server could not apply this mutation: ${String(e)}`);
    }
    if (!result.ok) return reject(result.code, result.reason, result.missing);
    if (result.audit) {
      // A record for the timeline (article.recordSuggestions), even when nothing else changes.
      await tx.insertAudit({
        userId: user.id,
        action: result.audit.action,
        entityType: def.entity,
        entityId,
        detail: result.audit.detail,
        createdAt: now,
      });
    }
    if (result.outcome === 'noop') {
      await finish();
      return { kind: 'done', outcome: { id: m.id, status: 'noop' }, last: m.id };
    }
    const ok: ApplyOk<EntityState> = result;
    let next = ok.state;
    const changed = [...ok.changed];

    // Publication effects of workflow transitions.
    if (def.entity === 'article' && ok.transition) {
      const effects = await applyTransitionEffects(tx, {
        transition: ok.transition,
        before: state as ArticleState | null,
        after: next as ArticleState,
        seq,
        userId: user.id,
        now,
        comment: ok.comment,
      });
      next = effects.article;
      changed.push(...effects.changed);
    }

    await saveEntity(tx, def.entity, next);
    if (ok.bodyWritten && def.entity === 'article') {
      const a = next as ArticleState;
      await tx.insertRevision({
        articleId: a.id,
        bodyVersion: a.bodyVersion,
        body: a.body,
        authorId: user.id,
        reason: m.name,
        createdAt: now,
      });
    }
    await tx.insertChange({
      seq,
      entityType: def.entity,
      entityId,
      op: 'upsert',
      version: seq,
      changedFields: changed,
      actorUserId: user.id,
      clientId,
      mutationId: m.id,
      scopeId: def.entity === 'comment' ? (next as CommentState).articleId : null,
      createdAt: now,
    });
    const conflictIds: string[] = [];
    for (const c of ok.conflicts) {
      const id = randomUUID();
      conflictIds.push(id);
      await tx.insertConflict({
        id,
        entityType: c.entityType,
        entityId: c.entityId,
        field: c.field,
        base: c.base ?? null,
        theirs: c.theirs ?? null,
        mine: c.mine ?? null,
        region: c.region ?? null,
        userId: user.id,
        clientId,
        mutationId: m.id,
        status: 'open',
        createdAt: now,
      });
      const noticeSeq = await tx.nextSeq();
      await tx.insertChange({
        seq: noticeSeq,
        entityType: 'conflict',
        entityId: id,
        op: 'upsert',
        version: noticeSeq,
        changedFields: [],
        actorUserId: user.id,
        clientId,
        mutationId: m.id,
        scopeId: clientId,
        createdAt: now,
      });
    }
    await finish();
    const outcome: MutationOutcome = { id: m.id, status: ok.outcome };
    if (conflictIds.length > 0) outcome.conflictIds = conflictIds;
    return { kind: 'done', outcome, last: m.id };
  }
}
