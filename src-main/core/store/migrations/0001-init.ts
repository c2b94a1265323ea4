/** Schema 1: articles with their taxonomy, revisions, settings, full-text index, sync tables. */
export const sql = /* sql */ `
CREATE TABLE sections (
  slug     TEXT PRIMARY KEY,
  name     TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE tags (
  slug TEXT PRIMARY KEY,            -- case-folded key: one tag per name regardless of case
  name TEXT NOT NULL
);

CREATE TABLE articles (
  rowid           INTEGER PRIMARY KEY,   -- stable key for the full-text index
  id              TEXT NOT NULL UNIQUE,
  kicker          TEXT NOT NULL DEFAULT '',
  headline        TEXT NOT NULL DEFAULT '',
  teaser          TEXT NOT NULL DEFAULT '',
  byline          TEXT NOT NULL DEFAULT '',
  section         TEXT,
  slug            TEXT NOT NULL DEFAULT '',
  tags_json       TEXT NOT NULL DEFAULT '[]',
  links_json      TEXT NOT NULL DEFAULT '[]',
  lead_image_json TEXT,
  body_json       TEXT NOT NULL,
  body_text       TEXT NOT NULL DEFAULT '',
  word_count      INTEGER NOT NULL DEFAULT 0,
  status          TEXT NOT NULL DEFAULT 'draft'
                  CHECK (status IN ('draft','in_review','approved','published','unpublished')),
  author_id       TEXT,
  assignee_id     TEXT,
  revision        INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  published_at    TEXT,
  deleted_at      TEXT,
  server_version  INTEGER
);
-- Same order as the list (updated_at DESC, id DESC), so a page at any offset is read from the
-- index alone.
CREATE INDEX articles_live_updated ON articles (deleted_at, updated_at DESC, id DESC);
CREATE INDEX articles_status_updated ON articles (status, updated_at DESC, id DESC);
CREATE INDEX articles_section_updated ON articles (section, updated_at DESC, id DESC);

CREATE TABLE article_tags (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  tag_slug   TEXT NOT NULL REFERENCES tags (slug),
  PRIMARY KEY (article_id, tag_slug)
) WITHOUT ROWID;
CREATE INDEX article_tags_by_tag ON article_tags (tag_slug, article_id);

CREATE TABLE revisions (
  id          TEXT PRIMARY KEY,
  article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  revision    INTEGER NOT NULL,
  reason      TEXT NOT NULL,
  body_json   TEXT NOT NULL,
  fields_json TEXT NOT NULL,
  size        INTEGER NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX revisions_by_article ON revisions (article_id, revision DESC);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE outbox (
  mutation_id  INTEGER PRIMARY KEY AUTOINCREMENT,
  name         TEXT NOT NULL,
  args_json    TEXT NOT NULL,
  entity_type  TEXT NOT NULL,
  entity_id    TEXT NOT NULL,
  base_version INTEGER,
  created_at   TEXT NOT NULL,
  state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','inflight')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  last_error   TEXT
);
CREATE INDEX outbox_by_entity ON outbox (entity_type, entity_id, state);

CREATE TABLE sync_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Contentless: the text lives in articles; the index only maps terms to rowids.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
  kicker, headline, teaser, body, tags,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

INSERT INTO sections (slug, name, position) VALUES
  ('politik', 'Politik', 1),
  ('digitalisierung', 'Digitalisierung', 2),
  ('verwaltung', 'Verwaltung', 3),
  ('wirtschaft', 'Wirtschaft', 4);
`;
