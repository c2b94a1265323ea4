/**
 * This instance's live sockets: authenticates them, pokes each about committed changes it may
 * read (from the bus, so changes committed on other instances count too), shares presence through
 * the bus, and drops sockets that stop answering pings.
 */
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import {
  LIVE_CLOSE,
  LiveClientMessage,
  parseLiveMessage,
  type LiveServerMessage,
  type PresenceList,
} from '../../src-shared/live';
import { PROTOCOL_VERSION } from '../../src-shared/protocol';
import { mayReadArticle } from '../../src-shared/workflow';
import type { AuthService } from '../auth/service';
import { HttpError } from '../http/errors';
import type { RawArticleRow, Storage, UserRow } from '../storage/types';
import type { BusMessage, CommittedChange, LiveBus, PresenceEntry } from './bus';
import { NOT_READ, loadChangedEntities, needsEntities, pokeSeq } from './pokes';
import { PresenceTable } from './presence';

export interface LiveOptions {
  /** Ping interval; a socket that has not answered the previous ping is dropped (default 3 s). */
  heartbeatMs?: number;
  /** How long a presence entry lives unless its instance refreshes it (default 15 s). */
  presenceTtlMs?: number;
  /**
   * Changes committed within this window make one poke per desk (default 15 ms): under load a
   * desk pulls once for many commits, and the server sends far fewer frames.
   */
  pokeBatchMs?: number;
  /**
   * While changes keep coming, at most one poke per desk in this interval (default 100 ms): a
   * desk that is poked pulls everything up to now, so a burst of commits needs no poke per
   * batch. The first change after a quiet interval is still poked after `pokeBatchMs`.
   */
  pokeIntervalMs?: number;
}

interface Connection {
  socket: WebSocket;
  clientId: string;
  user: UserRow;
  token: string;
  alive: boolean;
  /** The article the desk says it has open… */
  articleId: string | null;
  /** …and the one last announced on the bus (at most one announcement per PRESENCE_GAP_MS). */
  announced: string | null;
  lastAnnounce: number;
  announceTimer: NodeJS.Timeout | null;
  /** The presence list last sent, as JSON (nothing is sent when it has not changed). */
  sentPresence: string | null;
}

const LiveQuery = z.object({
  clientId: z.string().min(1).max(100),
  protocolVersion: z.coerce.number().int(),
});

type Accepted = { user: UserRow; token: string; clientId: string };
type Refused = { code: number; reason: string };

/** A desk flicking through articles announces the one it stops at, not every one on the way. */
const PRESENCE_GAP_MS = 200;

/** Close reasons are limited to 123 bytes. */
const reasonText = (s: string) => Buffer.from(s).subarray(0, 120).toString();

export class LiveHub {
  readonly instanceId = randomUUID();
  private readonly connections = new Set<Connection>();
  private readonly presence = new PresenceTable();
  private readonly heartbeatMs: number;
  private readonly ttlMs: number;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly unsubscribe: () => void;
  private presenceQueued = false;
  private readonly pokeBatchMs: number;
  private readonly pokeIntervalMs: number;
  private pending: CommittedChange[] = [];
  private pokeTimer: NodeJS.Timeout | null = null;
  /** When the last poke fan-out left (performance.now()), or -Infinity before the first. */
  private lastPokeAt = -Infinity;
  private closed = false;

  constructor(
    private readonly storage: Storage,
    private readonly bus: LiveBus,
    private readonly auth: AuthService,
    private readonly log: (line: string) => void,
    options: LiveOptions = {},
  ) {
    this.heartbeatMs = options.heartbeatMs ?? 3_000;
    this.ttlMs = options.presenceTtlMs ?? 15_000;
    this.pokeBatchMs = options.pokeBatchMs ?? 15;
    this.pokeIntervalMs = options.pokeIntervalMs ?? 100;
    this.unsubscribe = bus.subscribe((m) => this.onBus(m));
    this.timers.push(setInterval(() => this.heartbeat(), this.heartbeatMs));
    this.timers.push(setInterval(() => this.refreshPresence(), Math.max(50, this.ttlMs / 3)));
    for (const t of this.timers) t.unref();
  }

  get size(): number {
    return this.connections.size;
  }

