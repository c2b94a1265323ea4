/**
 * 0004: the newsroom dictionary, one row per word (removed words stay as tombstones so the
 * removal reaches every desk through the pull).
 */
export const MIGRATION_0004_DICTIONARY = `
  CREATE TABLE dictionary_words (
    word TEXT PRIMARY KEY,
    version BIGINT NOT NULL,
    data TEXT NOT NULL
  );
  `;
