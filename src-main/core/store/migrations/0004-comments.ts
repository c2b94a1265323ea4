/**
 * Schema 4: review comments and in-app notices.
 *
 * - comments: review notes on an article, optionally anchored to a body block. A comment written
 *   here is kept with server_version NULL (pending) until a pull brings the server's copy, which
 *   replaces it (server time, server version).
 * - notices: what a pull told the signed-in author about their articles (changes requested,
 *   approved, published), kept until dismissed so they survive a reload of the window.
 */
export const sql = /* sql */ `
CREATE TABLE comments (
  id             TEXT PRIMARY KEY,
  article_id     TEXT NOT NULL,
  author_id      TEXT,
  block_id       TEXT,
  text           TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  server_version INTEGER
);
CREATE INDEX comments_article ON comments (article_id, created_at);

CREATE TABLE notices (
  id           TEXT PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('changes_requested','approved','published')),
  article_id   TEXT NOT NULL,
  headline     TEXT NOT NULL,
  by_name      TEXT,
  comment      TEXT,
  created_at   TEXT NOT NULL,
  announced    INTEGER NOT NULL DEFAULT 0,
  dismissed_at TEXT
);
CREATE INDEX notices_open ON notices (dismissed_at, created_at);
`;
