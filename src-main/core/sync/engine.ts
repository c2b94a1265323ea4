/**
 * The sync loop of the desktop core (DESIGN §6, SYNC.md): push the outbox, then pull pages until
 * caught up. Runs one cycle at a time, triggered by local changes (debounced), an interval, and
 * explicit `syncNow`; backs off exponentially with jitter on network errors and 5xx, honouring
 * Retry-After. All network I/O is async; every SQLite step is short, so the core keeps answering.
 */
import { realpathSync, statSync } from 'node:fs';
import { v4 as uuidv4 } from 'uuid';
import type { CoreEvent, SyncStatus } from '../../../src-shared/api';
import type { BodyConflictRegion } from '../../../src-shared/merge';
import type { ArticleState } from '../../../src-shared/mutations';
import type { PublicUser, PushMutation } from '../../../src-shared/protocol';
import { MUTATION_NAMES, type MutationName } from '../../../src-shared/mutations';
import { IMAGE_MAX_BYTES } from '../../../src-shared/model';
import type { ArticleRepository } from '../store/articles';
import type { SyncedImageRepository } from '../store/images-sync';
import type { Db } from '../store/db';
import { applyPullPage } from './apply';
import { CommentRepository } from '../store/comments';
import { NoticeRepository } from '../store/notices';
import { fetchTimeline } from '../review/remote';
import { announceNotices } from './notices';
import { retryDelay } from './backoff';
import { ConflictRepository } from './conflicts';
import { SyncHttp, SyncHttpError } from './http';
import { MassDeleteError, MassDeleteGuard, type MassDelete } from './failsafe';
import { SyncStore, type PendingRow } from './store';
import type { TokenStore } from './tokens';
import type { DeskLog } from '../log/desk-log';
import { logSyncFailure } from './sync-log';

export interface SyncEngineOptions {
  db: Db;
  dbPath: string;
  articles: ArticleRepository;
  images: SyncedImageRepository;
  tokens: TokenStore;
  emit(event: CoreEvent): void;
  /** Read a blob's bytes for upload before its image.create is pushed. */
  readBlob?(sha256: string): Buffer | null;
  /** Schedule syncs by itself (debounce, interval, retries). The CLI runs explicit syncs only. */
  auto: boolean;
  debounceMs?: number;
  intervalMs?: number;
  pullLimit?: number;
  pushBatch?: number;
  timeoutMs?: number;
  random?: () => number;
  now?: () => string;
  /** Where a line per sync round and per failure goes (see ../log/desk-log.ts). */
  log?: DeskLog;
}

type State = SyncStatus['state'];

export class SyncEngine {
  readonly store: SyncStore;
  readonly conflicts: ConflictRepository;
  readonly comments: CommentRepository;
  readonly notices: NoticeRepository;
  private state: State = 'offline';
  private lastError: string | null = null;
  /** Push: mutations sent of those waiting. Pull: changes received (the total is unknown). */
  private progress: { done: number; total: number | undefined } | null = null;
  private failures = 0;
  private pushedThrough = 0;
  private pulledInCycle = 0;
  private debounceTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private intervalTimer: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private emittingOwn = false;
  /** Items this cycle found that can never sync (SYNC §11: surfaced, not retried forever). */
  private unsyncable: string[] = [];
  private readonly downloads = new Map<string, Promise<Buffer>>();
  private readonly guard: MassDeleteGuard;
  /** A pull stopped by the mass-deletion fail-safe, until confirmed or resolved. */
  private massDelete: MassDelete | null = null;
  private allowMassDelete = false;
  private closed = false;
  private readonly abort = new AbortController();
  private readonly now: () => string;

  constructor(private readonly opts: SyncEngineOptions) {
    this.store = new SyncStore(opts.db);
    this.conflicts = new ConflictRepository(opts.db);
    this.guard = new MassDeleteGuard(opts.db);
    this.comments = new CommentRepository(opts.db);
    this.notices = new NoticeRepository(opts.db);
    this.now = opts.now ?? (() => new Date().toISOString());
  }

  /** Checks the client identity and, for self-scheduling hosts, starts the loop. */
  start(): void {
    this.ensureIdentity();
    const signedIn = this.signedIn();
    if (signedIn) this.state = 'idle';
    if (this.opts.auto && signedIn) {
      this.startInterval();
      this.schedule(0);
    }
  }

  get clientId(): string {
    return this.store.get('client_id') ?? this.ensureIdentity();
  }

  signedIn(): boolean {
    return this.opts.tokens.load() !== null && this.store.get('server_url') !== null;
  }

