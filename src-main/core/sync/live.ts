/**
 * The desk's live socket to the backend (see src-shared/live.ts): one per signed-in profile,
 * authenticated with the sync token in the Authorization header. A poke makes the sync engine
 * pull at once; the pull stays the only way data arrives, and the engine's timer stays the safety
 * net. The socket reconnects with exponential backoff and jitter, and each time it is ready the
 * desk pulls once (changes committed while it was not connected poked nobody). It also reports the article open on this
 * desk and receives who else has articles open.
 */
import WebSocket from 'ws';
import {
  LIVE_CLOSE,
  LIVE_FINAL_CLOSE_CODES,
  LIVE_PATH,
  LiveServerMessage,
  parseLiveMessage,
  type LiveClientMessage,
  type PresenceList,
} from '../../../src-shared/live';
import { PROTOCOL_VERSION } from '../../../src-shared/protocol';
import { retryDelay, type BackoffOptions } from './backoff';

export interface LiveCredentials {
  serverUrl: string;
  token: string;
}

export interface LiveLinkOptions {
  /** Where and as whom to connect now; null when signed out. */
  credentials(): LiveCredentials | null;
  clientId(): string;
  /** Something may be waiting on the server: pull now. */
  onPoke(): void;
  /** Who else has which article open (empty while disconnected). */
  onPresence(list: PresenceList): void;
  random?: () => number;
  backoff?: BackoffOptions;
  /** No ping from the server for this long: the connection counts as dead (default 20 s). */
  silenceMs?: number;
}

export type LiveState = 'off' | 'connecting' | 'open' | 'waiting' | 'refused';

export const LIVE_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000 };

export class LiveLink {
  private socket: WebSocket | null = null;
  /** The credentials the socket is for, as one string; null when off. */
  private key: string | null = null;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private silenceTimer: NodeJS.Timeout | null = null;
  private articleId: string | null = null;
  private presence: PresenceList = [];
  private closed = false;
  state: LiveState = 'off';

  constructor(private readonly opts: LiveLinkOptions) {}

  /** Connects, reconnects for other credentials, or disconnects, as the sign-in now requires. */
  update(): void {
    if (this.closed) return;
    const cred = this.opts.credentials();
    const key = cred ? `${cred.serverUrl}\n${cred.token}` : null;
    if (key === this.key) return;
    this.disconnect();
    this.key = key;
    this.failures = 0;
    if (cred) this.connect(cred);
  }

  /** The article open on this desk (null: none); sent now and after every reconnect. */
  setOpenArticle(articleId: string | null): void {
    if (this.articleId === articleId) return;
    this.articleId = articleId;
    this.sendPresence();
  }

  openArticle(): string | null {
    return this.articleId;
  }

  currentPresence(): PresenceList {
    return this.presence;
  }

  close(): void {
    this.closed = true;
    this.disconnect();
    this.key = null;
  }

  private connect(cred: LiveCredentials): void {
    const url = new URL(LIVE_PATH, cred.serverUrl.replace(/^http/, 'ws'));
    url.searchParams.set('clientId', this.opts.clientId());
    url.searchParams.set('protocolVersion', String(PROTOCOL_VERSION));
    const ws = new WebSocket(url, {
      headers: { authorization: `Bearer ${cred.token}` },
      handshakeTimeout: 10_000,
      maxPayload: 8 * 1024 * 1024,
    });
    this.socket = ws;
    this.state = 'connecting';
    ws.on('open', () => this.armSilence(ws));
    ws.on('ping', () => this.armSilence(ws));
    ws.on('message', (data, isBinary) => {
      if (this.socket !== ws || isBinary) return;
      const m = parseLiveMessage(LiveServerMessage, (data as Buffer).toString('utf8'));
      if (!m) return; // a newer server's message this desk does not know
      if (m.type === 'ready') {
        this.state = 'open';
        this.failures = 0;
        this.sendPresence();
        // Changes committed before the server knew this socket poked nobody: pull once.
        this.opts.onPoke();
      } else if (m.type === 'poke') {
        this.opts.onPoke();
      } else {
        this.setPresence(m.articles);
      }
    });
    ws.on('error', () => undefined); // 'close' follows
    ws.on('close', (code) => {
      if (this.socket !== ws) return;
      this.socket = null;
      this.clearSilence();
      this.setPresence([]);
      if (this.closed) return;
      if (LIVE_FINAL_CLOSE_CODES.has(code)) {
        // Retrying with the same token cannot help; a sync cycle finds out why and tells the
        // person (e.g. "sign in again"), and new credentials reconnect through update().
        this.state = 'refused';
        if (code === LIVE_CLOSE.unauthorized) this.opts.onPoke();
        return;
      }
      this.failures += 1;
      this.state = 'waiting';
      const delay = retryDelay(
        this.failures,
        null,
        this.opts.random,
        this.opts.backoff ?? LIVE_BACKOFF,
      );
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        const now = this.opts.credentials();
        if (now && `${now.serverUrl}\n${now.token}` === this.key) this.connect(now);
        else this.update();
      }, delay);
      this.retryTimer.unref?.();
    });
  }

  private sendPresence(): void {
    const ws = this.socket;
    if (!ws || this.state !== 'open' || ws.readyState !== WebSocket.OPEN) return;
    const m: LiveClientMessage = { type: 'presence', articleId: this.articleId };
    ws.send(JSON.stringify(m));
  }

  private setPresence(list: PresenceList): void {
    if (list.length === 0 && this.presence.length === 0) return;
    this.presence = list;
    this.opts.onPresence(list);
  }

  private armSilence(ws: WebSocket): void {
    this.clearSilence();
    this.silenceTimer = setTimeout(() => ws.terminate(), this.opts.silenceMs ?? 20_000);
    this.silenceTimer.unref?.();
  }

  private clearSilence(): void {
    if (this.silenceTimer) clearTimeout(this.silenceTimer);
    this.silenceTimer = null;
  }

  private disconnect(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.clearSilence();
    const ws = this.socket;
    this.socket = null;
    this.state = 'off';
    this.setPresence([]);
    if (ws) {
      if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
      else ws.close(1000, 'Signed out or closing.');
    }
  }
}