  /** Takes a freshly upgraded socket; it is closed with a LIVE_CLOSE code if it may not stay. */
  accept(socket: WebSocket, authorization: string | undefined, query: unknown): void {
    let conn: Connection | null = null;
    let gone = false;
    const early: string[] = [];
    socket.on('message', (data, isBinary) => {
      const text = isBinary ? '' : (data as Buffer).toString('utf8');
      if (conn) this.onMessage(conn, text);
      else if (early.length < 10) early.push(text);
    });
    socket.on('pong', () => {
      if (conn) conn.alive = true;
    });
    socket.on('error', () => undefined); // 'close' follows
    socket.on('close', () => {
      gone = true;
      if (conn) this.remove(conn);
    });
    void this.admit(authorization, query).then(
      (r) => {
        if (gone || this.closed) return;
        if ('code' in r) {
          socket.close(r.code, reasonText(r.reason));
          return;
        }
        conn = {
          socket,
          ...r,
          alive: true,
          articleId: null,
          announced: null,
          lastAnnounce: 0,
          announceTimer: null,
          sentPresence: null,
        };
        this.connections.add(conn);
        this.send(conn, { type: 'ready' });
        for (const text of early) this.onMessage(conn, text);
        void this.sendPresence([conn]);
      },
      (e: unknown) => {
        this.log(`live: admitting a socket failed: ${e instanceof Error ? e.message : String(e)}`);
        if (!gone) socket.close(1011, 'Server error; try again.');
      },
    );
  }

  private async admit(
    authorization: string | undefined,
    query: unknown,
  ): Promise<Accepted | Refused> {
    const q = LiveQuery.safeParse(query);
    if (!q.success) {
      return { code: LIVE_CLOSE.badRequest, reason: 'clientId and protocolVersion are required.' };
    }
    if (q.data.protocolVersion !== PROTOCOL_VERSION) {
      return {
        code: LIVE_CLOSE.badRequest,
        reason: `This server speaks sync protocol ${PROTOCOL_VERSION}. Update Copydesk.`,
      };
    }
    let who: { user: UserRow; token: string };
    try {
      who = await this.auth.authenticate(authorization);
    } catch (e) {
      if (e instanceof HttpError && e.status === 401)
        return { code: LIVE_CLOSE.unauthorized, reason: e.message };
      throw e;
    }
    const client = await this.storage.read((tx) => tx.getClient(q.data.clientId));
    if (client && client.userId !== who.user.id) {
      return { code: LIVE_CLOSE.forbidden, reason: 'This client id belongs to another user.' };
    }
    return { ...who, clientId: q.data.clientId };
  }

  private onMessage(conn: Connection, text: string): void {
    const m = parseLiveMessage(LiveClientMessage, text);
    if (!m) {
      conn.socket.close(LIVE_CLOSE.badMessage, 'Unreadable message.');
      return;
    }
    conn.articleId = m.articleId;
    if (conn.announceTimer) return; // the scheduled announcement takes the latest
    const wait = conn.lastAnnounce + PRESENCE_GAP_MS - Date.now();
    if (wait <= 0) {
      this.announce(conn);
      return;
    }
    conn.announceTimer = setTimeout(() => {
      conn.announceTimer = null;
      this.announce(conn);
    }, wait);
  }

  private announce(conn: Connection): void {
    if (!this.connections.has(conn) || conn.articleId === conn.announced) return;
    conn.announced = conn.articleId;
    conn.lastAnnounce = Date.now();
    if (conn.announced === null) this.publishGone([conn.clientId]);
    else this.publish({ kind: 'presence', entries: [this.entry(conn)] });
  }

  private remove(conn: Connection): void {
    this.connections.delete(conn);
    if (conn.announceTimer) clearTimeout(conn.announceTimer);
    const replaced = [...this.connections].some((c) => c.clientId === conn.clientId);
    if (conn.announced !== null && !replaced) this.publishGone([conn.clientId]);
  }

  private entry(conn: Connection): PresenceEntry {
    return {
      instanceId: this.instanceId,
      clientId: conn.clientId,
      userId: conn.user.id,
      username: conn.user.username,
      articleId: conn.announced,
      expiresAt: Date.now() + this.ttlMs,
    };
  }

  private publish(message: BusMessage): void {
    this.bus.publish(message).catch((e: unknown) => {
      this.log(`live: bus publish failed: ${e instanceof Error ? e.message : String(e)}`);
    });
  }

  private publishGone(clientIds: string[]): void {
    this.publish({ kind: 'presence-gone', instanceId: this.instanceId, clientIds });
  }

  private onBus(m: BusMessage): void {
    if (this.closed) return;
    if (m.kind === 'changes') {
      this.pending.push(...m.changes);
      this.pokeTimer ??= setTimeout(
        () => {
          this.pokeTimer = null;
          if (this.connections.size > 0) this.lastPokeAt = performance.now();
          const changes = this.pending;
          this.pending = [];
          this.poke(changes).catch((e: unknown) => {
            this.log(`live: poking failed: ${e instanceof Error ? e.message : String(e)}`);
          });
        },
        Math.max(this.pokeBatchMs, this.lastPokeAt + this.pokeIntervalMs - performance.now()),
      );
      // Who may see an article's presence can change with the article (its assignee, its status).
      const shown = this.presence.articleIds(Date.now());
      if (m.changes.some((c) => c.entityType === 'article' && shown.has(c.entityId)))
        this.queuePresence();
    } else if (this.presence.apply(m)) {
      this.queuePresence();
    }
  }

