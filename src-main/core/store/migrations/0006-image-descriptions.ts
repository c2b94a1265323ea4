/**
 * Schema 6: two more descriptions of an image, as IPTC names them.
 *
 * - images.headline: a short synopsis (IPTC Headline).
 * - images.extended_description: the long text description for readers who cannot see the
 *   picture (IPTC Extended Description); `alt` stays the short alternative text.
 *
 * Both are '' (not set) for images recorded before.
 */
export const sql = /* sql */ `
ALTER TABLE images ADD COLUMN headline TEXT NOT NULL DEFAULT '';
ALTER TABLE images ADD COLUMN extended_description TEXT NOT NULL DEFAULT '';
`;
