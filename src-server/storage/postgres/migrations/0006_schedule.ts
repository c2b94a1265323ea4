/**
 * 0006 (0005 on SQLite): scheduled publication. `articles.scheduled_at` mirrors the article's
 * `scheduledAt` (UTC ISO text) for the scheduler's query of due articles; NULL: not scheduled.
 */
export const PG_MIGRATION_0006_SCHEDULE = `
  ALTER TABLE articles ADD COLUMN scheduled_at TEXT;
  CREATE INDEX articles_scheduled ON articles(scheduled_at) WHERE scheduled_at IS NOT NULL;
`;
