import { sql as init } from './0001-init';
import { sql as images } from './0002-images';
import { sql as sync } from './0003-sync';
import { sql as comments } from './0004-comments';
import { sql as updatedBy } from './0005-updated-by';
import { sql as imageDescriptions } from './0006-image-descriptions';
import { sql as dictionary } from './0007-dictionary';
import { sql as schedule } from './0008-schedule';
import { sql as articleSeo } from './0009-article-seo';
import { sql as trashViews } from './0010-trash-views';
import { sql as revisionAuthors } from './0011-revision-authors';
import { sql as fieldSuggestions } from './0012-field-suggestions';
import { sql as imageCreatedBy } from './0013-image-created-by';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Numbered, append-only. A released migration is never edited; a change is a new number. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'init', sql: init },
  { version: 2, name: 'images', sql: images },
  { version: 3, name: 'sync', sql: sync },
  { version: 4, name: 'comments', sql: comments },
  { version: 5, name: 'updated-by', sql: updatedBy },
  { version: 6, name: 'image-descriptions', sql: imageDescriptions },
  { version: 7, name: 'dictionary', sql: dictionary },
  { version: 8, name: 'schedule', sql: schedule },
  { version: 9, name: 'article-seo', sql: articleSeo },
  { version: 10, name: 'trash-views', sql: trashViews },
  { version: 11, name: 'revision-authors', sql: revisionAuthors },
  { version: 12, name: 'field-suggestions', sql: fieldSuggestions },
  { version: 13, name: 'image-created-by', sql: imageCreatedBy },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
