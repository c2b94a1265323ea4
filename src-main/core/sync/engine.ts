/**
 * The sync engine of the desktop core (docs/sync.md): one round pushes the outbox, then pulls
 * pages until caught up, then announces notices. The parts each have one job: ./scheduler.ts
 * (when rounds run, backoff), ./pusher.ts (push), ./puller.ts and ./apply.ts (pull and rebase),
 * ./blobs.ts (image bytes), ./notices.ts (notices), ./identity.ts (client id). This class signs
 * in and out, runs a round (`syncNow`, or `requestSync` for a debounced one), keeps the status
 * and reports the end of every round to `onRoundEnd` listeners. All network I/O is async; every
 * SQLite step is short, so the core keeps answering.
 */
import type { CoreEvent, SyncStatus } from '../../../src-shared/api';
import type { ArticleState } from '../../../src-shared/mutations';
import type { PublicUser } from '../../../src-shared/protocol';
import type { ArticleRepository } from '../store/articles';
import type { CommentRepository } from '../store/comments';
import type { DictionaryRepository } from '../store/dictionary';
import type { Db } from '../store/db';
import type { SyncedImageRepository } from '../store/images-sync';
import type { NoticeRepository } from '../store/notices';
import type { OutboxRepository } from '../store/outbox';
import { fetchTimeline } from '../review/remote';
import { retryDelay } from './backoff';
import { BlobTransfer } from './blobs';
import type { ConflictRepository } from './conflicts';
import { MassDeleteError, MassDeleteGuard, type MassDelete } from './failsafe';
import { SyncHttp, SyncHttpError } from './http';
import { ClientIdentity } from './identity';
import { announceNotices } from './notices';
import { Puller } from './puller';
import { Pusher } from './pusher';
import { SyncScheduler } from './scheduler';
import { SyncStore } from './store';
import type { TokenStore } from './tokens';
import type { DeskLog } from '../log/desk-log';
import { logSyncFailure } from './sync-log';
import { cachedTimeZone, refreshTimeZone } from './newsroom';
import { cachedUserNames, storeUserNames } from './userNames';

const TIME_ZONE_TIMEOUT_MS = 5000;

export interface SyncEngineOptions {
  db: Db;
  dbPath: string;
  articles: ArticleRepository;
  images: SyncedImageRepository;
  outbox: OutboxRepository;
  conflicts: ConflictRepository;
  comments: CommentRepository;
  dictionary: DictionaryRepository;
  notices: NoticeRepository;
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

/** How a round ended, for `onRoundEnd` listeners (e.g. logging). */
export interface RoundEnd {
  state: State;
  error: string | null;
  pending: number;
}

export class SyncEngine {
  readonly store: SyncStore;
  private readonly identity: ClientIdentity;
  private readonly scheduler: SyncScheduler;
  private readonly pusher: Pusher;
  private readonly puller: Puller;
  private readonly blobs: BlobTransfer;
  private state: State = 'offline';
  private lastError: string | null = null;
  /** Push: mutations sent of those waiting. Pull: changes received (the total is unknown). */
  private progress: { done: number; total: number | undefined } | null = null;
  private failures = 0;
  /** Items this round found that can never sync: surfaced, not retried forever. */
  private unsyncable: string[] = [];
  /** A pull stopped by the mass-deletion fail-safe, until confirmed or resolved. */
  private massDelete: MassDelete | null = null;
  private allowMassDelete = false;
  /** Whether this session has asked the server for the newsroom's time zone yet. */
  private timeZoneAsked = false;
  /** Whether this session has asked the server who is signed in (for the display name). */
  private meAsked = false;
  private closed = false;
  private readonly abort = new AbortController();
  private readonly now: () => string;
  private readonly roundEndListeners = new Set<(end: RoundEnd) => void>();

