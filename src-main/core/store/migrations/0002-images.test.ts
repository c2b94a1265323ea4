import { afterEach, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { sql as init } from './0001-init';
import { sql } from './0002-images';
import { MIGRATIONS } from './index';

let db: Database.Database | undefined;
afterEach(() => db?.close());

const SHA = 'a'.repeat(64);
const NOW = '2026-11-26T18:00:00.000Z';

function open(): Database.Database {
  const d = new Database(':memory:');
  d.pragma('foreign_keys = ON');
  d.exec(init);
  d.exec(sql);
  return d;
}

function insertImage(d: Database.Database, id: string, sha: string, mime = 'image/jpeg'): void {
  d.prepare(
    `INSERT INTO images (id, sha256, mime, width, height, byte_size, created_at, updated_at)
     VALUES (?, ?, ?, 10, 10, 100, ?, ?)`,
  ).run(id, sha, mime, NOW, NOW);
}

it('0002-images is registered as schema 2 after init', () => {
  expect(MIGRATIONS.map((m) => [m.version, m.name]).slice(0, 2)).toEqual([
    [1, 'init'],
    [2, 'images'],
  ]);
});

it('0002-images creates images and blobs: one image per sha256, each backed by a blob', () => {
  db = open();
  db.prepare(
    "INSERT INTO blobs (sha256, path, size, created_at) VALUES (?, 'blobs/aa/x', 100, ?)",
  ).run(SHA, NOW);
  expect(db.prepare('SELECT upload_state FROM blobs').get()).toEqual({ upload_state: 'pending' });
  insertImage(db, 'i1', SHA);
  const row = db.prepare('SELECT * FROM images').get() as Record<string, unknown>;
  expect(row).toMatchObject({ credit: '', caption: '', keywords_json: '[]', deleted_at: null });
  // The same bytes cannot be two images.
  expect(() => insertImage(db!, 'i2', SHA)).toThrow(/UNIQUE/);
  // An image needs its blob row.
  expect(() => insertImage(db!, 'i3', 'b'.repeat(64))).toThrow(/FOREIGN KEY/);
  // Only the three accepted types, only known upload states.
  db.prepare(
    "INSERT INTO blobs (sha256, path, size, created_at) VALUES (?, 'blobs/cc/x', 1, ?)",
  ).run('c'.repeat(64), NOW);
  expect(() => insertImage(db!, 'i4', 'c'.repeat(64), 'image/gif')).toThrow(/CHECK/);
  expect(() =>
    db!.prepare("UPDATE blobs SET upload_state = 'lost' WHERE sha256 = ?").run(SHA),
  ).toThrow(/CHECK/);
});
