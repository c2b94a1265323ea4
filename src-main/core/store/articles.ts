import { v7 as uuidv7 } from 'uuid';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';
import {
  emptyBody,
  emptyFields,
  type Article,
  type ArticleFields,
  type ArticleFieldsPatch,
  type ArticleSummary,
  type BodyJson,
  type Revision,
} from '../../../src-shared/model';
import { bodyPlainText, countWords } from '../../../src-shared/richtext/plainText';
import {
  rowToArticle,
  rowToSummary,
  SUMMARY_COLUMNS,
  type ArticleRow,
  type SummaryRow,
} from './rows';
import { dedupeTags, tagKey, TagRepository } from './tags';
import { OutboxRepository } from './outbox';
import { toFtsQuery } from './fts-query';

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} was not found.`);
    this.name = 'NotFoundError';
  }
}

export interface ListFilter {
  offset: number;
  limit: number;
  status?: Article['status'] | undefined;
  section?: string | undefined;
  tag?: string | undefined;
  includeDeleted?: boolean | undefined;
}

export interface SaveChange {
  fields?: ArticleFieldsPatch | undefined;
  body?: BodyJson | undefined;
  reason?: string;
}

const FIELD_KEYS = Object.keys(emptyFields()) as (keyof ArticleFields)[];

function pickFields(a: Article): ArticleFields {
  const out = {} as Record<string, unknown>;
  for (const k of FIELD_KEYS) out[k] = a[k];
  return out as ArticleFields;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

type Clock = () => string;

/**
 * Articles with their tags, revisions, search index and outbox rows. Every write is one
 * transaction: the visible change, its revision, its index entry and its mutation.
 */
export class ArticleRepository {
  private readonly tags: TagRepository;
  private readonly outbox: OutboxRepository;
  private readonly stmts;

  constructor(
    private readonly db: Db,
    private readonly now: Clock = () => new Date().toISOString(),
  ) {
    this.tags = new TagRepository(db);
    this.outbox = new OutboxRepository(db);
    this.stmts = {
      get: db.prepare('SELECT * FROM articles WHERE id = ?'),
      insert: db.prepare(
        `INSERT INTO articles (id, kicker, headline, teaser, byline, section, slug, tags_json, links_json,
           lead_image_json, body_json, body_text, word_count, status, author_id, revision, created_at, updated_at)
         VALUES (@id, @kicker, @headline, @teaser, @byline, @section, @slug, @tags_json, @links_json,
           @lead_image_json, @body_json, @body_text, @word_count, 'draft', @author_id, 1, @now, @now)`,
      ),
      update: db.prepare(
        `UPDATE articles SET kicker = @kicker, headline = @headline, teaser = @teaser, byline = @byline,
           section = @section, slug = @slug, tags_json = @tags_json, links_json = @links_json,
           lead_image_json = @lead_image_json, body_json = @body_json, body_text = @body_text,
           word_count = @word_count, revision = revision + 1, updated_at = @now
         WHERE id = @id`,
      ),
      setDeleted: db.prepare('UPDATE articles SET deleted_at = ?, updated_at = ? WHERE id = ?'),
      insertRevision: db.prepare(
        `INSERT INTO revisions (id, article_id, revision, reason, body_json, fields_json, size, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      revisions: db.prepare(
        `SELECT id, article_id, revision, reason, size, created_at FROM revisions
          WHERE article_id = ? ORDER BY revision DESC LIMIT 500`,
      ),
      revision: db.prepare('SELECT * FROM revisions WHERE id = ?'),
      ftsDelete: db.prepare('DELETE FROM articles_fts WHERE rowid = ?'),
      ftsInsert: db.prepare(
        'INSERT INTO articles_fts (rowid, kicker, headline, teaser, body, tags) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      search: db.prepare(
        `SELECT ${SUMMARY_COLUMNS.split(', ')
          .map((c) => `a.${c}`)
          .join(', ')}
           FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
          WHERE articles_fts MATCH ? AND a.deleted_at IS NULL
          ORDER BY articles_fts.rowid DESC LIMIT ?`,
      ),
    };
  }

  get(id: string): Article {
    const row = this.stmts.get.get(id) as ArticleRow | undefined;
    if (!row) throw new NotFoundError(`Article ${id}`);
    return rowToArticle(row);
  }

  create(input: {
    id?: string | undefined;
    fields?: ArticleFieldsPatch | undefined;
    body?: BodyJson | undefined;
    authorId?: string | null;
  }): Article {
    const id = input.id ?? uuidv7();
    const fields: ArticleFields = { ...emptyFields(), ...input.fields };
    fields.tags = dedupeTags(fields.tags);
    const body = input.body ?? emptyBody();
    const now = this.now();
    const bodyText = bodyPlainText(body);
    const tx = this.db.transaction(() => {
      if (this.stmts.get.get(id))
        throw new ConflictError(`An article with id ${id} already exists.`);
      const info = this.stmts.insert.run({
        id,
        ...this.fieldParams(fields),
        body_json: JSON.stringify(body),
        body_text: bodyText,
        word_count: countWords(bodyText),
        author_id: input.authorId ?? null,
        now,
      });
      this.tags.setForArticle(id, fields.tags);
      this.index(Number(info.lastInsertRowid), fields, bodyText);
      this.stmts.insertRevision.run(
        uuidv7(),
        id,
        1,
        'created',
        JSON.stringify(body),
        JSON.stringify(fields),
        JSON.stringify(body).length,
        now,
      );
      this.outbox.enqueue('article.create', { id, fields, body }, 'article', id, null, now);
    });
    tx.immediate();
    return this.get(id);
  }

  /**
   * Saves fields and/or body in one transaction with a revision and the outbox mutations.
   * Returns the article unchanged (and writes nothing) when the save changes nothing.
   */
  save(id: string, change: SaveChange): Article {
    const tx = this.db.transaction(() => {
      const row = this.stmts.get.get(id) as ArticleRow | undefined;
      if (!row) throw new NotFoundError(`Article ${id}`);
      const current = rowToArticle(row);
      const before = pickFields(current);
      const next: ArticleFields = { ...before, ...change.fields };
      next.tags = dedupeTags(next.tags);
      const changedFields = FIELD_KEYS.filter((k) => !sameValue(before[k], next[k]));
      const bodyChanged = change.body !== undefined && !sameValue(change.body, current.body);
      if (changedFields.length === 0 && !bodyChanged) return;

      const body = bodyChanged ? change.body! : current.body;
      const bodyJson = JSON.stringify(body);
      const bodyText = bodyChanged ? bodyPlainText(body) : row.body_text;
      const now = this.now();
      this.stmts.update.run({
        id,
        ...this.fieldParams(next),
        body_json: bodyJson,
        body_text: bodyText,
        word_count: bodyChanged ? countWords(bodyText) : row.word_count,
        now,
      });
      if (changedFields.includes('tags')) this.tags.setForArticle(id, next.tags);
      this.index(row.rowid, next, bodyText, true);
      const revision = row.revision + 1;
      this.stmts.insertRevision.run(
        uuidv7(),
        id,
        revision,
        change.reason ?? 'saved',
        bodyJson,
        JSON.stringify(next),
        bodyJson.length,
        now,
      );
      this.enqueueChanges(
        current,
        before,
        next,
        changedFields,
        bodyChanged ? body : undefined,
        now,
      );
    });
    tx.immediate();
    return this.get(id);
  }

  private enqueueChanges(
    current: Article,
    before: ArticleFields,
    next: ArticleFields,
    changedFields: (keyof ArticleFields)[],
    body: BodyJson | undefined,
    now: string,
  ): void {
    const id = current.id;
    const plain = changedFields.filter((k) => k !== 'tags');
    if (plain.length > 0) {
      const values: Record<string, unknown> = {};
      const baseValues: Record<string, unknown> = {};
      for (const k of plain) {
        values[k] = next[k];
        baseValues[k] = before[k];
      }
      this.outbox.enqueue(
        'article.setFields',
        { id, values, baseValues },
        'article',
        id,
        null,
        now,
      );
    }
    if (changedFields.includes('tags')) {
      const beforeKeys = new Set(before.tags.map(tagKey));
      const nextKeys = new Set(next.tags.map(tagKey));
      for (const t of next.tags)
        if (!beforeKeys.has(tagKey(t)))
          this.outbox.enqueue('article.addTag', { id, tag: t }, 'article', id, null, now);
      for (const t of before.tags)
        if (!nextKeys.has(tagKey(t)))
          this.outbox.enqueue('article.removeTag', { id, tag: t }, 'article', id, null, now);
    }
    if (body) this.outbox.enqueueBody(id, { id, body, baseBodyVersion: null }, null, now);
  }

  softDelete(id: string): void {
    const tx = this.db.transaction(() => {
      const a = this.get(id);
      if (a.deletedAt) return;
      const now = this.now();
      this.stmts.setDeleted.run(now, now, id);
      this.outbox.enqueue('article.delete', { id }, 'article', id, null, now);
    });
    tx.immediate();
  }

  restore(id: string): Article {
    const tx = this.db.transaction(() => {
      const a = this.get(id);
      if (!a.deletedAt) return;
      const now = this.now();
      this.stmts.setDeleted.run(null, now, id);
      this.outbox.enqueue('article.restore', { id }, 'article', id, null, now);
    });
    tx.immediate();
    return this.get(id);
  }

  list(f: ListFilter): { items: ArticleSummary[]; total: number } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (!f.includeDeleted) where.push('deleted_at IS NULL');
    if (f.status) {
      where.push('status = ?');
      params.push(f.status);
    }
    if (f.section) {
      where.push('section = ?');
      params.push(f.section);
    }
    if (f.tag) {
      where.push('id IN (SELECT article_id FROM article_tags WHERE tag_slug = ?)');
      params.push(tagKey(f.tag));
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const items = this.cached(
      `SELECT ${SUMMARY_COLUMNS} FROM articles ${clause} ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?`,
    ).all(...params, f.limit, f.offset) as SummaryRow[];
    const total = (
      this.cached(`SELECT COUNT(*) AS n FROM articles ${clause}`).get(...params) as { n: number }
    ).n;
    return { items: items.map(rowToSummary), total };
  }

  /**
   * Newest first rather than by relevance: on a desk the latest piece on a topic is the one
   * wanted, and FTS5 can then stop after `limit` hits instead of ranking every match.
   */
  search(query: string, limit: number): ArticleSummary[] {
    const fts = toFtsQuery(query);
    if (!fts) return [];
    return (this.stmts.search.all(fts, limit) as SummaryRow[]).map(rowToSummary);
  }

  revisions(articleId: string): Revision[] {
    this.get(articleId);
    const rows = this.stmts.revisions.all(articleId) as {
      id: string;
      article_id: string;
      revision: number;
      reason: string;
      size: number;
      created_at: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      articleId: r.article_id,
      revision: r.revision,
      reason: r.reason,
      size: r.size,
      createdAt: r.created_at,
    }));
  }

  revision(id: string): Revision & { body: BodyJson; fields: Record<string, unknown> } {
    const r = this.stmts.revision.get(id) as
      | {
          id: string;
          article_id: string;
          revision: number;
          reason: string;
          size: number;
          created_at: string;
          body_json: string;
          fields_json: string;
        }
      | undefined;
    if (!r) throw new NotFoundError(`Revision ${id}`);
    return {
      id: r.id,
      articleId: r.article_id,
      revision: r.revision,
      reason: r.reason,
      size: r.size,
      createdAt: r.created_at,
      body: JSON.parse(r.body_json) as BodyJson,
      fields: JSON.parse(r.fields_json) as Record<string, unknown>,
    };
  }

  /** Restoring writes a new revision with the old content; the current one stays in history. */
  restoreRevision(revisionId: string): Article {
    const r = this.revision(revisionId);
    const fields = { ...emptyFields(), ...(r.fields as Partial<ArticleFields>) };
    return this.save(r.articleId, {
      fields,
      body: r.body,
      reason: `restored revision ${r.revision}`,
    });
  }

  private fieldParams(f: ArticleFields) {
    return {
      kicker: f.kicker,
      headline: f.headline,
      teaser: f.teaser,
      byline: f.byline,
      section: f.section,
      slug: f.slug,
      tags_json: JSON.stringify(f.tags),
      links_json: JSON.stringify(f.links),
      lead_image_json: f.leadImage ? JSON.stringify(f.leadImage) : null,
    };
  }

  private index(rowid: number, f: ArticleFields, bodyText: string, replace = false): void {
    if (replace) this.stmts.ftsDelete.run(rowid);
    this.stmts.ftsInsert.run(rowid, f.kicker, f.headline, f.teaser, bodyText, f.tags.join(' '));
  }

  private readonly statementCache = new Map<string, Statement<unknown[]>>();
  private cached(sql: string): Statement<unknown[]> {
    let s = this.statementCache.get(sql);
    if (!s) {
      s = this.db.prepare<unknown[]>(sql);
      this.statementCache.set(sql, s);
    }
    return s;
  }
}

export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}
