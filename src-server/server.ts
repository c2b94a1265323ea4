/**
 * The programmatic entry point: `startServer({dataDir, databaseUrl, port, host, demo})` opens the
 * database (SQLite in dataDir, or PostgreSQL at databaseUrl), optionally seeds demo users and
 * sections, and listens. `close()` stops accepting, finishes requests in flight and closes the
 * database.
 */
import type { DestinationStream } from 'pino';
import { join } from 'node:path';
import { DEFAULT_SECTIONS, type Role } from '../src-shared/model';
import { AuthService, type AuthOptions } from './auth/service';
import { type PasswordHasher, passwordOptionsFromEnv } from './auth/passwords';
import { buildApp, type HttpOptions } from './http/app';
import { sharedRequestStore } from './http/sharedRequestStore';
import { SharedLoginLimiter } from './auth/rateLimit';
import type { AppContext } from './http/context';
import { LiveHub, type LiveOptions } from './live/hub';
import { PublishedView } from './publish/view';
import { RenditionStore } from './media/renditions';
import { BlobStore } from './storage/blobs';
import { openBackend, type DatabaseConfig } from './backend';
import type { LiveBus } from './live/bus';
import type { Storage } from './storage/types';
import { PullService } from './sync/pull';
import { PushService } from './sync/push';
import { CommitSignal } from './sync/commitSignal';
import type { Clock } from './clock';
import { PublishScheduler } from './publish/scheduler';
import { randomUUID } from 'node:crypto';
import { DEFAULT_NEWSROOM_TIME_ZONE, isTimeZone } from '../src-shared/time/newsroomTime';

export interface ServerOptions {
  /** The instance's folder: the SQLite database (without databaseUrl), renditions, blobs. */
  dataDir: string;
  /** postgres://… : keep the data in PostgreSQL (several instances may share it). */
  databaseUrl?: string;
  /** Where blob files live (default DATA/blobs); instances on one PostgreSQL share one folder. */
  blobsDir?: string;
  /** 0 picks a free port. Default 8787. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Create the demo users (password = name) and the default sections. */
  demo?: boolean;
  /** Blob size limit in bytes (default 50 MB). */
  maxBlobBytes?: number;
  /** Public base URL used in feeds and page links (default: the listening URL). */
  publicUrl?: string;
  /** SQLite synchronous mode (default 'full'). */
  synchronous?: 'full' | 'normal';
  /** PostgreSQL: read connections of this instance (default: this machine's cores, 2 to 10). */
  readConnections?: number;
  auth?: AuthOptions;
  /** The general request cap (see http/requestLimit.ts) and trust in a reverse proxy. */
  http?: HttpOptions;
  /** Where diagnostics go (default stderr). */
  log?: (line: string) => void;
  /** Where the request log goes: one JSON line per request (default: no request log). */
  requestLog?: DestinationStream;
  /** SQLite only: the live bus to use (tests observe it); the caller closes it. */
  bus?: LiveBus;
  live?: LiveOptions;
  /** The clock of scheduled publication and of pushes (tests drive it). */
  clock?: Clock;
  /** How often the scheduler looks for due articles (default 5000 ms; 0: only when asked). */
  schedulerIntervalMs?: number;
  /** The newsroom's IANA time zone desks show and enter times in (default Europe/Berlin). */
  timeZone?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Publishes what is due now (the scheduler also runs on its own timer). */
  scheduler: PublishScheduler;
  close(): Promise<void>;
}

export const DEMO_USERS: readonly { username: string; displayName: string; role: Role }[] = [
  { username: 'editor', displayName: 'Anna Berg', role: 'editor' },
  { username: 'photo', displayName: 'Jonas Licht', role: 'photo_editor' },
  { username: 'chief', displayName: 'Miriam Krause', role: 'desk_chief' },
  { username: 'admin', displayName: 'Paul Admin', role: 'admin' },
];

export { DATABASE_FILE } from './backend';

/** The configured database alone (CLI commands that need no server). */
export async function openStorage(config: DatabaseConfig): Promise<Storage> {
  const backend = await openBackend(config);
  await backend.bus.close();
  return backend.storage;
}

