/**
 * 0009 (0008 on SQLite): articles gained `fieldSuggestions`, the open suggestions on kicker,
 * headline and teaser (suggestion mode); articles stored before get an empty list.
 */
export const PG_MIGRATION_0009_FIELD_SUGGESTIONS = `
  UPDATE articles
     SET data = (data::jsonb || jsonb_build_object('fieldSuggestions', '[]'::jsonb))::text
   WHERE NOT (data::jsonb ? 'fieldSuggestions');
`;
