/**
 * Schema 13: who added an image (the server's user id, as in the synced image state), so the
 * desk can tell whether the signed-in editor may change its details (`mayEditImage`). Images
 * stored before are unknown (NULL) until a pull brings them again; the desk then lets the
 * server decide, as before.
 */
export const sql = /* sql */ `
ALTER TABLE images ADD COLUMN created_by TEXT;
`;