  private async poke(changes: CommittedChange[]): Promise<void> {
    if (this.connections.size === 0) return;
    const readerOf = (conn: Connection) => ({
      clientId: conn.clientId,
      actor: { id: conn.user.id, role: conn.user.role },
    });
    const read = () => this.storage.read((tx) => loadChangedEntities(tx, changes));
    const needed = () => needsEntities(changes, [...this.connections].map(readerOf));
    // No read when no reader's poke depends on the changed rows (pokes.ts, `needsEntities`).
    // Without a read nothing is awaited, so the sockets and roles asked about are those poked.
    const entities = needed() ? await read() : NOT_READ;
    for (const conn of this.connections) {
      const seq = pokeSeq(changes, readerOf(conn), entities);
      if (seq !== null) this.send(conn, { type: 'poke', seq });
    }
  }

  /** One presence fan-out per turn of the event loop, however many messages came in. */
  private queuePresence(): void {
    if (this.presenceQueued) return;
    this.presenceQueued = true;
    setImmediate(() => {
      this.presenceQueued = false;
      this.sendPresence([...this.connections]).catch((e: unknown) => {
        this.log(`live: presence failed: ${e instanceof Error ? e.message : String(e)}`);
      });
    });
  }

  private async sendPresence(to: Connection[]): Promise<void> {
    if (to.length === 0) return;
    const entries = this.presence.list(Date.now());
    const ids = new Set(entries.map((e) => e.articleId as string));
    const articles =
      ids.size === 0
        ? new Map<string, RawArticleRow | undefined>()
        : await this.storage.read((tx) => tx.getArticlesRaw([...ids]));
    for (const conn of to) {
      if (!this.connections.has(conn)) continue;
      const list = visiblePresence(entries, articles, conn);
      const json = JSON.stringify(list);
      if (json === conn.sentPresence) continue;
      conn.sentPresence = json;
      this.send(conn, { type: 'presence', articles: list });
    }
  }

  private send(conn: Connection, message: LiveServerMessage): void {
    if (conn.socket.readyState === conn.socket.OPEN) conn.socket.send(JSON.stringify(message));
  }

  private heartbeat(): void {
    for (const conn of this.connections) {
      if (!conn.alive) {
        // Decided after this turn's input is read: when the event loop ran late, timers run
        // before the sockets are read, and the pong waiting there would not count yet.
        setImmediate(() => {
          if (!conn.alive) conn.socket.terminate(); // 'close' follows and removes it
        });
        continue;
      }
      conn.alive = false;
      conn.socket.ping();
      // A token revoked or expired since the socket opened ends the socket too.
      this.auth.authenticate(`Bearer ${conn.token}`).then(
        (r) => (conn.user = r.user),
        (e: unknown) => {
          if (e instanceof HttpError && e.status === 401)
            conn.socket.close(LIVE_CLOSE.unauthorized, reasonText(e.message));
        },
      );
    }
  }

  private refreshPresence(): void {
    const mine = [...this.connections].filter((c) => c.announced !== null);
    if (mine.length > 0)
      this.publish({ kind: 'presence', entries: mine.map((c) => this.entry(c)) });
    if (this.presence.expire(Date.now())) this.queuePresence();
  }

  /** Withdraws this instance's presence, closes its sockets (1001) and stops listening. */
  async close(): Promise<void> {
    if (this.closed) return;
    const present = [...this.connections].filter((c) => c.announced !== null);
    if (present.length > 0) {
      await this.bus
        .publish({
          kind: 'presence-gone',
          instanceId: this.instanceId,
          clientIds: present.map((c) => c.clientId),
        })
        .catch(() => undefined);
    }
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    if (this.pokeTimer) clearTimeout(this.pokeTimer);
    this.unsubscribe();
    for (const conn of this.connections) {
      if (conn.announceTimer) clearTimeout(conn.announceTimer);
      conn.socket.close(1001, 'The server is shutting down.');
    }
    this.connections.clear();
  }
}

/** The presence one desk may see: articles it may read, without itself, one name per user. */
export function visiblePresence(
  entries: readonly PresenceEntry[],
  articles: ReadonlyMap<string, RawArticleRow | undefined>,
  viewer: { clientId: string; user: Pick<UserRow, 'id' | 'role'> },
): PresenceList {
  const byArticle = new Map<string, Map<string, string>>();
  for (const e of entries) {
    if (e.articleId === null || e.clientId === viewer.clientId) continue;
    const a = articles.get(e.articleId);
    if (!a || !mayReadArticle(a, { id: viewer.user.id, role: viewer.user.role })) continue;
    let users = byArticle.get(e.articleId);
    if (!users) byArticle.set(e.articleId, (users = new Map<string, string>()));
    users.set(e.userId, e.username);
  }
  return [...byArticle.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([articleId, users]) => ({
      articleId,
      users: [...users.entries()]
        .map(([id, username]) => ({ id, username }))
        .sort((a, b) => a.username.localeCompare(b.username)),
    }));
}
