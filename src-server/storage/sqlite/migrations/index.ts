/**
 * The schema of the SQLite backend database as numbered migrations: migration N brings a
 * database from schema version N-1 to N. Never edit a released migration; add the next one.
 */
import { MIGRATION_0001_INITIAL } from './0001_initial';
import { MIGRATION_0002_AUDIT_INDEX } from './0002_audit_index';
import { MIGRATION_0003_IMAGE_DESCRIPTIONS } from './0003_image_descriptions';
import { MIGRATION_0004_DICTIONARY } from './0004_dictionary';
import { MIGRATION_0005_SCHEDULE } from './0005_schedule';
import { MIGRATION_0006_ARTICLE_SEO } from './0006_article_seo';
import { MIGRATION_0007_USER_DISPLAY_NAME } from './0007_user_display_name';
import { MIGRATION_0008_FIELD_SUGGESTIONS } from './0008_field_suggestions';

export const SQLITE_MIGRATIONS: readonly string[] = [
  MIGRATION_0001_INITIAL,
  MIGRATION_0002_AUDIT_INDEX,
  MIGRATION_0003_IMAGE_DESCRIPTIONS,
  MIGRATION_0004_DICTIONARY,
  MIGRATION_0005_SCHEDULE,
  MIGRATION_0006_ARTICLE_SEO,
  MIGRATION_0007_USER_DISPLAY_NAME,
  MIGRATION_0008_FIELD_SUGGESTIONS,
];
