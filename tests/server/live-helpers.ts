/** A raw live-socket client for the server tests: records what the server sends. */
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import {
  LIVE_PATH,
  LiveServerMessage,
  parseLiveMessage,
  type LiveClientMessage,
  type PresenceList,
} from '../../src-shared/live';

export class LiveProbe {
  readonly messages: LiveServerMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly waiters = new Set<() => void>();

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const m = parseLiveMessage(LiveServerMessage, (data as Buffer).toString('utf8'));
      if (!m) throw new Error(`unreadable server message: ${(data as Buffer).toString('utf8')}`);
      this.messages.push(m);
      for (const w of this.waiters) w();
    });
    this.closed = new Promise((resolve) =>
      socket.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        for (const w of this.waiters) w();
      }),
    );
  }

  static open(
    url: string,
    token: string | undefined,
    opts: { clientId?: string; protocolVersion?: number | null; autoPong?: boolean } = {},
  ): LiveProbe {
    const q = new URLSearchParams();
    q.set('clientId', opts.clientId ?? randomUUID());
    if (opts.protocolVersion !== null) q.set('protocolVersion', String(opts.protocolVersion ?? 1));
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}${LIVE_PATH}?${q}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      autoPong: opts.autoPong ?? true,
    });
    socket.on('error', () => undefined);
    return new LiveProbe(socket);
  }

  /** Opens and waits for `ready`. */
  static async ready(url: string, token: string, clientId?: string): Promise<LiveProbe> {
    const p = LiveProbe.open(url, token, clientId ? { clientId } : {});
    await p.waitFor((m) => m.type === 'ready');
    return p;
  }

  /** The first message from index `from` on that matches. */
  waitFor<T extends LiveServerMessage>(
    match: (m: LiveServerMessage) => m is T,
    from?: number,
    timeoutMs?: number,
  ): Promise<T>;
  waitFor(
    match: (m: LiveServerMessage) => boolean,
    from?: number,
    timeoutMs?: number,
  ): Promise<LiveServerMessage>;
  waitFor(
    match: (m: LiveServerMessage) => boolean,
    from = 0,
    timeoutMs = 5000,
  ): Promise<LiveServerMessage> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messages.slice(from).find(match);
        if (found) {
          done();
          resolve(found);
        } else if (this.socket.readyState === WebSocket.CLOSED) {
          done();
          reject(new Error(`socket closed; got ${JSON.stringify(this.messages)}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(
          new Error(
            `no matching message within ${timeoutMs} ms; got ${JSON.stringify(this.messages)}`,
          ),
        );
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** The first poke after index `from`. */
  nextPoke(from: number): Promise<{ type: 'poke'; seq: number }> {
    return this.waitFor((m): m is { type: 'poke'; seq: number } => m.type === 'poke', from);
  }

  /** The first poke after index `from` for `seq` or later (commits close together share one). */
  pokeFor(seq: number, from: number, timeoutMs?: number): Promise<{ type: 'poke'; seq: number }> {
    return this.waitFor(
      (m): m is { type: 'poke'; seq: number } => m.type === 'poke' && m.seq >= seq,
      from,
      timeoutMs,
    );
  }

  /** The seqs of the pokes received after index `from`. */
  pokesSince(from: number): number[] {
    return this.messages.slice(from).flatMap((m) => (m.type === 'poke' ? [m.seq] : []));
  }

  /** Waits until the latest presence list satisfies `ok`. */
  async presence(ok: (list: PresenceList) => boolean, timeoutMs = 5000): Promise<PresenceList> {
    const latest = () => this.messages.filter((m) => m.type === 'presence').at(-1)?.articles ?? [];
    await this.waitFor(() => ok(latest()), 0, timeoutMs);
    return latest();
  }

  send(m: LiveClientMessage | string): void {
    this.socket.send(typeof m === 'string' ? m : JSON.stringify(m));
  }

  close(): void {
    this.socket.close();
  }
}
