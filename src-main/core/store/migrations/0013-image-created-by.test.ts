import { afterEach, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './index';

let db: Database.Database | undefined;
afterEach(() => db?.close());

it('0013-image-created-by keeps stored images, with no known creator', () => {
  db = new Database(':memory:');
  for (const m of MIGRATIONS.filter((x) => x.version < 13)) db.exec(m.sql);
  const sha = 'a'.repeat(64);
  db.prepare(
    `INSERT INTO blobs (sha256, path, size, created_at) VALUES ('${sha}', 'blobs/aa/x', 100, 'now')`,
  ).run();
  db.prepare(
    `INSERT INTO images (id, sha256, mime, width, height, file_name, byte_size, credit,
       created_at, updated_at)
     VALUES ('i', '${sha}', 'image/jpeg', 10, 10, 'a.jpg', 100, 'LWL', 'now', 'now')`,
  ).run();
  const m13 = MIGRATIONS.find((x) => x.version === 13);
  expect(m13?.name).toBe('image-created-by');
  db.exec(m13!.sql);
  expect(db.prepare('SELECT credit, created_by FROM images').get()).toEqual({
    credit: 'LWL',
    created_by: null,
  });
  db.prepare("UPDATE images SET created_by = 'u1' WHERE id = 'i'").run();
  expect(db.prepare('SELECT created_by FROM images').get()).toEqual({ created_by: 'u1' });
});
