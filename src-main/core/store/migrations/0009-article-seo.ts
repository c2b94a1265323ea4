/**
 * Schema 9: per article, the description search engines show ('' = the teaser) and the image
 * shared on social networks (NULL = the lead image).
 */
export const sql = /* sql */ `
ALTER TABLE articles ADD COLUMN meta_description TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN social_image_id TEXT;
`;