  status(): SyncStatus {
    const signedIn = this.signedIn();
    const s: SyncStatus = {
      state: signedIn ? this.state : 'offline',
      pending: this.store.outboxCount(),
      lastSyncAt: this.store.get('last_sync_at'),
      lastError: this.lastError,
      user: signedIn ? this.store.getJson<PublicUser>('user') : null,
      serverUrl: this.store.get('server_url'),
    };
    if (this.massDelete && signedIn) s.massDelete = { ...this.massDelete };
    if (this.progress && this.state === 'syncing') {
      s.done = this.progress.done;
      if (this.progress.total !== undefined) s.total = this.progress.total;
    }
    return s;
  }

  // ---- identity ----

  /**
   * One client id per profile database. A copied or restored file (another path or inode) gets a
   * fresh id, and its unsent mutations are renumbered from 1: otherwise the server would skip
   * them as duplicates of what the original file already sent.
   */
  private ensureIdentity(): string {
    let ident = this.opts.dbPath;
    try {
      ident = `${realpathSync(this.opts.dbPath)}#${statSync(this.opts.dbPath).ino}`;
    } catch {
      // An in-memory or vanished file: the path alone identifies it.
    }
    const id = this.store.get('client_id');
    if (id && this.store.get('client_db_ident') === ident) return id;
    return this.newClientId(ident);
  }

  private newClientId(ident?: string): string {
    const id = uuidv4();
    const tx = this.opts.db.transaction(() => {
      this.store.set('client_id', id);
      if (ident) this.store.set('client_db_ident', ident);
      this.store.set('last_acked_mutation_id', 0);
      this.store.renumberOutbox();
    });
    tx.immediate();
    this.pushedThrough = 0;
    return id;
  }

  // ---- sign in ----

  async login(serverUrl: string, username: string, password: string): Promise<SyncStatus> {
    const url = serverUrl.replace(/\/+$/, '');
    const res = await new SyncHttp(url, null, this.httpOpts()).login(username, password);
    const prevUser = this.store.getJson<PublicUser>('user');
    const prevUrl = this.store.get('server_url');
    const tx = this.opts.db.transaction(() => {
      if ((prevUser && prevUser.id !== res.user.id) || (prevUrl && prevUrl !== url)) {
        // Another account or server: a new client there, and everything is pulled afresh.
        this.newClientId();
        this.store.set('cursor', 0);
      }
      this.store.set('server_url', url);
      this.store.set('user', JSON.stringify(res.user));
    });
    tx.immediate();
    this.opts.tokens.save(res.token);
    this.state = 'idle';
    this.lastError = null;
    this.failures = 0;
    this.emitStatus();
    if (this.opts.auto) {
      this.startInterval();
      this.schedule(0);
    }
    return this.status();
  }

  async logout(): Promise<void> {
    const token = this.opts.tokens.load();
    const url = this.store.get('server_url');
    this.opts.tokens.clear();
    this.clearTimers();
    this.state = 'offline';
    if (token && url) {
      await new SyncHttp(url, token, this.httpOpts()).logout().catch(() => undefined);
    }
    this.emitStatus();
  }

  // ---- triggers ----

  /** Core events: a local change schedules a debounced sync. */
  onCoreEvent(e: CoreEvent): void {
    if (this.emittingOwn || this.closed || !this.opts.auto) return;
    if (
      e.type.startsWith('article.') ||
      e.type.startsWith('image.') ||
      e.type === 'comments.updated'
    )
      this.localChange();
  }

