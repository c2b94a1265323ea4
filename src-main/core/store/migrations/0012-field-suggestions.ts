/**
 * Schema 12: per article, its open suggestions on kicker, headline and teaser (a JSON array of
 * `FieldSuggestion`, src-shared/model/article.ts); articles stored before have none.
 */
export const sql = /* sql */ `
ALTER TABLE articles ADD COLUMN field_suggestions_json TEXT NOT NULL DEFAULT '[]';
`;
