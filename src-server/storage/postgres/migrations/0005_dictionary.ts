/**
 * 0004: the newsroom dictionary, the same table as SQLite's 0003: one row per word (removed
 * words stay as tombstones so the removal reaches every desk through the pull).
 */
export const PG_MIGRATION_0005_DICTIONARY = `
  CREATE TABLE dictionary_words (
    word TEXT PRIMARY KEY,
    version BIGINT NOT NULL,
    data TEXT NOT NULL
  );
`;