  localChange(): void {
    if (!this.signedIn() || this.closed) return;
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = null;
      if (!this.retryTimer) void this.run();
    }, this.opts.debounceMs ?? 2000);
    this.debounceTimer.unref?.();
  }

  /**
   * An explicit sync: ignores any backoff wait and resolves when a full cycle has run.
   * `allowMassDelete`: the user confirmed the deletions the fail-safe stopped (SYNC §7).
   */
  async syncNow(opts: { allowMassDelete?: boolean } = {}): Promise<SyncStatus> {
    if (opts.allowMassDelete) this.allowMassDelete = true;
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    await this.run();
    return this.status();
  }

  /** Runs one cycle after the current one; concurrent requests share the queued cycle. */
  run(): Promise<void> {
    if (this.queued) return this.queued;
    const prev = this.current;
    const next: Promise<void> = Promise.resolve()
      .then(() => prev?.catch(() => undefined))
      .then(() => {
        if (this.queued === next) this.queued = null;
        this.current = next;
        return this.cycle();
      })
      .finally(() => {
        if (this.current === next) this.current = null;
      });
    this.queued = next;
    return next;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.clearTimers();
    this.abort.abort();
    await (this.queued ?? this.current)?.catch(() => undefined);
  }

  private schedule(ms: number): void {
    if (this.closed || !this.opts.auto) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.run();
    }, ms);
    this.retryTimer.unref?.();
  }

  private startInterval(): void {
    if (this.intervalTimer || !this.opts.auto) return;
    this.intervalTimer = setInterval(() => {
      if (!this.retryTimer && !this.current) void this.run();
    }, this.opts.intervalMs ?? 30_000);
    this.intervalTimer.unref?.();
  }

  private clearTimers(): void {
    for (const t of [this.debounceTimer, this.retryTimer]) if (t) clearTimeout(t);
    if (this.intervalTimer) clearInterval(this.intervalTimer);
    this.debounceTimer = this.retryTimer = this.intervalTimer = null;
  }

  // ---- one cycle ----

  private httpOpts() {
    return { timeoutMs: this.opts.timeoutMs ?? 30_000, signal: this.abort.signal };
  }

  private async cycle(): Promise<void> {
    if (this.closed) return;
    const token = this.opts.tokens.load();
    const url = this.store.get('server_url');
    if (!token || !url) {
      this.state = 'offline';
      return;
    }
    const http = new SyncHttp(url, token, this.httpOpts());
    this.state = 'syncing';
    this.progress = { done: 0, total: this.store.outboxCount() };
    this.unsyncable = [];
    this.emitStatus();
    const round = { started: Date.now(), pushedFrom: this.pushedThrough, pulled: 0 };
    this.pulledInCycle = 0;
    try {
      // A body written before its article's create was acknowledged waits for the pull that
      // brings the real base; then it goes out in the next round of the same cycle.
      for (let round = 0; round < 3; round++) {
        const waitsForBase = await this.push(http);
        await this.pull(http);
        if (!waitsForBase) break;
      }
      this.massDelete = null;
      this.allowMassDelete = false;
      await this.announce(url, token);
      this.failures = 0;
      this.state = this.unsyncable.length > 0 ? 'error' : 'idle';
      this.lastError = this.unsyncable.length > 0 ? this.unsyncable.join(' ') : null;
      this.store.set('last_sync_at', this.now());
      this.opts.log?.info('sync.round', {
        pushed: this.pushedThrough - round.pushedFrom,
        pulled: this.pulledInCycle,
        pending: this.store.outboxCount(),
        unsyncable: this.unsyncable.length,
        ms: Date.now() - round.started,
      });
      // Changes written while this cycle ran go out with the next one.
      if (this.store.outboxAfter(this.pushedThrough, 1).length > 0) this.localChange();
    } catch (e) {
      if (this.closed) return;
      logSyncFailure(this.opts.log, e, Date.now() - round.started);
      this.onFailure(e);
    } finally {
      this.progress = null;
      if (!this.closed) this.emitStatus();
    }
  }

  private onFailure(e: unknown): void {
    if (e instanceof MassDeleteError) {
      // Not retried: every retry would stop at the same page. The user decides.
      this.state = 'error';
      this.lastError = e.message;
      this.massDelete = e.info;
      return;
    }
    if (e instanceof SyncHttpError) {
      this.lastError = e.message;
      if (e.status === 401) {
        this.state = 'error';
        this.lastError = 'The server no longer accepts this sign-in. Please sign in again.';
        this.opts.tokens.clear();
        return;
      }
      this.state = e.status === null ? 'offline' : 'error';
      if (e.transient || e.status === null) {
        this.failures += 1;
        this.schedule(retryDelay(this.failures, e.retryAfterMs, this.opts.random));
      }
      return;
    }
    this.state = 'error';
    this.lastError = e instanceof Error ? e.message : String(e);
    this.failures += 1;
    this.schedule(retryDelay(this.failures, null, this.opts.random));
  }

  /** Pushes the queue; true when it stopped at a body that waits for its base (see batch). */
  private async push(http: SyncHttp): Promise<boolean> {
    const clientId = this.clientId;
    let after = Math.max(this.pushedThrough, this.store.getNumber('last_acked_mutation_id'));
    let lastGap = -1;
    // Articles whose create went out (in this push, or in one whose pull has not come yet).
    const created = new Set<string>();
    for (const r of this.store.outboxAfter(0, after)) {
      if (r.mutationId <= after && r.name === 'article.create') created.add(r.entityId);
    }
    for (let round = 0; round < 10_000 && !this.closed; round++) {
      const { rows: batch, waitsForBase } = this.batch(after, created);
      if (batch.length === 0) return waitsForBase;
      const rows = await this.uploadBlobs(http, batch);
      if (rows.length === 0) continue; // an unsendable row was taken out: batch again
      const first = rows[0]!.mutationId;
      const last = rows[rows.length - 1]!.mutationId;
      this.store.markInflight(first, last);
      let acked: number;
      try {
        acked = (await http.push(clientId, rows.map(toPushMutation))).lastMutationId;
      } catch (e) {
        if (!(e instanceof SyncHttpError) || e.code !== 'mutation_gap') throw e;
        // The server expects lastMutationId + 1: resend from there, if this profile still has it.
        const expected = Number((e.body as { lastMutationId?: unknown }).lastMutationId ?? 0);
        if (
          expected === lastGap ||
          (expected + 1 < first && this.store.outboxRow(expected + 1) === null)
        ) {
          throw new SyncHttpError(
            `The server has mutations up to ${expected} from this profile, which cannot continue from there ` +
              '(was it restored from a backup?). Sign in again to register it as a new client.',
            false,
            409,
            'mutation_gap',
          );
        }
        lastGap = expected;
        after = expected;
        continue;
      }
      after = acked;
      this.pushedThrough = acked;
      if (this.progress?.total !== undefined)
        this.progress.done = Math.min(this.progress.total, this.progress.done + rows.length);
      this.emitStatus();
      if (acked < last) return false; // the server stopped early; the pull tells us why
      if (waitsForBase) return true;
    }
    return false;
  }

  /**
   * The next push batch. It stops before a setBody written against an article the server had
   * not assigned a body version yet (base 0) while that article's create goes out in this push:
   * the pull after the push supplies the real base (`waitsForBase`).
   */
  private batch(
    after: number,
    created: Set<string>,
  ): { rows: PendingRow[]; waitsForBase: boolean } {
    const rows = this.store.outboxAfter(after, this.opts.pushBatch ?? 200);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (r.name === 'article.create') created.add(r.entityId);
      if (
        r.name === 'article.setBody' &&
        (r.args as { baseBodyVersion?: number }).baseBodyVersion === 0 &&
        created.has(r.entityId)
      ) {
        return { rows: rows.slice(0, i), waitsForBase: true };
      }
    }
    return { rows, waitsForBase: false };
  }

  /**
   * Uploads the blobs of the batch's image.create rows and returns the rows that may go now.
   * An image whose bytes are neither here nor on the server can never sync: its image.create
   * leaves the queue (kept as a conflict, named in the status) instead of blocking it forever.
   */
  private async uploadBlobs(http: SyncHttp, rows: PendingRow[]): Promise<PendingRow[]> {
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (r.name !== 'image.create') continue;
      const sha = (r.args as { sha256: string }).sha256;
      const bytes = this.opts.readBlob?.(sha) ?? null;
      if (bytes) {
        await http.putBlob(sha, bytes);
        this.opts.images.setBlobState(sha, 'uploaded');
        continue;
      }
      if (await http.hasBlob(sha)) continue;
      // Rows before it go first; then it is the first unsent row and can be taken out.
      if (i > 0) return rows.slice(0, i);
      this.dropUnsyncableImage(r);
      return [];
    }
    return rows;
  }

  private dropUnsyncableImage(r: PendingRow): void {
    const args = r.args as { sha256: string; meta?: { fileName?: string } };
    const name = args.meta?.fileName ? `"${args.meta.fileName}" ` : '';
    const reason =
      `Image ${name}(${r.entityId}) cannot be uploaded: its file is missing on this computer ` +
      'and the server does not have it. Import the file again to sync it.';
    const tx = this.opts.db.transaction(() => {
      this.conflicts.addUnsyncable(
        `unsyncable:${r.entityId}:${uuidv4()}`,
        r,
        'blob_missing',
        reason,
        this.now(),
      );
      this.store.dropUnsent(r.mutationId);
    });
    tx.immediate();
    this.unsyncable.push(reason);
  }

  /** A downloaded blob is stored in the profile: record its size and that the server has it. */
  blobDownloaded(sha256: string, size: number): void {
    this.opts.images.markDownloaded(sha256, size);
  }

  /**
   * The bytes of an image known from the server, downloaded on first need (SYNC §11) with the
   * hash checked. Concurrent requests for one blob share one download.
   */
  fetchBlob(sha256: string): Promise<Buffer> {
    let p = this.downloads.get(sha256);
    if (!p) {
      const token = this.opts.tokens.load();
      const url = this.store.get('server_url');
      if (!token || !url) {
        return Promise.reject(
          new SyncHttpError('Sign in to download this image from the server.', false, 401, null),
        );
      }
      p = new SyncHttp(url, token, this.httpOpts())
        .getBlob(sha256, IMAGE_MAX_BYTES)
        .finally(() => this.downloads.delete(sha256));
      this.downloads.set(sha256, p);
    }
    return p;
  }

  private async pull(http: SyncHttp): Promise<void> {
    const user = this.store.getJson<PublicUser>('user');
    if (!user) return;
    let resynced = false;
    this.guard.begin();
    for (let page = 0; page < 1_000_000 && !this.closed; page++) {
      const cursor = this.store.getNumber('cursor');
      let res;
      try {
        res = await http.pull(this.clientId, cursor, this.opts.pullLimit ?? 500);
      } catch (e) {
        if (e instanceof SyncHttpError && e.status === 410 && !resynced) {
          // Unknown cursor: pull everything again; the outbox and conflicts stay.
          resynced = true;
          this.store.set('cursor', 0);
          continue;
        }
        throw e;
      }
      if (this.closed) return;
      this.guard.check(res, this.allowMassDelete);
      const result = applyPullPage(
        {
          store: this.store,
          conflicts: this.conflicts,
          articles: this.opts.articles,
          images: this.opts.images,
          clientId: this.clientId,
          actor: { id: user.id, role: user.role },
          now: this.now,
          comments: this.comments,
          notices: this.notices,
        },
        res,
      );
      if (this.pushedThrough < res.lastMutationId) this.pushedThrough = res.lastMutationId;
      this.emitOwn(result.events);
      this.pulledInCycle += result.applied;
      if (this.progress) {
        if (this.progress.total !== undefined) this.progress = { done: 0, total: undefined };
        this.progress.done += result.applied;
      }
      this.emitStatus();
      if (!res.hasMore) return;
    }
  }

  /** Completes and emits the notices the pull recorded (see ./notices.ts). */
  private async announce(url: string, token: string): Promise<void> {
    const user = this.store.getJson<PublicUser>('user');
    if (!user || this.closed) return;
    await announceNotices(
      this.notices,
      user.id,
      async (articleId) => {
        const t = await fetchTimeline(url, token, articleId, this.opts.timeoutMs ?? 30_000);
        return t.ok ? t.items : null;
      },
      (e) => this.emitOwn([e]),
      this.now,
    );
  }

  // ---- events ----

  private emitOwn(events: CoreEvent[]): void {
    this.emittingOwn = true;
    try {
      for (const e of events) this.opts.emit(e);
    } finally {
      this.emittingOwn = false;
    }
  }

  private emitStatus(): void {
    if (this.closed) return;
    this.emitOwn([{ type: 'sync.status', status: this.status() }]);
  }

  /** What became of one of this client's mutations, once pushed and pulled. */
  verdict(
    mutationId: number,
  ): { state: 'pending' } | { state: 'done' } | { state: 'rejected'; reason: string } {
    const c = this.conflicts.get(`rejected:${this.clientId}:${mutationId}`);
    if (c) return { state: 'rejected', reason: c.reason ?? 'The server refused this change.' };
    return this.store.outboxRow(mutationId) ? { state: 'pending' } : { state: 'done' };
  }

  /** Keeps a body region a local save could not merge (see ArticleRepository.onBodyConflict). */
  addLocalBodyConflict(articleId: string, region: BodyConflictRegion): void {
    this.conflicts.addLocalBody(`local:${uuidv4()}`, articleId, region, this.now());
    this.refreshConflictFlag(articleId);
  }

  /** Recomputes an article's conflict badge after a conflict was resolved. */
  refreshConflictFlag(articleId: string): void {
    this.opts.db
      .prepare('UPDATE articles SET has_conflict = ? WHERE id = ?')
      .run(this.conflicts.openCount('article', articleId) > 0 ? 1 : 0, articleId);
  }

  /** The server state of an article as last pulled (the merge base), if any. */
  serverState(id: string): ArticleState | null {
    return (this.store.getBase('article', id)?.data as ArticleState | undefined) ?? null;
  }
}

const NAMES = new Set<string>(MUTATION_NAMES);

function toPushMutation(r: PendingRow): PushMutation {
  if (!NAMES.has(r.name)) throw new Error(`Unknown mutation ${r.name} in the outbox.`);
  return { id: r.mutationId, name: r.name as MutationName, args: r.args };
}
