/**
 * Schema 11: who made each revision.
 *
 * - revisions.author: the username of the person who saved it (the desk's signed-in user for a
 *   local save, the pulled change's actor for a synced body). NULL for revisions written before
 *   this schema, saves made while signed out and changes the server names no actor for.
 */
export const sql = /* sql */ `
ALTER TABLE revisions ADD COLUMN author TEXT;
`;
