/**
 * 0005: scheduled publication. `articles.scheduled_at` mirrors the article's `scheduledAt` (UTC
 * ISO text, so times compare as text) for the scheduler's query of due articles; NULL: not
 * scheduled. Nothing was scheduled before, so existing rows keep NULL.
 */
export const MIGRATION_0005_SCHEDULE = `
  ALTER TABLE articles ADD COLUMN scheduled_at TEXT;
  CREATE INDEX articles_scheduled ON articles(scheduled_at) WHERE scheduled_at IS NOT NULL;
  `;
