/**
 * The HTTP side of sync: login, push, pull, each answer checked with the shared zod schemas
 * (src-shared/protocol.ts). Failures come back as SyncHttpError, classified as transient
 * (network, cut or garbled body, 5xx, 429) or permanent, with Retry-After when the server sent it.
 */
import type { z } from 'zod';
import {
  ErrorBody,
  GapError,
  LoginResponse,
  MeResponse,
  UserNamesResponse,
  PROTOCOL_VERSION,
  PullResponse,
  PushResponse,
  SCHEMA_VERSION,
  type PushMutation,
} from '../../../src-shared/protocol';
import { APP_VERSION } from '../../../src-shared/version';
import { sha256Hex } from '../media/blob-store';
import { parseRetryAfter } from './backoff';

/** Sent with every request, so the server's request log says which desk version called. */
export const CLIENT_AGENT = `Copydesk/${APP_VERSION}`;

export class SyncHttpError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
    readonly status: number | null,
    readonly code: string | null,
    readonly retryAfterMs: number | null = null,
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
}

export interface HttpOptions {
  timeoutMs?: number;
  /** Aborts every request (the core is closing). */
  signal?: AbortSignal;
}

export class SyncHttp {
  private readonly timeoutMs: number;
  private readonly signal: AbortSignal | undefined;
  constructor(
    readonly baseUrl: string,
    private readonly token: string | null,
    opts: HttpOptions = {},
  ) {
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.signal = opts.signal;
  }

  /** Uploads an image's bytes (idempotent by hash) before the image.create naming it. */
  async putBlob(sha256: string, bytes: Uint8Array): Promise<void> {
    await this.request('PUT', `/api/v1/blobs/${sha256}`, bytes, null);
  }

  /** Whether the server holds the bytes of `sha256` (HEAD: nothing is downloaded). */
  async hasBlob(sha256: string): Promise<boolean> {
    const res = await this.send('HEAD', `/api/v1/blobs/${sha256}`);
    if (res.status === 404) return false;
    if (!res.ok) throw errorFrom(res, null);
    return true;
  }

  /**
   * Downloads an image's bytes. The hash is checked here: bytes that do not hash to `sha256`
   * (a broken proxy, a cut body) are never handed on.
   */
  async getBlob(sha256: string, maxBytes: number): Promise<Buffer> {
    const res = await this.send('GET', `/api/v1/blobs/${sha256}`);
    if (!res.ok) {
      const text = await res.text().catch(() => '');
      let json: unknown = null;
      try {
        json = text === '' ? null : JSON.parse(text);
      } catch {
        // Not JSON: the status alone classifies it.
      }
      throw errorFrom(res, json);
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await res.body?.cancel();
      throw new SyncHttpError(
        `The file ${sha256} is larger than allowed.`,
        false,
        res.status,
        'too_large',
      );
    }
    let bytes: Buffer;
    try {
      bytes = Buffer.from(await res.arrayBuffer());
    } catch (e) {
      throw new SyncHttpError(`The download was cut off: ${describe(e)}`, true, null, null);
    }
    if (bytes.length > maxBytes || sha256Hex(bytes) !== sha256) {
      throw new SyncHttpError(
        `The downloaded file does not match its sha256 ${sha256}; it was not stored.`,
        true,
        res.status,
        'hash_mismatch',
      );
    }
    return bytes;
  }

