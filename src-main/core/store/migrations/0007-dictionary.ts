/**
 * Schema 7: the newsroom dictionary as this desk knows it.
 *
 * - dictionary_words: one row per word. A word added here is kept with server_version NULL
 *   (pending) until a pull brings the server's copy; a word a desk chief removed stays with
 *   removed = 1, so the spelling checker marks it again and the removal is not undone by an
 *   older copy.
 */
export const sql = /* sql */ `
CREATE TABLE dictionary_words (
  word           TEXT PRIMARY KEY,
  added_by       TEXT,
  added_at       TEXT NOT NULL,
  removed        INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
  server_version INTEGER
);
`;
