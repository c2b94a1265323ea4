/**
 * Schema 10: the Trash and the article list's saved views.
 *
 * - articles.deleted_by: who deleted the article (username): the signed-in user for a delete
 *   made here, the pulled change's actor for one made elsewhere. NULL while not deleted, and for
 *   deletions no user is known for (made before signing in, or by an older Copydesk).
 * - articles_view: the saved views filter live articles by status, author and section; with
 *   deleted_at first (IS NULL is an equality for the planner) the index answers a view's first
 *   page in order and its count without reading article rows.
 */
export const sql = /* sql */ `
ALTER TABLE articles ADD COLUMN deleted_by TEXT;
CREATE INDEX articles_view
  ON articles (deleted_at, status, author_id, section, updated_at DESC, id DESC);
`;
