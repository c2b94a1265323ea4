/**
 * Schema 3: what the sync engine keeps beside the visible state (docs/sync.md).
 *
 * - sync_base: the last server-acknowledged state of each entity (the rebase and merge base).
 * - base_bodies: older server bodies a pending article.setBody still names as its merge base.
 * - conflicts: field conflicts, body conflict regions and rejected mutations, kept until a person
 *   resolves them ("keep mine" / "keep theirs"); nothing the user wrote is dropped.
 * - articles.server_body_version: the body version the next local setBody is based on.
 * - outbox.origin: why a row was written ('user', or 'auto_restore' for an edit re-sent after a
 *   concurrent delete), so an automatic retry never loops.
 */
export const sql = /* sql */ `
CREATE TABLE sync_base (
  entity_type    TEXT NOT NULL,
  entity_id      TEXT NOT NULL,
  server_version INTEGER NOT NULL,
  body_version   INTEGER,
  data_json      TEXT NOT NULL,
  PRIMARY KEY (entity_type, entity_id)
) WITHOUT ROWID;

CREATE TABLE base_bodies (
  article_id   TEXT NOT NULL,
  body_version INTEGER NOT NULL,
  body_json    TEXT NOT NULL,
  PRIMARY KEY (article_id, body_version)
) WITHOUT ROWID;

CREATE TABLE conflicts (
  id                 TEXT PRIMARY KEY,
  entity_type        TEXT NOT NULL,
  entity_id          TEXT NOT NULL,
  kind               TEXT NOT NULL CHECK (kind IN ('field','body','rejected','revoked')),
  field              TEXT NOT NULL DEFAULT '',
  base_json          TEXT,
  mine_json          TEXT,
  theirs_json        TEXT,
  region_json        TEXT,
  mutation_name      TEXT,
  mutation_id        INTEGER,
  code               TEXT,
  reason             TEXT,
  server_conflict_id TEXT UNIQUE,
  created_at         TEXT NOT NULL,
  resolved_at        TEXT,
  resolution         TEXT CHECK (resolution IN ('mine','theirs','auto'))
);
CREATE INDEX conflicts_open ON conflicts (resolved_at, entity_type, entity_id);

ALTER TABLE articles ADD COLUMN server_body_version INTEGER;
ALTER TABLE articles ADD COLUMN has_conflict INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN origin TEXT NOT NULL DEFAULT 'user';
`;
