/**
 * The live bus between the instances that share one PostgreSQL database: LISTEN on a dedicated
 * connection, NOTIFY to publish. Committed changes are NOTIFYed by the write transaction itself
 * (postgres/index.ts), so they arrive on every instance exactly when they commit; a payload that
 * names only a seq range is filled in from the change feed here.
 *
 * The connection reconnects with backoff when it drops. Notifications sent while it was down
 * are lost, so after a reconnect the bus announces the changes committed since the last one it
 * saw (read from the feed): subscribers miss nothing that committed meanwhile.
 */
import pg from 'pg';
import type { BusMessage, CommittedChange, LiveBus } from '../../live/bus';
import type { ChangeRow, Storage } from '../types';
import { LIVE_CHANNEL, messagePayloads, Payload } from './notify';
import { CONNECTION_NAMES } from './connectionNames';

/** At most this many changes are announced after a reconnect (a hint; pulls do the rest). */
const CATCH_UP_LIMIT = 1000;
/**
 * Positions are not in commit order (postgres/feed.ts): a change may commit after one with a
 * higher position. The catch-up after a reconnect therefore starts this far below the highest
 * position seen, and changes already announced are told apart by position (`announced`).
 */
const CATCH_UP_BELOW = 200;
/** How many announced positions are remembered. */
const REMEMBERED = 5000;

const committed = (c: ChangeRow): CommittedChange => ({
  seq: c.seq,
  entityType: c.entityType,
  entityId: c.entityId,
  scopeId: c.scopeId,
  clientId: c.clientId,
  changedFields: c.changedFields,
});

export class PostgresBus implements LiveBus {
  private readonly listeners = new Set<(message: BusMessage) => void>();
  private client: pg.Client | undefined;
  private closed = false;
  private retryMs = 100;
  private timer: NodeJS.Timeout | undefined;
  /** Highest seq announced so far (catch-up after a reconnect starts below it). */
  private lastSeq = 0;
  /** Positions announced lately, oldest first (a Set keeps insertion order). */
  private readonly announced = new Set<number>();

  private constructor(
    private readonly url: string,
    private readonly storage: Storage,
    private readonly log: (line: string) => void,
  ) {}

  static async start(
    url: string,
    storage: Storage,
    log: (line: string) => void = () => undefined,
  ): Promise<PostgresBus> {
    const bus = new PostgresBus(url, storage, log);
    bus.lastSeq = await storage.read((tx) => tx.currentSeq());
    await bus.connect();
    return bus;
  }

  /** True while the LISTEN connection is up. */
  get connected(): boolean {
    return this.client !== undefined;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.url,
      application_name: CONNECTION_NAMES.listen,
      keepAlive: true,
    });
    let dropped = false;
    const drop = (why: string) => {
      if (dropped) return;
      dropped = true;
      if (this.client === client) this.client = undefined;
      if (this.closed) return;
      this.log(`live bus: LISTEN connection lost (${why}); reconnecting`);
      void client.end().catch(() => undefined);
      this.scheduleReconnect();
    };
    client.on('error', (e) => drop(e.message));
    client.on('end', () => drop('closed'));
    client.on('notification', (n) => {
      if (n.channel === LIVE_CHANNEL && n.payload) void this.receive(n.payload);
    });
    await client.connect();
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
    this.client = client;
    this.retryMs = 100;
  }

  private scheduleReconnect(): void {
    if (this.closed || this.timer) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 5_000);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.connect().then(
        () => this.catchUp(),
        (e: unknown) => {
          this.log(`live bus: reconnect failed: ${String(e)}`);
          this.scheduleReconnect();
        },
      );
    }, delay);
  }

  private async catchUp(): Promise<void> {
    try {
      const from = Math.max(0, this.lastSeq - CATCH_UP_BELOW);
      const rows = await this.storage.read((tx) => tx.listChanges(from, CATCH_UP_LIMIT));
      if (rows.length > 0) this.emitChanges(rows.map(committed));
    } catch (e) {
      this.log(`live bus: catch-up after reconnect failed: ${String(e)}`);
    }
  }

  private emitChanges(changes: CommittedChange[]): void {
    const fresh = changes.filter((c) => !this.announced.has(c.seq));
    if (fresh.length === 0) return;
    for (const c of fresh) {
      this.announced.add(c.seq);
      this.lastSeq = Math.max(this.lastSeq, c.seq);
    }
    for (const seq of this.announced) {
      if (this.announced.size <= REMEMBERED) break;
      this.announced.delete(seq);
    }
    this.emit({ kind: 'changes', changes: fresh });
  }

  private emit(message: BusMessage): void {
    for (const listener of this.listeners) listener(message);
  }

  private async receive(text: string): Promise<void> {
    let payload: Payload;
    try {
      payload = Payload.parse(JSON.parse(text));
    } catch {
      this.log('live bus: ignored a malformed notification');
      return;
    }
    if (payload.kind === 'changes') {
      this.emitChanges(payload.changes);
    } else if (payload.kind === 'change-range') {
      const { afterSeq, upToSeq } = payload;
      try {
        const rows = await this.storage.read((tx) => tx.listChanges(afterSeq, upToSeq - afterSeq));
        this.emitChanges(rows.map(committed));
      } catch (e) {
        this.log(`live bus: could not read changes ${afterSeq + 1}…${upToSeq}: ${String(e)}`);
      }
    } else {
      this.emit(payload);
    }
  }

  async publish(message: BusMessage): Promise<void> {
    const client = this.client;
    if (!client) throw new Error('live bus: not connected to PostgreSQL');
    for (const payload of messagePayloads(message)) {
      await client.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, payload]);
    }
  }

  subscribe(listener: (message: BusMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.listeners.clear();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
