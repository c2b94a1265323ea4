/**
 * 0003 (PostgreSQL only): rate-limit counters shared by every instance on the database (failed
 * logins per user name and address, the request cap per session). A SQLite backend is one
 * process and keeps them in memory.
 */
export const PG_MIGRATION_0003_RATE_LIMITS = `
  CREATE TABLE rate_limits (
    key TEXT PRIMARY KEY,
    count BIGINT NOT NULL,
    reset_at BIGINT NOT NULL
  );
`;
