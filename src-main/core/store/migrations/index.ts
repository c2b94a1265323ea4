import { sql as init } from './0001-init';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Numbered, append-only. A released migration is never edited; a change is a new number. */
export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'init', sql: init }];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
