/**
 * The schema of the PostgreSQL backend database as numbered migrations, numbered like the SQLite
 * ones (the same version means the same tables). Never edit a released migration; add the next.
 */
import { PG_MIGRATION_0001_INITIAL } from './0001_initial';
import { PG_MIGRATION_0002_AUDIT_INDEX } from './0002_audit_index';

export const PG_MIGRATIONS: readonly string[] = [
  PG_MIGRATION_0001_INITIAL,
  PG_MIGRATION_0002_AUDIT_INDEX,
];