  constructor(private readonly opts: SyncEngineOptions) {
    this.store = new SyncStore(opts.db);
    this.now = opts.now ?? (() => new Date().toISOString());
    this.identity = new ClientIdentity(opts.db, opts.dbPath, this.store, opts.outbox);
    this.scheduler = new SyncScheduler(() => this.round(), {
      auto: opts.auto,
      debounceMs: opts.debounceMs,
      intervalMs: opts.intervalMs,
    });
    this.blobs = new BlobTransfer({
      db: opts.db,
      images: opts.images,
      outbox: opts.outbox,
      conflicts: opts.conflicts,
      readBlob: opts.readBlob ? (sha) => opts.readBlob?.(sha) ?? null : undefined,
      client: () => this.client(),
      now: this.now,
    });
    const stopped = () => this.closed;
    this.pusher = new Pusher(this.store, opts.outbox, this.blobs, opts.pushBatch ?? 200, stopped);
    this.puller = new Puller(
      {
        db: opts.db,
        store: this.store,
        outbox: opts.outbox,
        conflicts: opts.conflicts,
        articles: opts.articles,
        images: opts.images,
        comments: opts.comments,
        dictionary: opts.dictionary,
        notices: opts.notices,
        now: this.now,
      },
      this.store,
      new MassDeleteGuard(opts.db),
      opts.pullLimit ?? 500,
      stopped,
    );
  }

  /** Checks the client identity and, for self-scheduling hosts, starts the loop. */
  start(): void {
    this.identity.ensure();
    const signedIn = this.signedIn();
    if (signedIn) this.state = 'idle';
    if (signedIn) {
      this.scheduler.startInterval();
      this.scheduler.retryIn(0);
    }
  }

  get clientId(): string {
    return this.identity.id;
  }

  signedIn(): boolean {
    return this.opts.tokens.load() !== null && this.store.get('server_url') !== null;
  }

  /** The username this desk last signed in as (it stays the profile's person after sign-out). */
  username(): string | null {
    return this.store.getJson<PublicUser>('user')?.username ?? null;
  }

  /** The newsroom's display names by username, as last synced. */
  userNames(): Record<string, string> {
    return cachedUserNames(this.store);
  }

