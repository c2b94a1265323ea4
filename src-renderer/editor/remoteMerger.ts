/**
 * Changes that sync brings into the article open in the editor (docs/sync.md, "The editor").
 *
 * Every save names the revision the editor's body is based on (`baseRevision`), so the core
 * merges three-way instead of overwriting a synced change. When a synced change arrives, nothing
 * under the cursor is replaced: body saves are held, a banner says what happened, and the merge
 * runs when the user pauses (no keystroke for `idleMs`) or asks for it. Then the held body is
 * saved against the old base (the core merges), metadata fields the user has not touched take
 * the new values, and the merged body goes into the editor with the caret kept.
 */
import type { ChangeOrigin, SavedArticle } from '../../src-shared/api';
import type { Article, ArticleFields, BodyJson } from '../../src-shared/model';
import { ARTICLE_FIELD_NAMES } from '../../src-shared/model';
import { blockContentKey, canonicalJson, mergeBodies } from '../../src-shared/merge';
import type { Autosaver, SaveRequest } from './autosave';
import { prepareBody } from './prepareBody';

export const FIELD_KEYS = ARTICLE_FIELD_NAMES;

export interface RemoteChange {
  /** Metadata fields the synced change altered. */
  fields: (keyof ArticleFields)[];
  body: boolean;
  /** Who changed it on the server, when the pulled change says so. */
  name: string | null;
}

export interface RemoteState {
  pending: RemoteChange | null;
  merging: boolean;
  error: string | null;
}

export interface RemoteMergerOptions {
  article: Article;
  idleMs?: number;
  get(): Promise<Article>;
  send(request: SaveRequest & { baseRevision: number }): Promise<SavedArticle>;
  readBody(): BodyJson;
  readFields(): ArticleFields;
  /** Puts merged field values into the form (no save). */
  applyFields(values: Partial<ArticleFields>): void;
  /** Puts a merged body into the editor (no save). */
  applyBody(body: BodyJson): void;
  onState(state: RemoteState): void;
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/**
 * The editor serializes every block with all of Lexical's defaults; a body written elsewhere
 * (another client, an import) may not. The shared merge compares blocks without those defaults
 * (blockContentKey), so this is no longer needed against false conflicts; it still sends blocks
 * that equal the base's but for the defaults as the base has them, so an untouched block is
 * stored byte-for-byte as it was.
 */
export function alignToBase(mine: BodyJson, base: BodyJson): BodyJson {
  const byId = new Map<string, unknown>();
  for (const b of base.root.children) {
    const id = (b as { $?: { blockId?: unknown } } | null)?.$?.blockId;
    if (typeof id === 'string') byId.set(id, b);
  }
  let changed = false;
  const children = mine.root.children.map((b) => {
    const id = (b as { $?: { blockId?: unknown } } | null)?.$?.blockId;
    const twin = typeof id === 'string' ? byId.get(id) : undefined;
    if (twin === undefined || same(b, twin) || blockContentKey(b) !== blockContentKey(twin))
      return b;
    changed = true;
    return twin;
  });
  return changed ? { ...mine, root: { ...mine.root, children } } : mine;
}

type SaveWithBase = SaveRequest & { baseRevision: number };

export class RemoteMerger {
  /** The last stored state this editor saw (its load, its saves, its merges). */
  private known: Article;
  /** The revision the editor's body is based on, and that body. */
  private base: number;
  private baseBody: BodyJson;
  /**
   * Set when a save of ours was already merged by the core with a synced change (the sync
   * landed while the save was on its way): the body the editor content derives from is the one
   * we sent, which no stored revision holds, so the final merge runs here against it.
   */
  private sentBody: BodyJson | null = null;
  private readonly touched = new Set<keyof ArticleFields>();
  private held = false;
  /** The body a running merge sent (if the user types during the merge, the next one starts from it). */
  private mergeSent: BodyJson | null = null;
  private inFlight = 0;
  private recheck = false;
  private merging = false;
  private keystrokes = 0;
  /** The newest revision a local-origin event announced while a save of ours was on its way. */
  private announced = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private pending: RemoteChange | null = null;
  private error: string | null = null;
  private saver: Autosaver | null = null;
  private closed = false;

  constructor(private readonly o: RemoteMergerOptions) {
    this.known = o.article;
    this.base = o.article.revision;
    this.baseBody = o.article.body;
  }

  attach(saver: Autosaver): void {
    this.saver = saver;
  }

  open(): void {
    this.closed = false;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.idleTimer);
  }

  get baseRevision(): number {
    return this.base;
  }

  /** A field edit by the user: it keeps its value through merges. */
  touch(key: keyof ArticleFields): void {
    this.touched.add(key);
    this.typed();
  }

  /** Any keystroke: postpones an automatic merge. */
  typed(): void {
    this.keystrokes++;
    if (this.pending) this.scheduleIdle();
  }

  /** The Autosaver's save: holds the body while a synced change waits, sends the base. */
  async save(request: SaveRequest): Promise<void> {
    let req: SaveRequest = request;
    if (req.body && (this.sentBody || (this.pending && !this.merging))) {
      this.held = true;
      req = req.fields ? { fields: req.fields } : {};
    }
    if (!req.body && !req.fields) return;
    this.inFlight++;
    try {
      const before = this.known;
      if (req.body && this.merging) {
        req = { ...req, body: alignToBase(req.body, this.baseBody) };
        this.mergeSent = req.body ?? null;
      }
      const saved = await this.o.send({ ...req, baseRevision: this.base });
      this.afterSave(before, req, saved);
    } finally {
      this.inFlight--;
      if (this.inFlight === 0 && (this.recheck || this.announced > this.known.revision)) {
        this.recheck = false;
        void this.check();
      }
    }
  }

