/**
 * 0007: users gained a display name ("Anna Berg"), shown to desks instead of the user name;
 * '' means none (desks then show the user name). Existing users get ''.
 */
export const MIGRATION_0007_USER_DISPLAY_NAME = `
  ALTER TABLE users ADD COLUMN display_name TEXT NOT NULL DEFAULT '';
  `;
