/**
 * The change feed on PostgreSQL, with writers that do not take turns (issue #12, points 3 and 7).
 *
 * Positions come from a sequence (`changes_seq`), taken whenever a writer asks, so they are not
 * in commit order: a writer can take 10, another 11 and commit first. Each change row therefore
 * carries the id of the transaction that wrote it (`txid`, pg_current_xact_id(), by default), and
 * the feed is read in (txid, seq) order, only as far as the oldest transaction still running in
 * the reader's snapshot (`pg_snapshot_xmin`). Every transaction older than that has ended, and
 * every transaction that commits later has a txid at or above it, so it sorts after everything a
 * pull returned: no committed change can appear behind a cursor. (Cutting the feed at the xmin
 * but reading it in seq order would not do: a writer whose txid is older can take a position
 * after a younger writer's and commit first.) The cursor stays a position: the reader looks up
 * the txid of the row at the cursor. Rows from before the sequence (migration 0010, or copied
 * from SQLite) have txid 0 and keep their order.
 *
 * Committed changes behind a running writer are held back, and the read says up to which txid
 * (`heldBack`), so that a pull can wait until they pass (sync/pull.ts).
 *
 * What the counter row's lock also gave: no two instances updated one row from the same old
 * state. Jobs now lock what they read and then write (`lockForWrite`: the client row and the
 * entity) with transaction-scoped advisory locks, which also cover rows that do not exist yet,
 * before reading them. A job's first position is asked for in the same message, right after its
 * locks (so it is above the position of whoever wrote the entity before: versions rise), and
 * costs no round trip of its own.
 */
import { inlineSql, type PgRunner } from './runner';
import { num, type Row } from '../sql/runner';
import { toChange } from '../sql/feed';
import { RAW_ARTICLE, toRawArticle } from '../sql/entities';
import type { FeedRead, FeedStore, RawArticleRow } from '../types';

const NEXT_SEQ = "SELECT nextval('changes_seq') AS seq";
const LOCK_KEY = 'SELECT pg_advisory_xact_lock(hashtextextended(?, 0))';
/** The txid of the row at a cursor (0 before the first row, or for rows from before 0010). */
const CURSOR_TXID = "COALESCE((SELECT txid FROM changes WHERE seq = ?), '0'::xid8)";
const HORIZON = 'pg_snapshot_xmin(pg_current_snapshot())';

const FEED_RANGE = `(c.txid, c.seq) > (${CURSOR_TXID}, ?) AND c.txid < ${HORIZON}
  ORDER BY c.txid, c.seq LIMIT ?`;
const READ_FEED = `SELECT c.*, u.username AS actor_username FROM changes c
  LEFT JOIN users u ON u.id = c.actor_user_id
  WHERE ${FEED_RANGE}`;
/**
 * The articles the same feed read names (same snapshot: the read transaction is REPEATABLE READ),
 * so that the pull has them without a message of its own.
 */
const FEED_ARTICLES = `${RAW_ARTICLE} WHERE id IN (SELECT f.entity_id FROM
  (SELECT c.entity_type, c.entity_id FROM changes c WHERE ${FEED_RANGE}) f
  WHERE f.entity_type = 'article')`;
const HELD_BACK = `SELECT ${HORIZON}::text AS horizon,
  (SELECT txid::text FROM changes WHERE txid >= ${HORIZON} ORDER BY txid DESC LIMIT 1) AS held`;
const LAST_MUTATION_UP_TO = `SELECT MAX(mutation_id) AS m FROM changes
  WHERE client_id = ? AND (txid, seq) <= (${CURSOR_TXID}, ?)`;

export type PgFeed = Pick<
  FeedStore,
  'nextSeq' | 'currentSeq' | 'readFeed' | 'feedHorizon' | 'lockForWrite' | 'lastMutationIdUpTo'
>;

/** The feed methods of one transaction; `startJob` forgets a position asked for by the job before. */
export function pgFeed(runner: PgRunner): PgFeed & { startJob(): void } {
  let prefetched: { rows: Promise<Row[]>; sent: boolean } | undefined;
  const writeOnly = (what: string) => {
    if (!runner.inWriteTransaction()) throw new Error(`${what} outside a write transaction`);
  };
  return {
    startJob() {
      prefetched = undefined;
    },
    lockForWrite(keys) {
      writeOnly('lockForWrite');
      // Sorted, so that two jobs locking the same keys cannot wait for each other.
      for (const key of [...new Set(keys)].sort()) runner.queue(inlineSql(LOCK_KEY, [key]));
      const next = { rows: runner.queueRead(NEXT_SEQ), sent: false };
      next.rows.then(
        () => (next.sent = true),
        () => (next.sent = true),
      );
      prefetched = next;
    },
    async nextSeq() {
      writeOnly('nextSeq');
      const next = prefetched;
      prefetched = undefined;
      if (next) {
        if (!next.sent) await runner.flush();
        return num((await next.rows)[0]?.seq);
      }
      return num((await runner.get(NEXT_SEQ))?.seq);
    },
    async currentSeq() {
      const r = await runner.get('SELECT COALESCE(MAX(seq), 0) AS value FROM changes');
      return num(r?.value);
    },
    async readFeed(cursor, limit): Promise<FeedRead> {
      // One message (with whatever else was asked for in this turn): the rows, what is held
      // back, and the articles the rows name.
      const [rows, held, articleRows] = await Promise.all([
        runner.all(READ_FEED, [cursor, cursor, limit]),
        runner.get(HELD_BACK),
        runner.all(FEED_ARTICLES, [cursor, cursor, limit]),
      ]);
      const upTo = held?.held;
      const articles = new Map<string, RawArticleRow>();
      for (const r of articleRows) articles.set(String(r.id), toRawArticle(r));
      return {
        rows: rows.map(toChange),
        heldBack: typeof upTo === 'string' ? { upTo: BigInt(upTo) } : null,
        horizon: BigInt(String(held?.horizon)),
        articles,
      };
    },
    async feedHorizon() {
      return BigInt(String((await runner.get(`SELECT ${HORIZON}::text AS horizon`))?.horizon));
    },
    async lastMutationIdUpTo(clientId, upToSeq) {
      const r = await runner.get(LAST_MUTATION_UP_TO, [clientId, upToSeq, upToSeq]);
      return r && r.m !== null && r.m !== undefined ? num(r.m) : 0;
    },
  };
}

/**
 * Change rows whose txid lies in the future of this cluster: a database restored from pg_dump
 * into a fresh cluster (transaction ids start again there). Their txids mean nothing here and
 * would hold them back forever, so every row gets txid 0 and the feed is read in position order.
 */
export const FORGET_FOREIGN_TXIDS = `UPDATE changes SET txid = '0'
  WHERE txid <> '0' AND EXISTS (SELECT 1 FROM changes WHERE txid >= pg_snapshot_xmax(pg_current_snapshot()))`;
