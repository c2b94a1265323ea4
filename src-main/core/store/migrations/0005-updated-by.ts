/**
 * Schema 5: who made the last change a sync brought into an article.
 *
 * - articles.updated_by: the username in the pulled change's `actor` (the editor's
 *   "Updated by <name>" banner). NULL for articles no pull has brought, for changes no user made,
 *   and with servers that do not name the actor. Local edits leave it as it is.
 */
export const sql = /* sql */ `
ALTER TABLE articles ADD COLUMN updated_by TEXT;
`;
