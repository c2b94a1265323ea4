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

/**
 * Opens the profile's store and returns the core: the one owner of the local database.
 * Hosts (Electron worker, browser harness, CLI) differ only in how calls reach `call`.
 */
export async function openCore(opts: CoreOptions): Promise<CoreHandle> {
  await opts.tokenStore?.ready?.();
  const store = openStore(databasePath(opts.profileDir));
  const events = new EventEmitter();
  let health: StoreHealth = { state: 'unchecked', message: null, checkedAt: null };
  const ctx: CoreContext = composeCore(
    opts,
    store,
    (event) => events.emit('event', event),
    () => health,
  );
  const { sync } = ctx;
  sync.start();
  events.on('event', (e: CoreEvent) => sync.onCoreEvent(e));
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
          health = { state: 'checking', message: null, checkedAt: null };
          void checkIntegrityInBackground(store.path).then((r) => {
            const at = new Date().toISOString();
            health = r.ok
              ? { state: 'ok', message: null, checkedAt: at }
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
        return { ok: false, error: toApiError(e).toJSON() };
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
        await sync.close();
        await opts.tokenStore?.flush?.();
        events.removeAllListeners();
        store.close();
      }
    },
  };
}
