/**
 * 0007 (0006 on SQLite): articles gained `metaDescription` ('' = the teaser) and `socialImageId`
 * (null = the lead image); articles stored before get both unset, values already there win.
 * `slug_redirects` keeps the addresses a correction renamed away from (answered with 301).
 */
export const PG_MIGRATION_0007_ARTICLE_SEO = `
  UPDATE articles
     SET data = (jsonb_build_object('metaDescription', '', 'socialImageId', NULL) || data::jsonb)::text;
  CREATE TABLE slug_redirects (
    slug TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX slug_redirects_article ON slug_redirects(article_id);
`;
