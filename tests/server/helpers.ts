/**
 * Test helpers: run the backend as a real process on 127.0.0.1 and talk to it over HTTP.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import { join, resolve } from 'node:path';
import { bodyFromParagraphs } from '../../src-shared/richtext/plainText';
import { createTestDatabase } from '../support/postgres';
import { testPgAdminUrl } from '../support/pgTestRun';
import { START_TIMEOUT_MS } from '../support/processes';
import { nodeArgsFor } from '../support/test-bin';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  url: string;
  dataDir: string;
  /** Set when the server runs on PostgreSQL (the PostgreSQL test projects). */
  databaseUrl: string | undefined;
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `npm run server` on SQLite in a fresh folder; in the PostgreSQL test projects, on a
 * fresh database of the test cluster (unless extraArgs name a --database, or options.sqlite).
 */
export async function spawnServer(
  extraArgs: string[] = ['--demo'],
  dataDir?: string,
  options: { sqlite?: boolean } = {},
): Promise<ServerProcess> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'copydesk-server-'));
  const adminUrl = options.sqlite ? undefined : testPgAdminUrl();
  const given = extraArgs.indexOf('--database');
  const databaseUrl =
    given >= 0 ? extraArgs[given + 1] : adminUrl ? await createTestDatabase(adminUrl) : undefined;
  const dbArgs = databaseUrl && given < 0 ? ['--database', databaseUrl] : [];
  const child = spawn(
    process.execPath,
    [...nodeArgsFor('src-server/cli.ts'), '--data', dir, '--port', '0', ...dbArgs, ...extraArgs],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(
      () => rej(new Error(`server did not start: ${err}`)),
      START_TIMEOUT_MS,
    );
    const check = () => {
      const m = /^Copydesk server listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(m[1] as string);
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => rej(new Error(`server exited with ${code}: ${err}`)));
  }).catch(async (e: unknown) => {
    // It did not start (some tests expect that): nothing is left running or on disk.
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
    if (!dataDir) rmSync(dir, { recursive: true, force: true });
    throw e;
  });
  return {
    url,
    dataDir: dir,
    databaseUrl,
    child,
    stdout: () => out,
    stderr: () => err,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      const code = await exited;
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response JSON, checked by the tests
export interface Res<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response JSON, checked by the tests
export async function http<T = any>(
  url: string,
  init: {
    method?: string;
    token?: string;
    json?: unknown;
    body?: string | Buffer;
    headers?: Record<string, string>;
  } = {},
): Promise<Res<T>> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: BodyInit | undefined = Buffer.isBuffer(init.body)
    ? new Uint8Array(init.body)
    : init.body;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  const res = await fetch(url, {
    method: init.method ?? (body !== undefined ? 'POST' : 'GET'),
    headers,
    body,
  });
  const text = await res.text();
  let parsed: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
  return { status: res.status, body: parsed as T, headers: res.headers, text };
}

export async function login(url: string, username: string, password = username): Promise<string> {
  const r = await http(`${url}/api/v1/auth/login`, { json: { username, password } });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
  return (r.body as { token: string }).token;
}

/** A sync client: numbers its mutations 1, 2, 3… like the desktop outbox. */
export class Client {
  readonly clientId = randomUUID();
  next = 1;
  cursor = 0;
  /** Sent with pulls when set (e.g. SCHEMA_VERSION); unset, the client is one that predates it. */
  schemaVersion: string | undefined;
  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  push(mutations: { name: string; args: unknown }[], ids?: number[]) {
    const ms = mutations.map((m, i) => ({ id: ids?.[i] ?? this.next + i, ...m }));
    if (!ids) this.next += mutations.length;
    return http(`${this.url}/api/v1/sync/push`, {
      token: this.token,
      json: { protocolVersion: 1, clientId: this.clientId, mutations: ms },
    });
  }

  async pull(limit = 500, cursor = this.cursor) {
    const r = await http(
      `${this.url}/api/v1/sync/pull?protocolVersion=1&clientId=${this.clientId}&cursor=${cursor}&limit=${limit}` +
        (this.schemaVersion === undefined ? '' : `&schemaVersion=${this.schemaVersion}`),
      { token: this.token },
    );
    if (r.status === 200) this.cursor = r.body.cursor;
    return r;
  }

  /** Pulls every page; returns all pages. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response JSON
  async pullAll(limit = 500): Promise<any[]> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response JSON
    const pages: any[] = [];
    for (;;) {
      const r = await this.pull(limit);
      if (r.status !== 200) throw new Error(`pull ${r.status} ${r.text}`);
      pages.push(r.body);
      if (!r.body.hasMore) return pages;
    }
  }
}

let blockCounter = 0;
export function body(...paragraphs: string[]) {
  const b = bodyFromParagraphs(paragraphs);
  for (const child of b.root.children as Record<string, unknown>[])
    child.$ = { blockId: `b${++blockCounter}x` };
  return b;
}

export function completeFields(extra: Record<string, unknown> = {}) {
  return {
    kicker: 'Münster/LWL:',
    headline: 'IT-Kooperation beschlossen',
    teaser:
      'Die Stadt Münster und der Landschaftsverband Westfalen-Lippe (LWL) wollen bei der Informationstechnik künftig stärker zusammenarbeiten.',
    byline: 'bs',
    section: 'politik',
    tags: ['Politik', 'citeq'],
    links: [{ url: 'http://www.lwl.it', label: 'http://www.lwl.it' }],
    ...extra,
  };
}

export { dbFingerprint } from '../support/serverDb';

/** Row counts and a checksum of every table of a SQLite database file (server or desk). */
export function fileFingerprint(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    const out: Record<string, string> = {};
    for (const t of tables) {
      // Rows in a canonical order (some desk tables have no rowid); blobs as hex.
      const rows = db
        .prepare(`SELECT * FROM "${t}"`)
        .all()
        .map((r) =>
          JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)),
        )
        .sort();
      out[t] =
        `${rows.length}:${createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16)}`;
    }
    return out;
  } finally {
    db.close();
  }
}

/** A tiny valid PNG (1×1) and its sha256. */
export function pngBytes(seed = 0): { bytes: Buffer; sha256: string } {
  const base = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const bytes = Buffer.concat([base, Buffer.from([seed & 0xff])]);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * A raw HTTP request with node:http that still reports the response when the server answers
 * early and closes the connection (e.g. 413 before the whole body was sent).
 */
export function rawRequest(
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<{ status: number; text: string }> {
  return new Promise((resolvePromise, reject) => {
    let answered = false;
    const req = httpRequest(url, { method: init.method, headers: init.headers ?? {} }, (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.on('error', (e) => {
      if (!answered) reject(new Error(`${init.method} ${url}: ${e.message}`));
    });
    if (init.body !== undefined) req.end(init.body);
    else req.end();
  });
}
