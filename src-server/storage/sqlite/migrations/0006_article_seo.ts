/**
 * 0006: articles gained `metaDescription` ('' = the teaser) and `socialImageId` (null = the lead
 * image); articles stored before get both unset. `slug_redirects` keeps the addresses a
 * correction renamed away from, so links to them answer 301 with the article's address now.
 */
export const MIGRATION_0006_ARTICLE_SEO = `
  UPDATE articles SET data = json_set(data,
    '$.metaDescription', COALESCE(json_extract(data, '$.metaDescription'), ''),
    '$.socialImageId', json_extract(data, '$.socialImageId'));
  CREATE TABLE slug_redirects (
    slug TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX slug_redirects_article ON slug_redirects(article_id);
  `;
