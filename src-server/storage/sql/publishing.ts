/** Sections and published snapshots, in SQL both databases run. */
import type { PublishedRow, PublishedSnapshot, PublishingStore } from '../types';
import { cleanSnapshot } from '../../../src-shared/publish/clean';
import { json, num, parse, type Row, type SqlRunner } from './runner';

function toPublished(r: Row): PublishedRow {
  return {
    articleId: String(r.article_id),
    slug: String(r.slug),
    state: String(r.state) as 'live' | 'gone',
    // Readers get the text rule applied, whatever an older version stored.
    snapshot: cleanSnapshot(parse<PublishedSnapshot>(r.snapshot)),
    publishedAt: String(r.published_at),
    updatedAt: String(r.updated_at),
  };
}

// One statement for all filter combinations: a NULL parameter switches a filter off. The casts
// tell PostgreSQL the parameter types it cannot infer from "? IS NULL".
const FILTER = `p.state = 'live'
  AND (CAST(? AS TEXT) IS NULL OR p.section_slug = ?)
  AND (CAST(? AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM published_tags t
       WHERE t.article_id = p.article_id AND LOWER(t.tag) = LOWER(?)))`;

export function publishingStore(db: SqlRunner): PublishingStore {
  return {
    async listSections() {
      const rows = await db.all('SELECT slug, name FROM sections ORDER BY name');
      return rows.map((r) => ({ slug: String(r.slug), name: String(r.name) }));
    },
    upsertSection(section) {
      return db.run(
        'INSERT INTO sections (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO UPDATE SET name = excluded.name',
        [section.slug, section.name],
      );
    },
    async getPublishedByArticle(articleId) {
      const r = await db.get('SELECT * FROM published WHERE article_id = ?', [articleId]);
      return r ? toPublished(r) : undefined;
    },
    async getPublishedBySlug(slug) {
      const r = await db.get('SELECT * FROM published WHERE slug = ?', [slug]);
      return r ? toPublished(r) : undefined;
    },
    async putPublished(row) {
      const s = row.snapshot;
      await db.run(
        `INSERT INTO published (article_id, slug, state, section_slug, snapshot, published_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (article_id) DO UPDATE SET slug = excluded.slug, state = excluded.state,
           section_slug = excluded.section_slug, snapshot = excluded.snapshot,
           published_at = excluded.published_at, updated_at = excluded.updated_at`,
        [
          row.articleId,
          row.slug,
          row.state,
          s.sectionSlug,
          json(s),
          row.publishedAt,
          row.updatedAt,
        ],
      );
      await db.run('DELETE FROM published_tags WHERE article_id = ?', [row.articleId]);
      for (const t of new Set(s.tags)) {
        await db.run(
          'INSERT INTO published_tags (article_id, tag) VALUES (?, ?) ON CONFLICT (article_id, tag) DO NOTHING',
          [row.articleId, t],
        );
      }
      await db.run('DELETE FROM published_images WHERE article_id = ?', [row.articleId]);
      for (const id of new Set(s.imageIds)) {
        await db.run(
          'INSERT INTO published_images (article_id, image_id) VALUES (?, ?) ON CONFLICT (article_id, image_id) DO NOTHING',
          [row.articleId, id],
        );
      }
    },
    async listPublished(f) {
      const section = f.sectionSlug ?? null;
      const tag = f.tag ?? null;
      const filter = [section, section, tag, tag];
      const rows = await db.all(
        `SELECT * FROM published p WHERE ${FILTER}
         ORDER BY p.published_at DESC, p.article_id LIMIT ? OFFSET ?`,
        [...filter, f.limit, f.offset],
      );
      const total = await db.get(`SELECT COUNT(*) AS n FROM published p WHERE ${FILTER}`, filter);
      return { rows: rows.map(toPublished), total: num(total?.n) };
    },
    async listPublishedChanges(after, limit) {
      const rows = await db.all(
        `SELECT * FROM published WHERE updated_at > ? OR (updated_at = ? AND article_id > ?)
         ORDER BY updated_at, article_id LIMIT ?`,
        [after.updatedAt, after.updatedAt, after.articleId, limit],
      );
      return rows.map(toPublished);
    },
    async isImagePublished(imageId) {
      const r = await db.get(
        `SELECT 1 AS x FROM published_images i JOIN published p ON p.article_id = i.article_id
         WHERE i.image_id = ? AND p.state = 'live' LIMIT 1`,
        [imageId],
      );
      return r !== undefined;
    },
    async getPublishedImage(imageId) {
      const r = await db.get(
        `SELECT p.snapshot FROM published_images i JOIN published p ON p.article_id = i.article_id
         WHERE i.image_id = ? AND p.state = 'live' ORDER BY p.updated_at DESC, p.article_id LIMIT 1`,
        [imageId],
      );
      return r ? parse<PublishedSnapshot>(r.snapshot).images?.[imageId] : undefined;
    },
    async getSlugRedirect(slug) {
      const r = await db.get('SELECT article_id FROM slug_redirects WHERE slug = ?', [slug]);
      return r ? String(r.article_id) : undefined;
    },
    putSlugRedirect(slug, articleId, createdAt) {
      return db.run(
        `INSERT INTO slug_redirects (slug, article_id, created_at) VALUES (?, ?, ?)
         ON CONFLICT (slug) DO UPDATE SET article_id = excluded.article_id, created_at = excluded.created_at`,
        [slug, articleId, createdAt],
      );
    },
    deleteSlugRedirect(slug) {
      return db.run('DELETE FROM slug_redirects WHERE slug = ?', [slug]);
    },
  };
}
