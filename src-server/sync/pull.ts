/**
 * GET /api/v1/sync/pull (docs/sync.md). One read transaction (one snapshot) per page:
 * - the changes after the cursor, in commit (seq) order, compressed per entity and carrying the
 *   entity's full current data;
 * - filtered by what the user may read (`mayReadArticle` in src-shared/workflow.ts: editors read
 *   their own and assigned articles and everything published; other roles read all; images are
 *   readable by all; comments only for the article's author and assignee, desk chiefs and admins
 *   (`mayReadComments`), and for whoever wrote them; newsroom dictionary words are readable by all
 *   clients of schemaVersion 2026-12 or later (older ones would refuse them); articles carry
 *   their schedule and embargo only to clients of 2026-12-s or later, for the same reason. An article an editor could see before
 *   (it was published, or its assignee changed) and cannot see now comes as
 *   `op: 'delete', reason: 'revoked'`;
 * - who made each change (`actor`, for clients of schemaVersion 2025-02 or later): the user of
 *   the entity's latest change in the page that came from another client, else of its latest
 *   change (so an echo of this client's own merge still names who it merged with); usernames
 *   come joined with the change rows, no query per change;
 * - conflict records and rejected mutations of the pulling client in the page's range;
 * - lastMutationId that never runs ahead of the page: on the last page the client row's value,
 *   on earlier pages the highest mutation of this client whose change rows all lie at or before
 *   the page's cursor.
 *
 * Articles are the bulk of a page: their stored JSON text goes into the response as it is (no
 * parse, no zod, no re-serialisation; it was written by this server), see pullJson.ts; only
 * clients older than schemaVersion 2026-12-v get them parsed, without the fields they lack and
 * with open suggestions rejected in the body.
 */
import {
  ARTICLE_SEO_FIELDS,
  acceptsArticleSeo,
  acceptsDictionaryWords,
  acceptsFieldSuggestions,
  acceptsPullActor,
  acceptsSchedule,
  acceptsSuggestions,
  acceptsLeadImageAlt,
  type ChangeActor,
  type ConflictRecord,
  type PullQuery,
  type RejectedMutation,
} from '../../src-shared/protocol';
import type { Actor } from '../../src-shared/workflow';
import { withSuggestionsRejected } from '../../src-shared/richtext/suggestions';
import { HttpError } from '../http/errors';
import type { ChangeRow, FeedRead, RawArticleRow, Storage, Tx, UserRow } from '../storage/types';
import { serializePullPage, type PullPage, type PullPageChange } from './pullJson';
import { articleChangeFor, mayReadComment } from './readRules';
import { sleepOnly, type CommitWait } from './commitSignal';

const SCHEDULE_KEYS = ['scheduledAt', 'scheduledBy', 'embargoUntil'];

/**
 * Pauses between reads while changes are held back behind a running writer (PostgreSQL), each cut
 * short when a commit is announced (commitSignal.ts): about 0.4 s in all, then the page goes out
 * as it is (its lastMutationId still honest) and the rest comes with the next pull.
 */
const HELD_BACK_RETRY_MS = [2, 3, 5, 8, 13, 21, 34, 55, 89, 144];
const HELD_BACK_MAX_MS = HELD_BACK_RETRY_MS.reduce((a, b) => a + b, 0);

/** What an older client's parser understands (see the accepts… gates in protocol.ts). */
interface ClientReads {
  schedule: boolean;
  seo: boolean;
  suggestions: boolean;
  leadImageAlt: boolean;
  fieldSuggestions: boolean;
}

/**
 * An article's JSON without what an older client's strict parser refuses: the scheduling keys
 * before 2026-12-s, the description and social image before 2026-12-t, suggestion nodes
 * before 2026-12-v (the body comes as if every open suggestion were rejected), the open field
 * suggestions before 2026-12-x (the fields show their values, as if every one were rejected),
 * and the lead image's own alt text before 2026-12-z.
 */
function withoutNewerKeys(json: string, reads: ClientReads): string {
  const keys = [
    ...(reads.schedule ? [] : SCHEDULE_KEYS),
    ...(reads.seo ? [] : ARTICLE_SEO_FIELDS),
    ...(reads.fieldSuggestions ? [] : ['fieldSuggestions']),
  ];
  const suggestions = !reads.suggestions && json.includes('"suggestion"');
  const leadAlt = !reads.leadImageAlt && json.includes('"alt"');
  if (!suggestions && !leadAlt && !keys.some((k) => json.includes(`"${k}"`))) return json;
  const data = JSON.parse(json) as Record<string, unknown>;
  const versions = data.fieldVersions as Record<string, unknown> | undefined;
  for (const k of keys) {
    delete data[k];
    if (versions) delete versions[k];
  }
  if (suggestions) data.body = withSuggestionsRejected(data.body);
  const lead = data.leadImage as Record<string, unknown> | null | undefined;
  if (leadAlt && lead && 'alt' in lead) data.leadImage = { ...lead, alt: undefined };
  return JSON.stringify(data);
}