/** Demo users (password = user name) and the default sections; existing ones are kept. */
export async function seedDemo(storage: Storage, passwords: PasswordHasher): Promise<void> {
  const hashes = await Promise.all(DEMO_USERS.map((u) => passwords.hash(u.username)));
  await storage.write(async (tx) => {
    for (const [i, u] of DEMO_USERS.entries()) {
      if (await tx.getUserByName(u.username)) continue;
      await tx.insertUserIfAbsent({
        id: randomUUID(),
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        passwordHash: hashes[i] as string,
        disabled: false,
        createdAt: new Date().toISOString(),
      });
    }
    await seedSections(storage, tx);
  });
}

async function seedSections(
  _storage: Storage,
  tx: Parameters<Parameters<Storage['write']>[0]>[0],
): Promise<void> {
  const existing = new Set((await tx.listSections()).map((s) => s.slug));
  for (const s of DEFAULT_SECTIONS) if (!existing.has(s.slug)) await tx.upsertSection(s);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const timeZone = options.timeZone ?? DEFAULT_NEWSROOM_TIME_ZONE;
  if (!isTimeZone(timeZone)) {
    throw new Error(`Unknown time zone "${timeZone}": give an IANA name such as Europe/Berlin.`);
  }
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const host = options.host ?? '127.0.0.1';
  const backend = await openBackend({
    dataDir: options.dataDir,
    log,
    ...(options.databaseUrl !== undefined ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.synchronous ? { synchronous: options.synchronous } : {}),
    ...(options.readConnections !== undefined ? { readConnections: options.readConnections } : {}),
    ...(options.bus ? { bus: options.bus } : {}),
  });
  const { storage } = backend;
  // With several instances (PostgreSQL) the rate limits count in the shared database.
  const { rateCounter } = backend;
  const auth = new AuthService(storage, {
    ...options.auth,
    ...(rateCounter && !options.auth?.limiter
      ? { limiter: new SharedLoginLimiter(rateCounter, options.auth?.rateLimit) }
      : {}),
    passwords: options.auth?.passwords ?? passwordOptionsFromEnv(log),
  });
  const http: HttpOptions | undefined =
    rateCounter && !options.http?.requestLimit?.store
      ? {
          ...options.http,
          requestLimit: { ...options.http?.requestLimit, store: sharedRequestStore(rateCounter) },
        }
      : options.http;
  try {
    await storage.write(async (tx) => {
      // Sections exist on every server; users only with --demo or the CLI.
      if ((await tx.listSections()).length === 0) await seedSections(storage, tx);
    });
    if (options.demo) await seedDemo(storage, auth.passwords);
  } catch (e) {
    await backend.close();
    throw e;
  }

  let baseUrl = options.publicUrl?.replace(/\/+$/, '') ?? '';
  const publicUrl = () => baseUrl;
  const live = new LiveHub(storage, backend.bus, auth, log, options.live);
  const commits = new CommitSignal(backend.bus);
  const ctx: AppContext = {
    storage,
    bus: backend.bus,
    blobs: new BlobStore(options.blobsDir ?? join(options.dataDir, 'blobs')),
    renditions: new RenditionStore(join(options.dataDir, 'renditions')),
    auth,
    push: new PushService(storage, undefined, options.clock),
    pull: new PullService(storage, commits),
    view: new PublishedView(publicUrl),
    maxBlobBytes: options.maxBlobBytes ?? 50 * 1024 * 1024,
    publicUrl,
    live,
    newsroom: { timeZone },
  };
  const app = buildApp(ctx, log, { ...http, requestLog: options.requestLog ?? null });
  try {
    await app.listen({ port: options.port ?? 8787, host });
  } catch (e) {
    await live.close();
    commits.close();
    await backend.close();
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 8787);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!baseUrl) baseUrl = url;

  const scheduler = new PublishScheduler(storage, {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.schedulerIntervalMs !== undefined
      ? { intervalMs: options.schedulerIntervalMs }
      : {}),
    log,
  });
  scheduler.start();

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    scheduler,
    close() {
      closing ??= (async () => {
        await scheduler.stop();
        await live.close(); // withdraws this instance's presence, closes the live sockets
        commits.close(); // pulls waiting for a writer look once more now
        await app.close(); // stops accepting; waits for requests in flight
        await backend.close();
      })();
      return closing;
    },
  };
}
