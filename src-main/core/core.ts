import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import {
  ApiError,
  isMethodName,
  parseInput,
  type CallResult,
  type CoreEvent,
  type StoreHealth,
} from '../../src-shared/api';
import { openStore } from './store/db';
import { checkIntegrityInBackground } from './store/integrity';
import { ConflictError, NotFoundError } from './store/articles';
import { composeCore } from './compose';
import type { CoreContext } from './context';
import { handlers } from './handlers';
import { SyncStore } from './sync/store';
import type { CoreHandle, CoreOptions } from './types';
import { FileTokenStore } from './sync/tokens';
import { LiveLink } from './sync/live';
import { openDeskLog, silentLog, type DeskLog } from './log/desk-log';

const DAY_MS = 24 * 60 * 60 * 1000;

export function databasePath(profileDir: string): string {
  return join(profileDir, 'copydesk.db');
}

function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof NotFoundError) return new ApiError('not_found', e.message);
  if (e instanceof ConflictError) return new ApiError('conflict', e.message);
  if (e instanceof Error && /SQLITE_CORRUPT|malformed/i.test(e.message)) {
    return new ApiError('store_corrupt', `The local database is damaged: ${e.message}`);
  }
  return new ApiError('internal', `Internal error: ${e instanceof Error ? e.message : String(e)}`);
}

/** The first lines of a run: what runs where, and what opening the store found. */
function logStart(log: DeskLog, opts: CoreOptions, store: ReturnType<typeof openStore>): void {
  log.info('core.start', {
    host: opts.host,
    schemaVersion: store.schemaVersion,
    platform: process.platform,
    arch: process.arch,
    node: process.versions.node,
    electron: (process.versions as Record<string, string | undefined>).electron ?? null,
  });
  if (store.backupPath)
    log.info('store.migrated', { schemaVersion: store.schemaVersion, backup: store.backupPath });
  if (store.uncleanShutdown) log.warn('store.unclean_shutdown');
}

/**
 * Opens the profile's store and returns the core: the one owner of the local database.
 * Hosts (Electron worker, browser harness, CLI) differ only in how calls reach `call`.
 */
export async function openCore(opts: CoreOptions): Promise<CoreHandle> {
  await opts.tokenStore?.ready?.();
  const tokens = opts.tokenStore ?? new FileTokenStore(opts.profileDir);
  const log =
    opts.log ??
    // A log that cannot be opened (a read-only profile, a full disk) never stops the desk.
    (await openDeskLog(opts.profileDir, {
      source: opts.host === 'cli' ? 'cli' : 'desk',
      secrets: () => [tokens.load()],
    }).catch((e: unknown) => {
      console.error('copydesk: the log file cannot be opened:', e);
      return silentLog;
    }));
  let store: ReturnType<typeof openStore>;
  try {
    store = openStore(databasePath(opts.profileDir));
  } catch (e) {
    log.error('store.open_failed', e);
    await log.close();
    throw e;
  }
  logStart(log, opts, store);
  const events = new EventEmitter();
  // A database kept aside at open is reported until the profile is opened again.
  const recovered: StoreHealth | null = store.recovered
    ? { state: 'recovered', message: store.recovered.message, checkedAt: new Date().toISOString() }
    : null;
  let health: StoreHealth = recovered ?? { state: 'unchecked', message: null, checkedAt: null };
  const ctx: CoreContext = composeCore(
    { ...opts, tokenStore: tokens, log },
    store,
    (event) => events.emit('event', event),
    () => health,
  );
  const { sync } = ctx;
  sync.start();
  events.on('event', (e: CoreEvent) => sync.onCoreEvent(e));
  if (opts.sync?.auto ?? opts.host !== 'cli') {
    const live = new LiveLink({
      credentials: () => {
        const token = tokens.load();
        const serverUrl = sync.store.get('server_url');
        return token && serverUrl ? { serverUrl, token } : null;
      },
      clientId: () => sync.clientId,
      onPoke: () => void sync.syncNow(),
      onPresence: (articles) => ctx.emit({ type: 'presence.changed', articles }),
    });
    ctx.live = live;
    // Sign-in, sign-out and a refused token all show in the sync status.
    events.on('event', (e: CoreEvent) => {
      if (e.type === 'sync.status') live.update();
    });
    live.update();
  }
  const state = new SyncStore(store.db);

  // Deferred, so the first screen's calls are answered before the check even starts.
  const integrityTimer =
    opts.backgroundIntegrityCheck === false
      ? null
      : setTimeout(() => {
          const lastCheck = state.get('last_integrity_check');
          const due =
            store.uncleanShutdown || !lastCheck || Date.now() - Date.parse(lastCheck) > DAY_MS;
          if (!due) return;
          health = recovered ?? { state: 'checking', message: null, checkedAt: null };
          const started = Date.now();
          void checkIntegrityInBackground(store.path).then((r) => {
            const at = new Date().toISOString();
            const fields = { ok: r.ok, ms: Date.now() - started, unclean: store.uncleanShutdown };
            if (r.ok) log.info('store.integrity_check', fields);
            else log.error('store.integrity_check', new Error(r.message), fields);
            health = r.ok
              ? (recovered ?? { state: 'ok', message: null, checkedAt: at })
              : { state: 'corrupt', message: r.message, checkedAt: at };
            if (r.ok && store.db.open) state.set('last_integrity_check', at);
            ctx.emit({ type: 'store.health', health });
          });
        }, 0);

  let closed = false;
  return {
    async call(method: string, input: unknown): Promise<CallResult> {
      try {
        if (closed) throw new ApiError('transport', 'The Copydesk core has been closed.');
        if (!isMethodName(method))
          throw new ApiError('unknown_method', `Unknown method "${String(method).slice(0, 100)}".`);
        const parsed = parseInput(method, input);
        const handler = handlers[method] as (i: unknown, c: CoreContext) => unknown;
        // Outputs are validated where they are received (createDesktopApi), like inputs here.
        const value = await handler(parsed, ctx);
        return { ok: true, value };
      } catch (e) {
        const error = toApiError(e);
        if (error.code === 'internal' || error.code === 'store_corrupt')
          log.error('call.failed', e, { method: String(method).slice(0, 60) });
        return { ok: false, error: error.toJSON() };
      }
    },
    onEvent(listener: (event: CoreEvent) => void) {
      events.on('event', listener);
      return () => events.off('event', listener);
    },
    async close() {
      if (!closed) {
        closed = true;
        if (integrityTimer) clearTimeout(integrityTimer);
        ctx.live?.close();
        await sync.close();
        await opts.tokenStore?.flush?.();
        events.removeAllListeners();
        store.close();
        log.info('core.stop');
        await log.close();
      }
    },
  };
}