export class PullService {
  constructor(
    private readonly storage: Storage,
    private readonly commits: CommitWait = sleepOnly,
  ) {}

  /**
   * One page of the change feed as the JSON text of a PullResponse. On PostgreSQL, changes
   * committed before the pull but behind a writer that is still running are held back
   * (storage/postgres/feed.ts); the pull reads again, briefly, until those writers have ended,
   * so that a desk poked about a change finds it in the answer.
   */
  async pullJson(user: UserRow, q: PullQuery): Promise<string> {
    // A first read that finds changes held back is only checked (client, cursor), not made into
    // a page: the page is read again after the wait anyway.
    const first = await this.storage.read((tx) => this.page(tx, user, q, true));
    if (first.page !== null) return serializePullPage(first.page);
    const waitFor = first.feed.heldBack?.upTo;
    // Only the horizon is asked for while waiting (one light read); the page is read once more.
    // A commit cuts a pause short, but the pauses' sum stays the limit: commits of other writers
    // may come in quick succession while the one held back behind runs on.
    const deadline = performance.now() + HELD_BACK_MAX_MS;
    for (let step = 0; ; step++) {
      const left = deadline - performance.now();
      if (left <= 0) break;
      const pause = HELD_BACK_RETRY_MS[Math.min(step, HELD_BACK_RETRY_MS.length - 1)] as number;
      await this.commits.next(Math.min(pause, left));
      const horizon = await this.storage.read((tx) => tx.feedHorizon());
      if (horizon === null || waitFor === undefined || horizon > waitFor) break;
    }
    const page = (await this.storage.read((tx) => this.page(tx, user, q, false))).page;
    if (page === null) throw new Error('a final pull page was not made');
    return serializePullPage(page);
  }

