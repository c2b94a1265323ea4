/**
 * One module writes each table of the desk's database: every INSERT, UPDATE, DELETE or REPLACE
 * in the desk core's source names a table, and each table is written from its owner only
 * (the owners are listed in docs/data-model.md). Migrations create the tables and are left out.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const core = join(root, 'src-main', 'core');

const OWNERS: Record<string, string> = {
  articles: 'store/articles.ts',
  revisions: 'store/articles.ts',
  articles_fts: 'store/articles.ts',
  article_tags: 'store/tags.ts',
  tags: 'store/tags.ts',
  sections: 'store/sections.ts',
  settings: 'store/settings.ts',
  images: 'store/images.ts',
  blobs: 'store/blobs.ts',
  comments: 'store/comments.ts',
  notices: 'store/notices.ts',
  dictionary_words: 'store/dictionary.ts',
  outbox: 'store/outbox.ts',
  // the outbox's own AUTOINCREMENT counter
  sqlite_sequence: 'store/outbox.ts',
  sync_state: 'sync/store.ts',
  sync_base: 'sync/store.ts',
  base_bodies: 'sync/store.ts',
  conflicts: 'sync/conflicts.ts',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'migrations' ? [] : sourceFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

const WRITE =
  /\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+([a-z_]+)\b/g;

/** Every (table, file) pair a write statement in the desk core names. */
function writes(): { table: string; file: string }[] {
  const out: { table: string; file: string }[] = [];
  for (const path of sourceFiles(core)) {
    const file = relative(core, path).split('\\').join('/');
    for (const m of readFileSync(path, 'utf8').matchAll(WRITE)) out.push({ table: m[1]!, file });
  }
  return out;
}

describe('table owners', () => {
  it('finds the write statements (the scan sees the code)', () => {
    const tables = new Set(writes().map((w) => w.table));
    for (const t of ['articles', 'images', 'blobs', 'outbox', 'conflicts', 'dictionary_words'])
      expect(tables).toContain(t);
  });

  it('each table is written by its owner only', () => {
    const foreign = writes().filter(
      (w) => OWNERS[w.table] !== undefined && OWNERS[w.table] !== w.file,
    );
    expect(foreign).toEqual([]);
  });

  it('every table written has an owner', () => {
    const unknown = [...new Set(writes().map((w) => w.table))].filter((t) => !(t in OWNERS));
    expect(unknown).toEqual([]);
  });
});
