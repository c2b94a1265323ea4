import { v7 as uuidv7 } from 'uuid';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';
import {
  ARTICLE_FIELD_NAMES,
  pickArticleFields,
  emptyBody,
  emptyFields,
  type Article,
  type ArticleFields,
  type ArticleFieldsPatch,
  type ArticleSummary,
  type BodyJson,
  type Revision,
  type SuggestibleField,
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
import {
  parseMutation,
  type ArticleRecordSuggestionsArgs,
  type ArticleReopenFieldSuggestionArgs,
  type ArticleState,
} from '../../../src-shared/mutations';
import { jsonEqual, mergeBodies, type BodyConflictRegion } from '../../../src-shared/merge';
import { ApiError } from '../../../src-shared/api';
import type { ArticleWriteHint, LocalMutation, LocalStateStore, LocalWriter } from './local-writer';
import type {
  ArticleAuthor,
  ArticleFilter,
  SaveOutcome,
  SavedArticle,
} from '../../../src-shared/api';
import { toFtsQuery } from './fts-query';
import { filterSql } from './article-filter';
import { lazyStatements } from './statements';

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} was not found.`);
    this.name = 'NotFoundError';
  }
}

export type ListFilter = ArticleFilter & { offset: number; limit: number };

export interface SaveChange {
  fields?: ArticleFieldsPatch | undefined;
  body?: BodyJson | undefined;
  reason?: string;
  /**
   * The revision the editor's body is based on (the one its last load or save returned). When
   * sync changed the body since, the save merges three-way instead of overwriting that change.
   */
  baseRevision?: number | undefined;
}

/** Called when a save's body clashes with a change sync brought in meanwhile. */
export type LocalBodyConflict = (articleId: string, region: BodyConflictRegion) => void;

const FIELD_KEYS = ARTICLE_FIELD_NAMES;
const pickFields = pickArticleFields;

/** Copies one field, keeping the pairing of field name and value type. */
function copyField<K extends keyof ArticleFields>(
  to: ArticleFieldsPatch,
  from: ArticleFields,
  k: K,
): void {
  to[k] = from[k];
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The local row as the shared article state (what a local write applies mutations to). */
export function articleStateOf(row: ArticleRow): ArticleState {
  const { updatedBy: _updatedBy, ...article } = rowToArticle(row);
  return {
    ...article,
    // The last server versions this article was synced at (0: never); the desk assigns none.
    version: row.server_version ?? 0,
    bodyVersion: row.server_body_version ?? 0,
    // Not kept locally: a local edit is always based on the local state itself.
    fieldVersions: {},
    correctedAt: null,
    hasConflict: (row.has_conflict ?? 0) !== 0,
  };
}

/** The DesktopApi article of a state (the local revision and last editor as the desk keeps them). */
export function articleOfState(
  s: ArticleState,
  local: { revision: number; updatedBy: string | null },
): Article {
  return {
    id: s.id,
    kicker: s.kicker,
    headline: s.headline,
    teaser: s.teaser,
    byline: s.byline,
    section: s.section,
    tags: s.tags,
    links: s.links,
    leadImage: s.leadImage,
    slug: s.slug,
    metaDescription: s.metaDescription,
    socialImageId: s.socialImageId,
    body: s.body,
    status: s.status,
    authorId: s.authorId,
    assigneeId: s.assigneeId,
    revision: local.revision,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    publishedAt: s.publishedAt,
    deletedAt: s.deletedAt,
    scheduledAt: s.scheduledAt ?? null,
    embargoUntil: s.embargoUntil ?? null,
    updatedBy: local.updatedBy,
    fieldSuggestions: s.fieldSuggestions ?? [],
  };
}

/** The local revision after a write: saved versions count, other changes do not. */
function revisionAfter(before: ArticleState, hint: ArticleWriteHint | undefined): number {
  return hint?.revisionReason !== undefined ? before.revision + 1 : before.revision;
}

/**
 * Articles with their tags, revisions and search index. A user's change is a list of shared
 * mutations run by the local writer (local-writer.ts), which has this repository persist the
 * computed state: the visible row, its tags, its index entry and its revision, in the writer's
 * transaction with the outbox rows.
 */
export class ArticleRepository {
  private readonly tags: TagRepository;
  private readonly writer: LocalWriter;
  /** Where save() reports body regions it could not merge (the conflicts module keeps them). */
  private readonly onBodyConflict: LocalBodyConflict | undefined;
  private readonly currentUser: () => string | null;
  private readonly stmts;

  constructor(
    private readonly db: Db,
    deps: {
      writer: LocalWriter;
      onBodyConflict?: LocalBodyConflict;
      /** The signed-in user's username (the author of local revisions), null when signed out. */
      currentUser?: () => string | null;
    },
  ) {
    this.tags = new TagRepository(db);
    this.writer = deps.writer;
    this.writer.register('article', this.localStates);
    this.onBodyConflict = deps.onBodyConflict;
    this.currentUser = deps.currentUser ?? (() => null);
    this.stmts = lazyStatements(db, {
      get: 'SELECT * FROM articles WHERE id = ?',
      revisionOf: 'SELECT revision FROM articles WHERE id = ?',
      exists: 'SELECT 1 FROM articles WHERE id = ?',
      // ---- local writes: states the local writer computed (no version columns) ----
      insert: `INSERT INTO articles (id, kicker, headline, teaser, byline, section, slug, tags_json, links_json,
           lead_image_json, meta_description, social_image_id, body_json, body_text, word_count, status,
           author_id, revision, created_at, updated_at)
         VALUES (@id, @kicker, @headline, @teaser, @byline, @section, @slug, @tags_json, @links_json,
           @lead_image_json, @meta_description, @social_image_id, @body_json, @body_text, @word_count, @status, @author_id, 1, @created_at,
           @updated_at)`,
      localMeta: 'SELECT rowid, revision, body_json, body_text FROM articles WHERE id = ?',
      updateState: `UPDATE articles SET kicker = @kicker, headline = @headline, teaser = @teaser,
           byline = @byline, section = @section, slug = @slug, tags_json = @tags_json,
           links_json = @links_json, lead_image_json = @lead_image_json,
           meta_description = @meta_description, social_image_id = @social_image_id, status = @status,
           assignee_id = @assignee_id, published_at = @published_at, deleted_at = @deleted_at,
           revision = @revision, updated_at = @updated_at, scheduled_at = @scheduled_at,
           embargo_until = @embargo_until, field_suggestions_json = @field_suggestions_json
         WHERE id = @id`,
      updateBody:
        'UPDATE articles SET body_json = @body_json, body_text = @body_text, word_count = @word_count WHERE id = @id',
      // ---- sync (docs/sync.md): rows as the sync engine computes them ----
      insertSynced: `INSERT INTO articles (id, kicker, headline, teaser, byline, section, slug, tags_json,
           links_json, lead_image_json, meta_description, social_image_id, body_json, body_text, word_count, status, author_id, assignee_id,
           revision, created_at, updated_at, published_at, deleted_at, server_version,
           server_body_version, has_conflict, scheduled_at, embargo_until, field_suggestions_json)
         VALUES (@id, @kicker, @headline, @teaser, @byline, @section, @slug, @tags_json, @links_json,
           @lead_image_json, @meta_description, @social_image_id, @body_json, @body_text, @word_count,
           @status, @author_id, @assignee_id,
           @revision, @created_at, @updated_at, @published_at, @deleted_at, @server_version,
           @server_body_version, @has_conflict, @scheduled_at, @embargo_until, @field_suggestions_json)`,
      updateSynced: `UPDATE articles SET kicker = @kicker, headline = @headline, teaser = @teaser,
           byline = @byline, section = @section, slug = @slug, tags_json = @tags_json,
           links_json = @links_json, lead_image_json = @lead_image_json,
           meta_description = @meta_description, social_image_id = @social_image_id, body_json = @body_json,
           body_text = @body_text, word_count = @word_count, status = @status, author_id = @author_id,
           assignee_id = @assignee_id, revision = revision + 1, created_at = @created_at,
           updated_at = @updated_at, published_at = @published_at, deleted_at = @deleted_at,
           server_version = @server_version, server_body_version = @server_body_version,
           has_conflict = @has_conflict, scheduled_at = @scheduled_at, embargo_until = @embargo_until,
           field_suggestions_json = @field_suggestions_json
         WHERE id = @id`,
      setSyncColumns:
        'UPDATE articles SET server_version = ?, server_body_version = ?, has_conflict = ? WHERE id = ?',
      setUpdatedBy: 'UPDATE articles SET updated_by = ? WHERE id = ?',
      setDeletedBy: 'UPDATE articles SET deleted_by = ? WHERE id = ?',
      deletedOf: 'SELECT deleted_at, deleted_by FROM articles WHERE id = ?',
      // The byline of each author's newest article names them (the desk has no user directory).
      authors: `SELECT author_id AS id, byline, MAX(updated_at) AS newest FROM articles
         WHERE author_id IS NOT NULL AND deleted_at IS NULL GROUP BY author_id`,
      setConflict: 'UPDATE articles SET has_conflict = ? WHERE id = ?',
      deleteRow: 'DELETE FROM articles WHERE id = ?',
      syncedSince:
        "SELECT 1 FROM revisions WHERE article_id = ? AND revision > ? AND reason = 'synced' LIMIT 1",
      // A sync that changed no body bumps the revision without a revision row: the body at
      // revision r is the one of the newest row at or below r.
      revisionBody: `SELECT body_json FROM revisions WHERE article_id = ? AND revision <= ?
         ORDER BY revision DESC LIMIT 1`,
      insertRevision: `INSERT INTO revisions (id, article_id, revision, reason, body_json, fields_json, size, created_at, author)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      revisions: `SELECT id, article_id, revision, reason, size, created_at, author FROM revisions
          WHERE article_id = ? ORDER BY revision DESC LIMIT 500`,
      revision: 'SELECT * FROM revisions WHERE id = ?',
      ftsDelete: 'DELETE FROM articles_fts WHERE rowid = ?',
      ftsInsert:
        'INSERT INTO articles_fts (rowid, kicker, headline, teaser, body, tags) VALUES (?, ?, ?, ?, ?, ?)',
    });
  }

  /** The raw row (with its sync columns), or NotFoundError. */
  row(id: string): ArticleRow {
    const row = this.stmts.get.get(id) as ArticleRow | undefined;
    if (!row) throw new NotFoundError(`Article ${id}`);
    return row;
  }

  /**
   * A workflow step (compare-and-set on the status the user saw; the server decides). A step the
   * desk may take offline changes the local status at once; a server-only one (approval,
   * publication) is only queued, and the status changes when a pull brings the verdict.
   * Returns the outbox row's id.
   */
  transition(id: string, to: Article['status'], comment: string | undefined): number {
    const tx = this.db.transaction(() => {
      const row = this.row(id);
      const args: LocalMutation = {
        name: 'article.transition',
        args: { id, from: row.status, to, ...(comment !== undefined ? { comment } : {}) },
      };
      return this.writer.write('article', [args], { before: articleStateOf(row) }).queued[0]!;
    });
    return tx.immediate();
  }

  /**
   * Writes a state that sync computed (server state plus still-pending local mutations) into
   * the visible row, its tags and search entry. Runs inside the caller's transaction. A changed
   * body gets a local revision so the text before the merge stays recoverable. Returns whether
   * the row is new.
   */
  putSynced(
    a: Article,
    sync: {
      serverVersion: number;
      serverBodyVersion: number;
      hasConflict: boolean;
      /** Who made the pulled change (username, null: nobody named); undefined keeps the stored one. */
      updatedBy?: string | null;
    },
  ): 'created' | 'updated' | 'unchanged' {
    const before = this.stmts.deletedOf.get(a.id) as
      Pick<ArticleRow, 'deleted_at' | 'deleted_by'> | undefined;
    const result = this.writeSynced(a, sync, sync.updatedBy ?? null);
    if (sync.updatedBy !== undefined) this.stmts.setUpdatedBy.run(sync.updatedBy, a.id);
    // A deleted article takes no edits, so the change that deleted it names who did.
    const deletedBy =
      a.deletedAt === null
        ? null
        : before?.deleted_at
          ? (before.deleted_by ?? sync.updatedBy ?? null)
          : (sync.updatedBy ?? null);
    if ((before?.deleted_by ?? null) !== deletedBy) this.stmts.setDeletedBy.run(deletedBy, a.id);
    return result;
  }

  private writeSynced(
    a: Article,
    sync: { serverVersion: number; serverBodyVersion: number; hasConflict: boolean },
    author: string | null,
  ): 'created' | 'updated' | 'unchanged' {
    const row = this.stmts.get.get(a.id) as ArticleRow | undefined;
    const fields = pickFields(a);
    const bodyJson = JSON.stringify(a.body);
    const bodyChanged = !row || row.body_json !== bodyJson;
    const bodyText = bodyChanged ? bodyPlainText(a.body) : row.body_text;
    const params = {
      ...this.fieldParams(fields),
      id: a.id,
      body_json: bodyJson,
      body_text: bodyText,
      word_count: bodyChanged ? countWords(bodyText) : row.word_count,
      status: a.status,
      author_id: a.authorId,
      assignee_id: a.assigneeId,
      created_at: a.createdAt,
      updated_at: a.updatedAt,
      published_at: a.publishedAt,
      deleted_at: a.deletedAt,
      server_version: sync.serverVersion,
      server_body_version: sync.serverBodyVersion,
      has_conflict: sync.hasConflict ? 1 : 0,
      scheduled_at: a.scheduledAt ?? null,
      embargo_until: a.embargoUntil ?? null,
      field_suggestions_json: JSON.stringify(a.fieldSuggestions ?? []),
    };
    if (!row) {
      const info = this.stmts.insertSynced.run({ ...params, revision: 1 });
      this.tags.setForArticle(a.id, fields.tags);
      this.index(Number(info.lastInsertRowid), fields, bodyText);
      this.stmts.insertRevision.run(
        uuidv7(),
        a.id,
        1,
        'synced',
        bodyJson,
        JSON.stringify(fields),
        bodyJson.length,
        a.updatedAt,
        author,
      );
      return 'created';
    }
    const current = rowToArticle(row);
    const same =
      sameValue(pickFields(current), fields) &&
      !bodyChanged &&
      current.status === a.status &&
      current.assigneeId === a.assigneeId &&
      current.authorId === a.authorId &&
      current.deletedAt === a.deletedAt &&
      current.publishedAt === a.publishedAt &&
      current.scheduledAt === (a.scheduledAt ?? null) &&
      current.embargoUntil === (a.embargoUntil ?? null) &&
      sameValue(current.fieldSuggestions ?? [], a.fieldSuggestions ?? []);
    if (same) {
      this.stmts.setSyncColumns.run(
        sync.serverVersion,
        sync.serverBodyVersion,
        params.has_conflict,
        a.id,
      );
      return 'unchanged';
    }
    this.stmts.updateSynced.run(params);
    if (!sameValue(current.tags, fields.tags)) this.tags.setForArticle(a.id, fields.tags);
    this.index(row.rowid, fields, bodyText, true);
    if (bodyChanged) {
      this.stmts.insertRevision.run(
        uuidv7(),
        a.id,
        row.revision + 1,
        'synced',
        bodyJson,
        JSON.stringify(fields),
        bodyJson.length,
        a.updatedAt,
        author,
      );
    }
    return 'updated';
  }

  /** The conflict badge: open conflicts or rejected changes wait on this article. */
  setConflictFlag(id: string, open: boolean): void {
    this.stmts.setConflict.run(open ? 1 : 0, id);
  }

  /** Drops a local article entirely (access to it was revoked on the server). */
  removeLocal(id: string): void {
    const row = this.stmts.get.get(id) as ArticleRow | undefined;
    if (!row) return;
    this.stmts.ftsDelete.run(row.rowid);
    this.stmts.deleteRow.run(id);
  }

  get(id: string): Article {
    const row = this.stmts.get.get(id) as ArticleRow | undefined;
    if (!row) throw new NotFoundError(`Article ${id}`);
    return rowToArticle(row);
  }

  /**
   * NotFoundError unless the article is stored here (in the trash too, as `get`). For callers
   * that need only that: `get` reads and parses the whole body.
   */
  mustExist(id: string): void {
    if (!this.stmts.exists.get(id)) throw new NotFoundError(`Article ${id}`);
  }

  /** Creates a draft (the `article.create` mutation); ConflictError if the id is taken. */
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
    const tx = this.db.transaction(() => {
      if (this.stmts.exists.get(id)) {
        throw new ConflictError(`An article with id ${id} already exists.`);
      }
      return this.writer.writeOne(
        'article',
        'article.create',
        { id, fields, body },
        { before: null, authorId: input.authorId ?? null },
      );
    });
    const w = tx.immediate();
    return articleOfState(w.state!, { revision: 1, updatedBy: null });
  }

  /**
   * Saves fields and/or body in one transaction with a revision and the outbox mutations.
   * Returns the article unchanged (and writes nothing) when the save changes nothing.
   */
  save(id: string, change: SaveChange): SavedArticle {
    return this.saveReporting(id, change).saved;
  }

  /**
   * save(), and whether the stored body is exactly the one sent (`bodyAsSent`; false for a save
   * without a body), so the answer can leave the body out.
   */
  saveReporting(id: string, change: SaveChange): { saved: SavedArticle; bodyAsSent: boolean } {
    let outcome: SaveOutcome = 'applied';
    let saved: Article | undefined;
    let bodyAsSent = false;
    const tx = this.db.transaction(() => {
      const row = this.stmts.get.get(id) as ArticleRow | undefined;
      if (!row) throw new NotFoundError(`Article ${id}`);
      const current = articleStateOf(row);
      const local = { revision: row.revision, updatedBy: row.updated_by ?? null };
      saved = articleOfState(current, local);
      const before = pickFields(current);
      const next: ArticleFields = { ...before, ...change.fields };
      next.tags = dedupeTags(next.tags);
      const changedFields = FIELD_KEYS.filter((k) => !sameValue(before[k], next[k]));
      const rebased = this.rebaseBody(row, current.body, change);
      outcome = rebased.outcome;
      const body = rebased.body === undefined ? undefined : this.checkedBody(row, rebased.body);
      // The stored JSON was written by JSON.stringify too: comparing strings compares bodies.
      const bodyJson = body === undefined ? undefined : JSON.stringify(body);
      const bodyChanged = bodyJson !== undefined && bodyJson !== row.body_json;
      bodyAsSent =
        bodyJson !== undefined &&
        outcome === 'applied' &&
        change.body !== undefined &&
        (body === change.body || bodyJson === JSON.stringify(change.body));
      if (changedFields.length === 0 && !bodyChanged) return;
      const mutations = this.mutationsOf(current, before, next, changedFields);
      if (bodyChanged && body) {
        const baseBodyVersion = current.bodyVersion;
        mutations.push({ name: 'article.setBody', args: { id, baseBodyVersion, body } });
      }
      const hint: ArticleWriteHint = {
        revisionReason: change.reason ?? 'saved',
        row,
        ...(bodyChanged && body && bodyJson ? { body: { value: body, json: bodyJson } } : {}),
      };
      const w = this.writer.write('article', mutations, { before: current, hint });
      if (w.changed && w.state) {
        saved = articleOfState(w.state, { ...local, revision: revisionAfter(current, hint) });
      }
    });
    tx.immediate();
    if (!saved) throw new NotFoundError(`Article ${id}`);
    return { saved: { ...saved, outcome }, bodyAsSent };
  }

  /**
   * The body as the setBody mutation will carry it: checked and cleaned by the server's schema
   * once here (the writer's check of the same object is then free), or invalid_input.
   */
  private checkedBody(row: ArticleRow, body: BodyJson): BodyJson {
    const baseBodyVersion = row.server_body_version ?? 0;
    const parsed = parseMutation('article.setBody', { id: row.id, baseBodyVersion, body });
    if (!parsed.ok) throw new ApiError('invalid_input', parsed.reason);
    return (parsed.args as { body: BodyJson }).body;
  }

  /** The local revision of an article (cheap: no body), or NotFoundError. */
  revisionOf(id: string): number {
    const r = this.stmts.revisionOf.get(id) as { revision: number } | undefined;
    if (!r) throw new NotFoundError(`Article ${id}`);
    return r.revision;
  }

  /**
   * An editor that did not reload after a sync sends a body based on an older revision: merge it
   * three-way (base = that revision) with the synced body, so the other person's change stays.
   * Regions changed on both sides keep the synced text and become local conflicts with the
   * editor's text ("keep mine" puts it back).
   */
  private rebaseBody(
    row: ArticleRow,
    current: BodyJson,
    change: SaveChange,
  ): { body: BodyJson | undefined; outcome: SaveOutcome } {
    const asSent = { body: change.body, outcome: 'applied' as const };
    if (change.body === undefined || change.baseRevision === undefined) return asSent;
    if (change.baseRevision >= row.revision) return asSent;
    const synced = this.stmts.syncedSince.get(row.id, change.baseRevision);
    if (!synced) return asSent;
    const base = this.stmts.revisionBody.get(row.id, change.baseRevision) as
      { body_json: string } | undefined;
    if (!base) return asSent;
    const merged = mergeBodies(JSON.parse(base.body_json) as BodyJson, change.body, current);
    for (const region of merged.conflicts) this.onBodyConflict?.(row.id, region);
    const outcome =
      merged.conflicts.length > 0
        ? 'conflict'
        : jsonEqual(merged.body, change.body)
          ? 'applied'
          : 'merged';
    return { body: merged.body, outcome };
  }

  /**
   * The field and tag mutations of one save, shaped exactly like the shared mutation args: bases
   * come from the last server state this article was synced at (0 = never synced; the sync
   * engine fills in the real base once the create is acknowledged).
   */
  private mutationsOf(
    current: ArticleState,
    before: ArticleFields,
    next: ArticleFields,
    changedFields: (keyof ArticleFields)[],
  ): LocalMutation[] {
    const id = current.id;
    const baseVersion = current.version;
    const out: LocalMutation[] = [];
    const plain = changedFields.filter((k) => k !== 'tags');
    if (plain.length > 0) {
      const values: ArticleFieldsPatch = {};
      const baseValues: ArticleFieldsPatch = {};
      for (const k of plain) {
        copyField(values, next, k);
        copyField(baseValues, before, k);
      }
      out.push({ name: 'article.setFields', args: { id, baseVersion, values, baseValues } });
    }
    if (changedFields.includes('tags')) {
      const beforeKeys = new Set(before.tags.map(tagKey));
      const nextKeys = new Set(next.tags.map(tagKey));
      for (const t of next.tags)
        if (!beforeKeys.has(tagKey(t))) out.push({ name: 'article.addTag', args: { id, tag: t } });
      for (const t of before.tags)
        if (!nextKeys.has(tagKey(t))) out.push({ name: 'article.removeTag', args: { id, tag: t } });
    }
    return out;
  }

  /** Schedules an approved article for publication at `at` (or moves it); null takes it back. */
  schedule(id: string, at: string | null): Article {
    const tx = this.db.transaction(() => {
      const row = this.row(id);
      const before = { before: articleStateOf(row) };
      if (at === null) this.writer.writeOne('article', 'article.unschedule', { id }, before);
      else this.writer.writeOne('article', 'article.schedule', { id, at }, before);
    });
    tx.immediate();
    return this.get(id);
  }

  /** Queues the record of an accept or reject of suggestions (changes nothing locally). */
  recordSuggestions(args: ArticleRecordSuggestionsArgs): void {
    const tx = this.db.transaction(() => {
      const row = this.row(args.id);
      this.writer.writeOne('article', 'article.recordSuggestions', args, {
        before: articleStateOf(row),
      });
    });
    tx.immediate();
  }

  /** Sets the embargo (null clears it). */
  setEmbargo(id: string, until: string | null): Article {
    const tx = this.db.transaction(() => {
      const row = this.row(id);
      this.writer.writeOne(
        'article',
        'article.setEmbargo',
        { id, until },
        { before: articleStateOf(row) },
      );
    });
    tx.immediate();
    return this.get(id);
  }

  /**
   * Records `author`'s suggested value of a kicker, headline or teaser (`article.suggestField`):
   * their open suggestion on that field is replaced, or withdrawn when the value is the field's.
   */
  suggestField(
    id: string,
    suggestion: { field: SuggestibleField; value: string; author: string },
  ): Article {
    const tx = this.db.transaction(() => {
      const row = this.row(id);
      const before = articleStateOf(row);
      const own = (before.fieldSuggestions ?? []).find(
        (s) => s.author === suggestion.author && s.field === suggestion.field,
      );
      this.writer.writeOne(
        'article',
        'article.suggestField',
        {
          id,
          suggestion: { ...suggestion, id: own?.id ?? uuidv7(), at: new Date().toISOString() },
          ...(own ? { replaces: own.id } : {}),
        },
        { before },
      );
    });
    tx.immediate();
    return this.get(id);
  }

  /** Accepts (the field takes the value) or rejects one open field suggestion, in one change. */
  resolveFieldSuggestion(id: string, suggestionId: string, action: 'accept' | 'reject'): Article {
    const tx = this.db.transaction(() => {
      const row = this.row(id);
      this.writer.writeOne(
        'article',
        'article.resolveFieldSuggestion',
        { id, suggestionId, action },
        { before: articleStateOf(row) },
      );
    });
    tx.immediate();
    return this.get(id);
  }

  /**
   * Undoes a decision on a field suggestion (`article.reopenFieldSuggestion`): the suggestion is
   * open again and an accepted field takes back its previous value, in one change.
   */
  reopenFieldSuggestion(args: ArticleReopenFieldSuggestionArgs): Article {
    const tx = this.db.transaction(() => {
      const row = this.row(args.id);
      this.writer.writeOne('article', 'article.reopenFieldSuggestion', args, {
        before: articleStateOf(row),
      });
    });
    tx.immediate();
    return this.get(args.id);
  }

  /**
   * Moves an article to the Trash (the `article.delete` mutation), recording who deleted it
   * (`by`: the signed-in username, null when not signed in). A published article is refused.
   */
  softDelete(id: string, by: string | null): void {
    const tx = this.db.transaction(() => {
      const row = this.row(id);
      const baseVersion = row.server_version ?? 0;
      const w = this.writer.writeOne(
        'article',
        'article.delete',
        { id, baseVersion },
        { before: articleStateOf(row) },
      );
      if (w.changed) this.stmts.setDeletedBy.run(by, id);
    });
    tx.immediate();
  }

  restore(id: string): Article {
    const tx = this.db.transaction(() => {
      const row = this.row(id);
      const baseVersion = row.server_version ?? 0;
      const w = this.writer.writeOne(
        'article',
        'article.restore',
        { id, baseVersion },
        { before: articleStateOf(row) },
      );
      if (w.changed) this.stmts.setDeletedBy.run(null, id);
    });
    tx.immediate();
    return this.get(id);
  }

  /** How the local writer reads and keeps article states (the one owner of these tables). */
  readonly localStates: LocalStateStore<'article'> = {
    load: (id) => {
      const row = this.stmts.get.get(id) as ArticleRow | undefined;
      return row ? articleStateOf(row) : null;
    },
    persist: (before, after, hint) =>
      before ? this.persistChange(before, after, hint) : this.persistNew(after),
    outboxBase: (name, _id, before) => (name === 'article.create' ? null : (before?.version ?? 0)),
  };

  private persistNew(a: ArticleState): void {
    const fields = pickFields(a);
    const bodyJson = JSON.stringify(a.body);
    const bodyText = bodyPlainText(a.body);
    let info: { lastInsertRowid: number | bigint };
    try {
      info = this.stmts.insert.run({
        id: a.id,
        ...this.fieldParams(fields),
        body_json: bodyJson,
        body_text: bodyText,
        word_count: countWords(bodyText),
        status: a.status,
        author_id: a.authorId,
        created_at: a.createdAt,
        updated_at: a.updatedAt,
      });
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new ConflictError(`An article with id ${a.id} already exists.`);
      }
      throw e;
    }
    this.tags.setForArticle(a.id, fields.tags);
    this.index(Number(info.lastInsertRowid), fields, bodyText);
    this.stmts.insertRevision.run(
      uuidv7(),
      a.id,
      1,
      'created',
      bodyJson,
      JSON.stringify(fields),
      bodyJson.length,
      a.createdAt,
      this.currentUser(),
    );
  }

  private persistChange(
    before: ArticleState,
    after: ArticleState,
    hint: ArticleWriteHint | undefined,
  ): void {
    const meta =
      hint?.row ??
      (this.stmts.localMeta.get(after.id) as Pick<
        ArticleRow,
        'rowid' | 'revision' | 'body_json' | 'body_text'
      >);
    const fields = pickFields(after);
    const revision = revisionAfter(before, hint);
    this.stmts.updateState.run({
      id: after.id,
      ...this.fieldParams(fields),
      status: after.status,
      assignee_id: after.assigneeId,
      published_at: after.publishedAt,
      deleted_at: after.deletedAt,
      revision,
      updated_at: after.updatedAt,
      scheduled_at: after.scheduledAt ?? null,
      embargo_until: after.embargoUntil ?? null,
      field_suggestions_json: JSON.stringify(after.fieldSuggestions ?? []),
    });
    const bodyChanged = after.body !== before.body;
    let bodyJson = meta.body_json;
    let bodyText = meta.body_text;
    if (bodyChanged) {
      bodyJson = hint?.body?.value === after.body ? hint.body.json : JSON.stringify(after.body);
      bodyText = bodyPlainText(after.body);
      this.stmts.updateBody.run({
        id: after.id,
        body_json: bodyJson,
        body_text: bodyText,
        word_count: countWords(bodyText),
      });
    }
    const tagsChanged = !sameValue(before.tags, after.tags);
    if (tagsChanged) this.tags.setForArticle(after.id, fields.tags);
    const indexed = ['kicker', 'headline', 'teaser'] as const;
    if (bodyChanged || tagsChanged || indexed.some((k) => before[k] !== after[k])) {
      this.index(meta.rowid, fields, bodyText, true);
    }
    if (hint?.revisionReason !== undefined) {
      this.stmts.insertRevision.run(
        uuidv7(),
        after.id,
        revision,
        hint.revisionReason,
        bodyJson,
        JSON.stringify(fields),
        bodyJson.length,
        after.updatedAt,
        this.currentUser(),
      );
    }
  }

  /** One page of the list under a filter (`me`: the signed-in user's id, for `mine`). */
  list(f: ListFilter, me: string | null = null): { items: ArticleSummary[]; total: number } {
    const { where, params, order } = filterSql(f, me);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    // Deferred join: the offset is walked in the index alone, then only one page of rows is read.
    const items = this.cached(
      `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE rowid IN (
         SELECT rowid FROM articles ${clause} ORDER BY ${order} LIMIT ? OFFSET ?)
       ORDER BY ${order}`,
    ).all(...params, f.limit, f.offset) as SummaryRow[];
    const total = (
      this.cached(`SELECT COUNT(*) AS n FROM articles ${clause}`).get(...params) as { n: number }
    ).n;
    return { items: items.map(rowToSummary), total };
  }

  /**
   * Newest first rather than by relevance: on a desk the latest piece on a topic is the one
   * wanted, and FTS5 can then stop after `limit` hits instead of ranking every match. The list's
   * filters narrow the hits in the same statement.
   */
  search(
    query: string,
    limit: number,
    filter: ArticleFilter = {},
    me: string | null = null,
  ): ArticleSummary[] {
    const fts = toFtsQuery(query);
    if (!fts) return [];
    const { where, params } = filterSql(filter, me, 'a.');
    const columns = SUMMARY_COLUMNS.split(', ')
      .map((c) => `a.${c}`)
      .join(', ');
    const sql = `SELECT ${columns}
         FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
        WHERE ${['articles_fts MATCH ?', ...where].join(' AND ')}
        ORDER BY articles_fts.rowid DESC LIMIT ?`;
    return (this.cached(sql).all(fts, ...params, limit) as SummaryRow[]).map(rowToSummary);
  }

  /** Everyone who wrote a live article here, named for the author filter. */
  authors(me: { id: string; username: string } | null): ArticleAuthor[] {
    const rows = this.stmts.authors.all() as { id: string; byline: string }[];
    return rows
      .map((r) => ({ id: r.id, name: me && r.id === me.id ? me.username : r.byline || r.id }))
      .sort((x, y) => x.name.localeCompare(y.name));
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
      author: string | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      articleId: r.article_id,
      revision: r.revision,
      reason: r.reason,
      size: r.size,
      createdAt: r.created_at,
      author: r.author,
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
          author: string | null;
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
      author: r.author,
      body: JSON.parse(r.body_json) as BodyJson,
      fields: JSON.parse(r.fields_json) as Record<string, unknown>,
    };
  }

  /** Restoring writes a new revision with the old content; the current one stays in history. */
  restoreRevision(revisionId: string): SavedArticle {
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
      meta_description: f.metaDescription,
      social_image_id: f.socialImageId,
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
