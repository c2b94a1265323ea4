/** Blob metadata, in SQL both databases run. */
import type { BlobMetaStore } from '../types';
import { num, type SqlRunner } from './runner';

export function blobMetaStore(db: SqlRunner): BlobMetaStore {
  return {
    async getBlob(sha256) {
      const r = await db.get('SELECT * FROM blobs WHERE sha256 = ?', [sha256]);
      return r
        ? {
            sha256: String(r.sha256),
            size: num(r.size),
            mime: String(r.mime),
            createdAt: String(r.created_at),
          }
        : undefined;
    },
    insertBlob(b) {
      return db.run(
        'INSERT INTO blobs (sha256, size, mime, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
        [b.sha256, b.size, b.mime, b.createdAt],
      );
    },
  };
}
