/**
 * Schema 2: images and the content-addressed blobs that hold their bytes (docs/sync.md).
 * A blob row exists once per sha256; an image row describes one imported picture.
 */
export const sql = /* sql */ `
CREATE TABLE blobs (
  sha256       TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  path         TEXT NOT NULL,          -- relative to the profile folder: blobs/<aa>/<sha256>
  size         INTEGER NOT NULL CHECK (size > 0),
  -- pending: only here, must upload before image.create is pushed; inflight: uploading;
  -- uploaded: the server has it; remote: known from the server, not downloaded yet.
  upload_state TEXT NOT NULL DEFAULT 'pending'
               CHECK (upload_state IN ('pending','inflight','uploaded','remote')),
  created_at   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX blobs_by_state ON blobs (upload_state);

CREATE TABLE images (
  id              TEXT PRIMARY KEY,
  sha256          TEXT NOT NULL UNIQUE REFERENCES blobs (sha256),
  mime            TEXT NOT NULL CHECK (mime IN ('image/jpeg','image/png','image/webp')),
  width           INTEGER NOT NULL CHECK (width > 0),
  height          INTEGER NOT NULL CHECK (height > 0),
  file_name       TEXT NOT NULL DEFAULT '',
  byte_size       INTEGER NOT NULL CHECK (byte_size > 0),
  credit          TEXT NOT NULL DEFAULT '',
  creator         TEXT NOT NULL DEFAULT '',
  copyright       TEXT NOT NULL DEFAULT '',
  source          TEXT NOT NULL DEFAULT '',
  licence         TEXT NOT NULL DEFAULT '',
  licence_expires TEXT,                  -- YYYY-MM-DD
  caption         TEXT NOT NULL DEFAULT '',
  alt             TEXT NOT NULL DEFAULT '',
  keywords_json   TEXT NOT NULL DEFAULT '[]',
  search_text     TEXT NOT NULL DEFAULT '', -- caption, credit, creator: lowercased, diacritics folded
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted_at      TEXT,
  server_version  INTEGER
);
CREATE INDEX images_live_created ON images (deleted_at, created_at DESC, id);
`;
