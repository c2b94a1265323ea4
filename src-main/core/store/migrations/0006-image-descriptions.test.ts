import { afterEach, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './index';

let db: Database.Database | undefined;
afterEach(() => db?.close());

it('0006-image-descriptions adds images.headline and images.extended_description, keeping rows', () => {
  db = new Database(':memory:');
  for (const m of MIGRATIONS.filter((x) => x.version <= 5)) db.exec(m.sql);
  db.prepare(
    `INSERT INTO blobs (sha256, path, size, upload_state, created_at)
     VALUES ('${'a'.repeat(64)}', 'blobs/a', 10, 'uploaded', 'now')`,
  ).run();
  db.prepare(
    `INSERT INTO images (id, sha256, mime, width, height, byte_size, credit, alt, created_at, updated_at)
     VALUES ('i1', '${'a'.repeat(64)}', 'image/jpeg', 4, 3, 10, 'dpa', 'Ein Hafen', 'now', 'now')`,
  ).run();
  const m6 = MIGRATIONS.find((x) => x.version === 6);
  expect(m6?.name).toBe('image-descriptions');
  db.exec(m6!.sql);
  const cols = db.prepare('PRAGMA table_info(images)').all() as {
    name: string;
    notnull: number;
    dflt_value: unknown;
  }[];
  for (const name of ['headline', 'extended_description']) {
    expect(cols.find((c) => c.name === name)).toMatchObject({ notnull: 1, dflt_value: "''" });
  }
  // The existing image keeps its metadata and has neither description yet.
  expect(
    db.prepare('SELECT id, credit, alt, headline, extended_description FROM images').all(),
  ).toEqual([
    { id: 'i1', credit: 'dpa', alt: 'Ein Hafen', headline: '', extended_description: '' },
  ]);
});
