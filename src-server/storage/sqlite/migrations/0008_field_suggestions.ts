/**
 * 0008 (0009 on PostgreSQL): articles gained `fieldSuggestions`, the open suggestions on kicker,
 * headline and teaser (suggestion mode); articles stored before get an empty list.
 */
export const MIGRATION_0008_FIELD_SUGGESTIONS = `
  UPDATE articles SET data = json_set(data, '$.fieldSuggestions', json('[]'))
   WHERE json_extract(data, '$.fieldSuggestions') IS NULL;
  `;
