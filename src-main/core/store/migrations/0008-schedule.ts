/**
 * Schema 8: scheduled publication and embargo (UTC ISO text, NULL: none).
 *
 * - articles.scheduled_at: when the server publishes the approved article by itself.
 * - articles.embargo_until: publishing before this time is refused by the server.
 */
export const sql = /* sql */ `
ALTER TABLE articles ADD COLUMN scheduled_at TEXT;
ALTER TABLE articles ADD COLUMN embargo_until TEXT;
`;