  status(): SyncStatus {
    const signedIn = this.signedIn();
    const s: SyncStatus = {
      state: signedIn ? this.state : 'offline',
      pending: this.opts.outbox.size(),
      lastSyncAt: this.store.get('last_sync_at'),
      lastError: this.lastError,
      user: signedIn ? this.store.getJson<PublicUser>('user') : null,
      serverUrl: this.store.get('server_url'),
      timeZone: cachedTimeZone(this.store),
    };
    if (this.massDelete && signedIn) s.massDelete = { ...this.massDelete };
    if (this.progress && this.state === 'syncing') {
      s.done = this.progress.done;
      if (this.progress.total !== undefined) s.total = this.progress.total;
    }
    return s;
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
        this.identity.renew();
        this.pusher.pushedThrough = 0;
        this.store.set('cursor', 0);
      }
      this.store.set('server_url', url);
      this.store.set('user', JSON.stringify(res.user));
    });
    tx.immediate();
    this.opts.tokens.save(res.token);
    this.timeZoneAsked = false;
    this.meAsked = false;
    this.state = 'idle';
    this.lastError = null;
    this.failures = 0;
    this.emitStatus();
    this.scheduler.startInterval();
    this.scheduler.retryIn(0);
    return this.status();
  }

  /** Keeps the server's word on the signed-in user (its display name) for the status. */
  private rememberUser(user: PublicUser & { displayName?: string }): void {
    const stored = this.store.getJson<PublicUser & { displayName?: string }>('user');
    if (!stored || stored.id !== user.id || stored.displayName === user.displayName) return;
    const { id, username, role } = stored;
    const name = user.displayName ? { displayName: user.displayName } : {};
    this.store.set('user', JSON.stringify({ id, username, role, ...name }));
  }

  async logout(): Promise<void> {
    const token = this.opts.tokens.load();
    const url = this.store.get('server_url');
    this.opts.tokens.clear();
    this.scheduler.stop();
    this.state = 'offline';
    if (token && url) {
      await new SyncHttp(url, token, this.httpOpts()).logout().catch(() => undefined);
    }
    this.emitStatus();
  }

  // ---- triggers ----

  /** Core events: a change made on this desk schedules a debounced round. */
  onCoreEvent(e: CoreEvent): void {
    if (this.closed || !this.scheduler.auto) return;
    if ('origin' in e && e.origin === 'local') this.requestSync();
  }

  /** Something changed locally: a round after a quiet moment (self-scheduling hosts only). */
  requestSync(): void {
    if (!this.signedIn() || this.closed) return;
    this.scheduler.debounce();
  }

  /**
   * An explicit round: ignores any backoff wait and resolves when a full round has run.
   * `allowMassDelete`: the user confirmed the deletions the fail-safe stopped.
   */
  async syncNow(opts: { allowMassDelete?: boolean } = {}): Promise<SyncStatus> {
    if (opts.allowMassDelete) this.allowMassDelete = true;
    this.scheduler.cancelRetry();
    await this.scheduler.run();
    return this.status();
  }

  /** Called after every round, whatever its outcome; returns an unsubscribe function. */
  onRoundEnd(listener: (end: RoundEnd) => void): () => void {
    this.roundEndListeners.add(listener);
    return () => this.roundEndListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.abort.abort();
    await this.scheduler.close();
  }

  // ---- one round ----

  private httpOpts() {
    return { timeoutMs: this.opts.timeoutMs ?? 30_000, signal: this.abort.signal };
  }

  private client(): SyncHttp | null {
    const token = this.opts.tokens.load();
    const url = this.store.get('server_url');
    return token && url ? new SyncHttp(url, token, this.httpOpts()) : null;
  }

  private async round(): Promise<void> {
    if (this.closed) return;
    const token = this.opts.tokens.load();
    const url = this.store.get('server_url');
    if (!token || !url) {
      this.state = 'offline';
      return;
    }
    const http = new SyncHttp(url, token, this.httpOpts());
    this.state = 'syncing';
    this.progress = { done: 0, total: this.opts.outbox.size() };
    this.unsyncable = [];
    this.emitStatus();
    const round = { started: Date.now(), pushedFrom: this.pusher.pushedThrough, pulled: 0 };
    // Once a session, beside the push and pull (the zone is a server setting; it changes with a
    // restart at most); a server that does not answer is asked again next round.
    const timeZone = this.timeZoneAsked
      ? null
      : refreshTimeZone(this.store, url, TIME_ZONE_TIMEOUT_MS, this.abort.signal);
    // Also once a session: the signed-in user's display name (a server without one answers
    // without it, an old server not at all; the user name is shown then).
    const me = this.meAsked
      ? null
      : http.me().then(
          (r) => r.user,
          () => null,
        );
    const names = this.meAsked
      ? null
      : http.userNames().then(
          (r) => r.items,
          () => null,
        );
    try {
      // A body written before its article's create was acknowledged waits for the pull that
      // brings the real base; then it goes out in the next pass of the same round.
      for (let pass = 0; pass < 4; pass++) {
        const waitsForBase = await this.pusher.push(http, this.clientId, {
          sent: (n) => {
            if (this.progress?.total !== undefined)
              this.progress.done = Math.min(this.progress.total, this.progress.done + n);
            this.emitStatus();
          },
          unsyncable: (reason) => this.unsyncable.push(reason),
        });
        await this.puller.pull(http, this.clientId, this.allowMassDelete, (result, acked) => {
          if (this.pusher.pushedThrough < acked) this.pusher.pushedThrough = acked;
          this.emitAll(result.events);
          if (this.progress) {
            if (this.progress.total !== undefined) this.progress = { done: 0, total: undefined };
            this.progress.done += result.applied;
          }
          round.pulled += result.applied;
          this.emitStatus();
        });
        if (!waitsForBase) break;
      }
      this.massDelete = null;
      this.allowMassDelete = false;
      await this.announce(url, token);
      if (timeZone && (await timeZone) !== 'unknown') this.timeZoneAsked = true;
      const user = me && (await me);
      if (user) {
        this.meAsked = true;
        this.rememberUser(user);
      }
      const list = names && (await names);
      if (list && storeUserNames(this.store, list)) this.opts.emit({ type: 'users.names' });
      this.failures = 0;
      this.state = this.unsyncable.length > 0 ? 'error' : 'idle';
      this.lastError = this.unsyncable.length > 0 ? this.unsyncable.join(' ') : null;
      this.store.set('last_sync_at', this.now());
      this.opts.log?.info('sync.round', {
        pushed: this.pusher.pushedThrough - round.pushedFrom,
        pulled: round.pulled,
        pending: this.opts.outbox.size(),
        unsyncable: this.unsyncable.length,
        ms: Date.now() - round.started,
      });
      // Changes written while this round ran go out with the next one.
      if (this.pusher.hasUnpushed()) this.requestSync();
    } catch (e) {
      if (this.closed) return;
      logSyncFailure(this.opts.log, e, Date.now() - round.started);
      this.onFailure(e);
    } finally {
      this.progress = null;
      if (!this.closed) {
        this.emitStatus();
        this.endRound();
      }
    }
  }

  /** The one place a round ends. */
  private endRound(): void {
    const end: RoundEnd = {
      state: this.state,
      error: this.lastError,
      pending: this.opts.outbox.size(),
    };
    for (const l of this.roundEndListeners) l(end);
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
        this.scheduler.retryIn(retryDelay(this.failures, e.retryAfterMs, this.opts.random));
      }
      return;
    }
    this.state = 'error';
    this.lastError = e instanceof Error ? e.message : String(e);
    this.failures += 1;
    this.scheduler.retryIn(retryDelay(this.failures, null, this.opts.random));
  }

  /** Completes and emits the notices the pull recorded (see ./notices.ts). */
  private async announce(url: string, token: string): Promise<void> {
    const user = this.store.getJson<PublicUser>('user');
    if (!user || this.closed) return;
    await announceNotices(
      this.opts.notices,
      user.id,
      async (articleId) => {
        const t = await fetchTimeline(url, token, articleId, this.opts.timeoutMs ?? 30_000);
        return t.ok ? t.items : null;
      },
      (e) => this.emitAll([e]),
      this.now,
    );
  }

  // ---- blobs ----

  /** A downloaded blob is stored in the profile: record its size and that the server has it. */
  blobDownloaded(sha256: string, size: number): void {
    this.blobs.downloaded(sha256, size);
  }

  /** The bytes of an image known from the server, downloaded on first need, hash checked. */
  fetchBlob(sha256: string): Promise<Buffer> {
    return this.blobs.fetch(sha256);
  }

  // ---- events ----

  private emitAll(events: CoreEvent[]): void {
    for (const e of events) this.opts.emit(e);
  }

  private emitStatus(): void {
    if (this.closed) return;
    this.opts.emit({ type: 'sync.status', status: this.status() });
  }

  // ---- verdicts and conflicts ----

  /** What became of one of this client's mutations, once pushed and pulled. */
  verdict(
    mutationId: number,
  ):
    | { state: 'pending' }
    | { state: 'done' }
    | { state: 'rejected'; reason: string; code: string | null } {
    const c = this.opts.conflicts.rejection(this.clientId, mutationId);
    if (c) {
      return {
        state: 'rejected',
        reason: c.reason ?? 'The server refused this change.',
        code: c.code,
      };
    }
    return this.opts.outbox.row(mutationId) ? { state: 'pending' } : { state: 'done' };
  }

  /** The server state of an article as last pulled (the merge base), if any. */
  serverState(id: string): ArticleState | null {
    return (this.store.getBase('article', id)?.data as ArticleState | undefined) ?? null;
  }
}
