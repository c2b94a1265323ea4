/**
 * Opens the database the server is configured for, with the live bus that goes with it:
 * SQLite in DATA/copydesk-server.db with the in-process bus (one instance), or PostgreSQL at a
 * URL with a LISTEN/NOTIFY bus shared by every instance on that database. On both, the store
 * itself announces committed change rows on the bus, so the rest of the server only subscribes.
 */
import { join } from 'node:path';
import type { RateCounter } from './auth/rateLimit';
import { InProcessBus, type LiveBus } from './live/bus';
import { openPostgresStorage } from './storage/postgres';
import { PostgresBus } from './storage/postgres/bus';
import { openSqliteStorage } from './storage/sqlite';
import { ensurePrivateDir, preparePrivateDatabase } from './storage/privateFiles';
import type { Storage } from './storage/types';

export const DATABASE_FILE = 'copydesk-server.db';

export interface DatabaseConfig {
  /** The instance's own folder (SQLite database when no URL is given). */
  dataDir: string;
  /** postgres://… to use PostgreSQL instead of SQLite. */
  databaseUrl?: string;
  /** SQLite synchronous mode (default 'full'). */
  synchronous?: 'full' | 'normal';
  /** PostgreSQL: read connections of this instance (default: see defaultReadConnections). */
  readConnections?: number;
  log?: (line: string) => void;
  /** SQLite only: the bus to announce commits on (tests observe it); the caller closes it. */
  bus?: LiveBus;
}

export interface Backend {
  storage: Storage;
  bus: LiveBus;
  /** Rate-limit counters shared between instances (PostgreSQL); SQLite keeps them in memory. */
  rateCounter?: RateCounter;
  close(): Promise<void>;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export async function openBackend(config: DatabaseConfig): Promise<Backend> {
  const log = config.log ?? (() => undefined);
  if (config.databaseUrl !== undefined) {
    if (!isPostgresUrl(config.databaseUrl)) {
      throw new Error('--database must be a postgres:// or postgresql:// URL');
    }
    const storage = await openPostgresStorage(config.databaseUrl, {
      log,
      ...(config.readConnections !== undefined ? { readConnections: config.readConnections } : {}),
    });
    let bus: LiveBus;
    try {
      bus = await PostgresBus.start(config.databaseUrl, storage, log);
    } catch (e) {
      await storage.close();
      throw e;
    }
    return {
      storage,
      bus,
      rateCounter: storage.rateCounter,
      close: () => bus.close().then(() => storage.close()),
    };
  }
  // The data folder is made 0700 and the database files 0600 (drafts, password hashes).
  ensurePrivateDir(config.dataDir);
  const file = join(config.dataDir, DATABASE_FILE);
  preparePrivateDatabase(file);
  const bus = config.bus ?? new InProcessBus();
  const storage = openSqliteStorage(file, {
    ...(config.synchronous ? { synchronous: config.synchronous } : {}),
    onCommitted: (changes) => void bus.publish({ kind: 'changes', changes }),
  });
  return {
    storage,
    bus,
    close: () => storage.close().then(() => (config.bus ? undefined : bus.close())),
  };
}
