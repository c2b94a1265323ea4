/**
 * 0010 (PostgreSQL only): feed positions from a sequence instead of the counter row that every
 * writer locked until COMMIT, and each change row carries the id of the transaction that wrote
 * it (`txid`), so that a pull can stop at the oldest still-running writer (postgres/feed.ts).
 * The sequence starts above every position handed out so far (the counter, or a higher copied
 * row), so a moved newsroom keeps its positions. Rows written before get txid 0: older than any
 * transaction, always readable, in their old order.
 */
export const PG_MIGRATION_0010_FEED_SEQUENCE = `
  CREATE SEQUENCE changes_seq AS BIGINT;
  SELECT setval('changes_seq',
    GREATEST((SELECT value FROM counters WHERE name = 'seq'), (SELECT MAX(seq) FROM changes), 0) + 1,
    false);
  ALTER TABLE changes ADD COLUMN txid xid8 NOT NULL DEFAULT '0';
  ALTER TABLE changes ALTER COLUMN txid SET DEFAULT pg_current_xact_id();
  CREATE INDEX changes_feed ON changes (txid, seq);
`;
