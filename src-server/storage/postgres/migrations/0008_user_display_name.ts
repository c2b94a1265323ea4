/**
 * 0008 (0007 on SQLite): users gained a display name ("Anna Berg"), shown to desks instead of the
 * user name; '' means none (desks then show the user name). Existing users get ''.
 */
export const PG_MIGRATION_0008_USER_DISPLAY_NAME = `
  ALTER TABLE users ADD COLUMN display_name TEXT NOT NULL DEFAULT '';
`;
