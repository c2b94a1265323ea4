/**
 * 0001: the initial schema of the backend database. Kept to SQL that PostgreSQL also accepts
 * (TEXT, BIGINT, INTEGER 0/1 flags), so that postgres/migrations/0001 differs only where the
 * databases must (audit ids).
 */
export const MIGRATION_0001_INITIAL = `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE TABLE sections (
    slug TEXT PRIMARY KEY,
    name TEXT NOT NULL
  );
  CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL
  );
  INSERT INTO counters (name, value) VALUES ('seq', 0);
  CREATE TABLE clients (
    client_id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    last_mutation_id BIGINT NOT NULL,
    last_seen_at TEXT NOT NULL
  );
  CREATE TABLE changes (
    seq BIGINT PRIMARY KEY,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
    version BIGINT NOT NULL,
    changed_fields TEXT NOT NULL,
    actor_user_id TEXT,
    client_id TEXT,
    mutation_id BIGINT,
    scope_id TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX changes_client ON changes(client_id, seq);
  CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    author_id TEXT,
    assignee_id TEXT,
    status TEXT NOT NULL,
    deleted_at TEXT,
    version BIGINT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE TABLE images (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    created_by TEXT,
    version BIGINT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE TABLE comments (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    author_id TEXT NOT NULL,
    version BIGINT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX comments_article ON comments(article_id);
  CREATE TABLE revisions (
    article_id TEXT NOT NULL,
    body_version BIGINT NOT NULL,
    body TEXT NOT NULL,
    author_id TEXT,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (article_id, body_version)
  );
  CREATE TABLE conflict_records (
    id TEXT PRIMARY KEY,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    field TEXT NOT NULL,
    base TEXT NOT NULL,
    theirs TEXT NOT NULL,
    mine TEXT NOT NULL,
    region TEXT,
    user_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    mutation_id BIGINT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX conflict_records_entity ON conflict_records(entity_type, entity_id);
  CREATE TABLE rejected_mutations (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    mutation_id BIGINT NOT NULL,
    user_id TEXT NOT NULL,
    name TEXT NOT NULL,
    args TEXT NOT NULL,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    missing TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX rejected_client ON rejected_mutations(client_id, mutation_id);
  CREATE TABLE audit_events (
    id BIGINT PRIMARY KEY,
    user_id TEXT,
    action TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    detail TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size BIGINT NOT NULL,
    mime TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE published (
    article_id TEXT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL CHECK (state IN ('live', 'gone')),
    section_slug TEXT,
    snapshot TEXT NOT NULL,
    published_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX published_order ON published(state, published_at);
  CREATE TABLE published_tags (
    article_id TEXT NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (article_id, tag)
  );
  CREATE TABLE published_images (
    article_id TEXT NOT NULL,
    image_id TEXT NOT NULL,
    PRIMARY KEY (article_id, image_id)
  );
  CREATE INDEX published_images_image ON published_images(image_id);
  `;