  /** The page; null when `mayWait` and changes are held back (the caller waits and reads again). */
  private async page(
    tx: Tx,
    user: UserRow,
    q: PullQuery,
    mayWait: boolean,
  ): Promise<{ page: PullPage | null; feed: FeedRead }> {
    // Asked for together: on PostgreSQL they go in one message with BEGIN (postgres/runner.ts),
    // and the feed read brings the articles its rows name, so a page is one message (plus one
    // per comment, image, word, conflict or rejection on it). Same snapshot either way.
    const [client, current, feed] = await Promise.all([
      tx.getClient(q.clientId),
      tx.currentSeq(),
      tx.readFeed(q.cursor, q.limit + 1),
    ]);
    const rows = feed.rows;
    if (client && client.userId !== user.id) {
      throw new HttpError(403, 'client_mismatch', 'This client id belongs to another user.');
    }
    if (q.cursor > current) {
      throw new HttpError(
        410,
        'resync_required',
        `The cursor ${q.cursor} is unknown to this server (latest is ${current}); resync from 0.`,
      );
    }
    if (mayWait && feed.heldBack) return { page: null, feed };
    const hasMore = rows.length > q.limit;
    const page = hasMore ? rows.slice(0, q.limit) : rows;
    const cursor = page.length > 0 ? (page[page.length - 1] as ChangeRow).seq : q.cursor;
    const actor: Actor = { id: user.id, role: user.role };

    const conflicts: ConflictRecord[] = [];
    const rejected: RejectedMutation[] = [];
    const latest = new Map<string, ChangeRow>();
    /** Per entity, its latest change in the page made by another client (for `actor`). */
    const foreign = new Map<string, ChangeRow>();
    for (const row of page) {
      if (row.entityType === 'conflict' || row.entityType === 'rejection') {
        if (row.scopeId !== q.clientId) continue;
        if (row.entityType === 'conflict') {
          const c = await tx.getConflict(row.entityId);
          if (c) {
            conflicts.push({
              id: c.id,
              entityType: c.entityType,
              entityId: c.entityId,
              field: c.field,
              base: c.base,
              theirs: c.theirs,
              mine: c.mine,
              region: c.region,
              mutationId: c.mutationId,
              createdAt: c.createdAt,
            });
          }
        } else {
          const r = await tx.getRejected(row.entityId);
          if (r) {
            const item: RejectedMutation = {
              mutationId: r.mutationId,
              name: r.name,
              args: r.args,
              code: r.code,
              reason: r.reason,
              createdAt: r.createdAt,
            };
            if (r.missing) item.missing = r.missing as RejectedMutation['missing'];
            rejected.push(item);
          }
        }
        continue;
      }
      const key = `${row.entityType}:${row.entityId}`;
      latest.delete(key); // keep the entity at its last position in this page
      latest.set(key, row);
      if (row.clientId !== q.clientId) foreign.set(key, row);
    }
    const withActor = acceptsPullActor(q.schemaVersion);
    const actorOf = (row: ChangeRow): { actor?: ChangeActor | null } => {
      if (!withActor) return {};
      const by = foreign.get(`${row.entityType}:${row.entityId}`) ?? row;
      return {
        actor:
          by.actorUserId !== null && by.actorUsername
            ? { id: by.actorUserId, username: by.actorUsername }
            : null,
      };
    };

    const withWords = acceptsDictionaryWords(q.schemaVersion);
    const reads: ClientReads = {
      schedule: acceptsSchedule(q.schemaVersion),
      seo: acceptsArticleSeo(q.schemaVersion),
      suggestions: acceptsSuggestions(q.schemaVersion),
      leadImageAlt: acceptsLeadImageAlt(q.schemaVersion),
      fieldSuggestions: acceptsFieldSuggestions(q.schemaVersion),
    };
    const readsAll = Object.values(reads).every(Boolean);
    const articleJson = (a: RawArticleRow) => (readsAll ? a.json : withoutNewerKeys(a.json, reads));
    // The page's articles in one statement (a query per article costs a round trip each on
    // PostgreSQL), or none when the store read them with the feed (PostgreSQL: in the feed's
    // message); a comment's article, if not among them, is read on its own.
    const articleIds = [...latest.values()]
      .filter((r) => r.entityType === 'article')
      .map((r) => r.entityId);
    const found = feed.articles ?? (await tx.getArticlesRaw(articleIds));
    const articles = new Map<string, RawArticleRow | undefined>(
      articleIds.map((id) => [id, found.get(id)]),
    );
    const article = async (id: string) => {
      if (!articles.has(id)) articles.set(id, await tx.getArticleRaw(id));
      return articles.get(id);
    };
    const changes: PullPageChange[] = [];
    for (const row of latest.values()) {
      if (row.entityType === 'article') {
        const a = await article(row.entityId);
        if (!a) continue;
        const how = articleChangeFor(a, actor, row.changedFields);
        if (how === 'upsert') {
          changes.push({
            seq: row.seq,
            entity: 'article',
            id: a.id,
            op: 'upsert',
            version: a.version,
            ...actorOf(row),
            json: articleJson(a),
          });
        } else if (how === 'revoke') {
          changes.push({
            seq: row.seq,
            entity: 'article',
            id: a.id,
            op: 'delete',
            version: a.version,
            reason: 'revoked',
          });
        }
      } else if (row.entityType === 'image') {
        const img = await tx.getImage(row.entityId);
        if (img)
          changes.push({
            seq: row.seq,
            entity: 'image',
            id: img.id,
            op: 'upsert',
            version: img.version,
            ...actorOf(row),
            data: img,
          });
      } else if (row.entityType === 'comment') {
        const c = await tx.getComment(row.entityId);
        const a = c ? await article(c.articleId) : undefined;
        if (c && a && mayReadComment(c, a, actor)) {
          changes.push({
            seq: row.seq,
            entity: 'comment',
            id: c.id,
            op: 'upsert',
            version: c.version,
            ...actorOf(row),
            data: c,
          });
        }
      } else if (row.entityType === 'word' && withWords) {
        const w = await tx.getWord(row.entityId);
        if (w) {
          changes.push({
            seq: row.seq,
            entity: 'word',
            id: w.word,
            op: 'upsert',
            version: w.version,
            ...actorOf(row),
            data: w,
          });
        }
      }
    }

    let lastMutationId = client?.lastMutationId ?? 0;
    // Not the last page, or changes held back (their mutations may be this client's): only
    // mutations whose change rows are all in the pages so far count as done.
    if (hasMore || feed.heldBack) {
      const m = await tx.lastMutationIdUpTo(q.clientId, cursor);
      // A mutation with change rows on both sides of the cursor is not complete in this page.
      const split =
        m > 0 && rows.slice(q.limit).some((r) => r.clientId === q.clientId && r.mutationId === m);
      lastMutationId = Math.min(lastMutationId, split ? m - 1 : m);
    }
    return { page: { changes, cursor, hasMore, lastMutationId, conflicts, rejected }, feed };
  }
}
