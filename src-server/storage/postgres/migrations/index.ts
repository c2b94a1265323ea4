/**
 * The schema of the PostgreSQL backend database as numbered migrations. 0001 and 0002 create the
 * same tables as the SQLite ones; 0003 adds what only several instances need; 0004, 0005 and 0006 are
 * SQLite's 0003 (image descriptions), 0004 (the newsroom dictionary) and 0005 (scheduling); from
 * 0007 to 0009, PostgreSQL's N is SQLite's N-1; 0010 (the feed sequence) is PostgreSQL's own. Never edit a released
 * migration; add the next.
 */
import { PG_MIGRATION_0001_INITIAL } from './0001_initial';
import { PG_MIGRATION_0002_AUDIT_INDEX } from './0002_audit_index';
import { PG_MIGRATION_0003_RATE_LIMITS } from './0003_rate_limits';
import { PG_MIGRATION_0004_IMAGE_DESCRIPTIONS } from './0004_image_descriptions';
import { PG_MIGRATION_0005_DICTIONARY } from './0005_dictionary';
import { PG_MIGRATION_0006_SCHEDULE } from './0006_schedule';
import { PG_MIGRATION_0007_ARTICLE_SEO } from './0007_article_seo';
import { PG_MIGRATION_0008_USER_DISPLAY_NAME } from './0008_user_display_name';
import { PG_MIGRATION_0009_FIELD_SUGGESTIONS } from './0009_field_suggestions';
import { PG_MIGRATION_0010_FEED_SEQUENCE } from './0010_feed_sequence';

export const PG_MIGRATIONS: readonly string[] = [
  PG_MIGRATION_0001_INITIAL,
  PG_MIGRATION_0002_AUDIT_INDEX,
  PG_MIGRATION_0003_RATE_LIMITS,
  PG_MIGRATION_0004_IMAGE_DESCRIPTIONS,
  PG_MIGRATION_0005_DICTIONARY,
  PG_MIGRATION_0006_SCHEDULE,
  PG_MIGRATION_0007_ARTICLE_SEO,
  PG_MIGRATION_0008_USER_DISPLAY_NAME,
  PG_MIGRATION_0009_FIELD_SUGGESTIONS,
  PG_MIGRATION_0010_FEED_SEQUENCE,
];