  /**
   * A change event for this article. The event of our own save needs nothing: the save's answer
   * already said what was stored (its outcome), so only other changes make the editor look.
   */
  changed(e: { origin: ChangeOrigin; revision?: number | undefined }): void {
    if (e.origin === 'local' && e.revision !== undefined) {
      if (this.inFlight > 0) {
        this.announced = Math.max(this.announced, e.revision);
        return;
      }
      if (e.revision <= this.known.revision) return;
    }
    void this.check();
  }

  private afterSave(before: Article, req: SaveRequest, saved: SavedArticle): void {
    this.known = saved;
    if (this.merging) return;
    const sent = req.fields ?? {};
    const fields = FIELD_KEYS.filter((k) => !(k in sent) && !same(saved[k], before[k]));
    // The core says whether it stored the body as sent: no need to compare whole bodies.
    const bodyMerged = req.body !== undefined && saved.outcome !== 'applied';
    const body = bodyMerged || (req.body === undefined && !same(saved.body, before.body));
    if (bodyMerged) this.sentBody = req.body ?? null;
    if (fields.length > 0 || body) {
      this.addPending(fields, body, saved.updatedBy);
    } else if (!this.pending && !this.sentBody) {
      this.setBase(saved);
    }
  }

  /** After an `article.updated` event: did sync change what the editor shows? */
  async check(): Promise<void> {
    if (this.closed) return;
    if (this.merging || this.inFlight > 0) {
      this.recheck = true;
      return;
    }
    let a: Article;
    try {
      a = await this.o.get();
    } catch {
      return;
    }
    if (this.closed) return;
    if (this.merging || this.inFlight > 0) {
      this.recheck = true;
      return;
    }
    if (a.revision <= this.known.revision) return;
    const fields = FIELD_KEYS.filter((k) => !same(a[k], this.known[k]));
    const body = !same(a.body, this.known.body);
    this.known = a;
    if (fields.length > 0 || body) this.addPending(fields, body, a.updatedBy);
    else if (!this.pending && !this.sentBody) this.setBase(a);
  }

  private setBase(a: Article): void {
    this.base = a.revision;
    this.baseBody = a.body;
  }

  /** `name`: who made the synced change, as the stored article says (the latest one named wins). */
  private addPending(
    fields: (keyof ArticleFields)[],
    body: boolean,
    name: string | null | undefined,
  ): void {
    const prev = this.pending;
    this.pending = {
      fields: [...new Set([...(prev?.fields ?? []), ...fields])],
      body: body || (prev?.body ?? false),
      name: name ?? prev?.name ?? null,
    };
    this.scheduleIdle();
    this.emit();
  }

  private scheduleIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.mergeNow(), this.o.idleMs ?? 3000);
  }

  /**
   * Saves what is held (the core merges it three-way), then loads the merged state into the
   * form and the editor. `reset` names fields to take from the store even if the user touched
   * them (a conflict decided in the panel). Also used after a conflict was resolved.
   */
  async mergeNow(reset: (keyof ArticleFields)[] = []): Promise<void> {
    if (this.merging || this.closed) return;
    clearTimeout(this.idleTimer);
    this.merging = true;
    this.error = null;
    this.emit();
    const strokes = this.keystrokes;
    this.mergeSent = null;
    try {
      if (this.held && !this.sentBody) {
        this.held = false;
        this.saver?.markBodyDirty();
      }
      await this.saver?.flush();
      if (this.sentBody) {
        const stored = await this.o.get();
        const mine = this.o.readBody();
        const merged = mergeBodies(this.sentBody, alignToBase(mine, this.sentBody), stored.body);
        const request: SaveWithBase =
          merged.conflicts.length === 0
            ? { body: merged.body, baseRevision: stored.revision }
            : { body: alignToBase(mine, this.baseBody), baseRevision: this.base };
        this.known = await this.o.send(request);
        this.mergeSent = request.body ?? null;
        this.sentBody = null;
        this.held = false;
      }
      const a = await this.o.get();
      if (this.closed) return;
      if (this.keystrokes !== strokes) {
        // The user typed while we merged: their keystrokes stay; try again when they pause,
        // then from the body this merge stored (the store holds it merged already).
        if (this.mergeSent) this.sentBody = this.mergeSent;
        if (this.saver?.pending) this.held = true;
        this.scheduleIdle();
        return;
      }
      const current = this.o.readFields();
      const values: Partial<ArticleFields> = {};
      for (const k of FIELD_KEYS) {
        const keepMine = this.touched.has(k) && !reset.includes(k);
        if (!keepMine && !same(current[k], a[k])) Object.assign(values, { [k]: a[k] });
        if (!keepMine || same(current[k], a[k])) this.touched.delete(k);
      }
      if (Object.keys(values).length > 0) this.o.applyFields(values);
      if (!same(this.o.readBody(), a.body)) this.o.applyBody(prepareBody(a.body).body);
      this.known = a;
      this.setBase(a);
      this.pending = null;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      if (this.pending) this.scheduleIdle();
    } finally {
      this.merging = false;
      this.emit();
    }
  }

  private emit(): void {
    if (this.closed) return;
    this.o.onState({ pending: this.pending, merging: this.merging, error: this.error });
  }
}
