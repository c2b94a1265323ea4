/**
 * Publishes scheduled articles when their time comes, inside the server process, whether or not
 * a desk is online. Each due article is published in its own write transaction through the
 * publish transition a desk chief's "Publish" runs (permission, checklist, embargo, snapshot,
 * feed), on behalf of the chief who scheduled it. The transaction first claims the article
 * (`claimScheduled`), so with several instances on one PostgreSQL exactly one publishes it.
 * A scheduled publication the rules now refuse (the chief lost the role, the checklist broke,
 * an embargo) is taken off the schedule, so it is not retried forever; the timeline says why.
 */
import {
  runMutation,
  MUTATIONS,
  type ArticleState,
  type ArticleTransitionArgs,
  type MutationContext,
} from '../../src-shared/mutations';
import type { ImageState } from '../../src-shared/mutations';
import type { Storage, Tx } from '../storage/types';
import { systemClock, type Clock } from '../clock';
import { applyTransitionEffects } from './transitionEffects';

export interface SchedulerOptions {
  clock?: Clock;
  /** How often to look for due articles (default 5 s; 0: never by itself, tests call runDue). */
  intervalMs?: number;
  log?: (line: string) => void;
}

export type ScheduledOutcome =
  | { id: string; status: 'published' }
  | { id: string; status: 'refused'; code: string; reason: string };

const BATCH = 50;

export class PublishScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<ScheduledOutcome[]> | undefined;
  private readonly clock: Clock;

  constructor(
    private readonly storage: Storage,
    private readonly options: SchedulerOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
  }

  start(): void {
    const every = this.options.intervalMs ?? 5000;
    if (every <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      this.runDue().catch((e: unknown) =>
        this.options.log?.(JSON.stringify({ msg: 'scheduler.failed', error: String(e) })),
      );
    }, every);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Publishes every article due at the clock's now; one run at a time. */
  runDue(): Promise<ScheduledOutcome[]> {
    this.running ??= this.publishDue().finally(() => (this.running = undefined));
    return this.running;
  }

  private async publishDue(): Promise<ScheduledOutcome[]> {
    const out: ScheduledOutcome[] = [];
    for (;;) {
      const now = this.clock.now().toISOString();
      const due = await this.storage.read((tx) => tx.listDueScheduled(now, BATCH));
      for (const id of due) {
        const r = await this.storage.write((tx) => this.publishOne(tx, id, now));
        if (r) out.push(r);
      }
      if (due.length < BATCH) return out;
    }
  }

  private async publishOne(tx: Tx, id: string, now: string): Promise<ScheduledOutcome | null> {
    // The article's lock first, as a push takes it (storage/postgres/feed.ts): the claim then
    // sees what an instance before us committed, and the position comes after it.
    tx.lockForWrite([`article:${id}`]);
    const seq = await tx.nextSeq();
    if (!(await tx.claimScheduled(id, now))) return null; // another instance took it
    const state = await tx.getArticle(id);
    if (!state?.scheduledAt) return null;
    const scheduledBy = state.scheduledBy ?? null;
    const user = scheduledBy ? await tx.getUserById(scheduledBy) : undefined;
    const images = new Map<string, ImageState>();
    const def = MUTATIONS['article.transition'];
    const args: ArticleTransitionArgs = { id, from: 'approved', to: 'published' };
    for (const imageId of def.prefetch(args, state).imageIds ?? []) {
      const img = await tx.getImage(imageId);
      if (img) images.set(imageId, img);
    }
    const ctx: MutationContext = {
      actor: user && !user.disabled ? { id: user.id, role: user.role } : { id: '', role: 'editor' },
      now,
      version: seq,
      getImage: (i) => images.get(i),
      getArticle: () => undefined,
      userExists: () => false,
      baseBody: () => undefined,
    };
    const result = runMutation(def, state, args, ctx);
    const change = (changedFields: string[]) =>
      tx.insertChange({
        seq,
        entityType: 'article',
        entityId: id,
        op: 'upsert',
        version: seq,
        changedFields,
        actorUserId: scheduledBy,
        clientId: null,
        mutationId: null,
        scopeId: null,
        createdAt: now,
      });
    if (!result.ok) {
      const off: ArticleState = {
        ...state,
        scheduledAt: null,
        scheduledBy: null,
        version: seq,
        updatedAt: now,
        fieldVersions: { ...state.fieldVersions, scheduledAt: seq },
      };
      await tx.putArticle(off);
      await tx.insertAudit({
        userId: scheduledBy,
        action: 'article.schedule_failed',
        entityType: 'article',
        entityId: id,
        detail: { scheduledAt: state.scheduledAt, code: result.code, reason: result.reason },
        createdAt: now,
      });
      await change(['scheduledAt']);
      return { id, status: 'refused', code: result.code, reason: result.reason };
    }
    const effects = await applyTransitionEffects(tx, {
      transition: 'publish',
      before: state,
      after: result.state as ArticleState,
      seq,
      userId: scheduledBy,
      now,
      detail: { scheduled: true, scheduledAt: state.scheduledAt },
    });
    await tx.putArticle(effects.article);
    await change([...result.changed, ...effects.changed]);
    return { id, status: 'published' };
  }
}