  /** A request whose answer is read by the caller; only network failures are classified here. */
  private async send(method: 'GET' | 'HEAD', path: string): Promise<Response> {
    const headers: Record<string, string> = { 'user-agent': CLIENT_AGENT };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    try {
      return await fetch(new URL(path, this.baseUrl), {
        method,
        headers,
        signal: this.signal
          ? AbortSignal.any([this.signal, AbortSignal.timeout(this.timeoutMs)])
          : AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      throw new SyncHttpError(`Cannot reach the server: ${describe(e)}`, true, null, null);
    }
  }

  login(username: string, password: string): Promise<z.infer<typeof LoginResponse>> {
    return this.request('POST', '/api/v1/auth/login', { username, password }, LoginResponse);
  }

  /** Who is signed in, with the display name when the server has one (older servers: none). */
  me(): Promise<z.infer<typeof MeResponse>> {
    const q = new URLSearchParams({ schemaVersion: SCHEMA_VERSION });
    return this.request('GET', `/api/v1/auth/me?${q.toString()}`, undefined, MeResponse);
  }

  /** The newsroom's display names (servers before it: 404, and the desk shows user names). */
  userNames(): Promise<z.infer<typeof UserNamesResponse>> {
    return this.request('GET', '/api/v1/users/names', undefined, UserNamesResponse);
  }

  async logout(): Promise<void> {
    await this.request('POST', '/api/v1/auth/logout', {}, null);
  }

  push(clientId: string, mutations: PushMutation[]): Promise<z.infer<typeof PushResponse>> {
    return this.request(
      'POST',
      '/api/v1/sync/push',
      { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, clientId, mutations },
      PushResponse,
    );
  }

  pull(clientId: string, cursor: number, limit: number): Promise<z.infer<typeof PullResponse>> {
    const q = new URLSearchParams({
      protocolVersion: String(PROTOCOL_VERSION),
      schemaVersion: SCHEMA_VERSION,
      clientId,
      cursor: String(cursor),
      limit: String(limit),
    });
    return this.request('GET', `/api/v1/sync/pull?${q.toString()}`, undefined, PullResponse);
  }

  private async request<T>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body: unknown,
    schema: z.ZodType<T> | null,
  ): Promise<T> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': CLIENT_AGENT,
    };
    const raw = body instanceof Uint8Array;
    if (body !== undefined)
      headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let res: Response;
    let text: string;
    try {
      res = await fetch(new URL(path, this.baseUrl), {
        method,
        headers,
        body:
          body === undefined ? null : raw ? new Blob([new Uint8Array(body)]) : JSON.stringify(body),
        signal: this.signal
          ? AbortSignal.any([this.signal, AbortSignal.timeout(this.timeoutMs)])
          : AbortSignal.timeout(this.timeoutMs),
      });
      text = await res.text();
    } catch (e) {
      throw new SyncHttpError(`Cannot reach the server: ${describe(e)}`, true, null, null);
    }
    let json: unknown;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      // A cut or garbled body: nothing is known about the outcome, so retry.
      throw new SyncHttpError(
        `The server's answer was incomplete (HTTP ${res.status}).`,
        true,
        res.status,
        null,
        parseRetryAfter(res.headers.get('retry-after')),
      );
    }
    if (!res.ok) throw errorFrom(res, json);
    if (!schema) return undefined as T;
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new SyncHttpError(
        `The server sent an answer this version does not understand: ${parsed.error.issues[0]?.message ?? ''}`,
        false,
        res.status,
        'invalid_response',
      );
    }
    return parsed.data;
  }
}

function describe(e: unknown): string {
  if (e instanceof Error) {
    const cause = (e as Error & { cause?: unknown }).cause;
    const detail = cause instanceof Error ? cause.message : '';
    return detail ? `${e.message} (${detail})` : e.message;
  }
  return String(e);
}

function errorFrom(res: Response, json: unknown): SyncHttpError {
  const retryAfter = parseRetryAfter(res.headers.get('retry-after'));
  const transient = res.status >= 500 || res.status === 429 || res.status === 408;
  const gap = GapError.safeParse(json);
  if (res.status === 409 && gap.success) {
    return new SyncHttpError(
      gap.data.error.message,
      false,
      409,
      'mutation_gap',
      null,
      gap.data.error,
    );
  }
  const e = ErrorBody.safeParse(json);
  const code = e.success ? e.data.error.code : null;
  const message = e.success ? e.data.error.message : `HTTP ${res.status}`;
  return new SyncHttpError(
    message,
    transient,
    res.status,
    code,
    retryAfter,
    e.success ? e.data.error : null,
  );
}
