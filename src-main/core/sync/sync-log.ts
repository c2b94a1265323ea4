/** How a failed sync round goes into the desk log: expected network trouble as a warning, the rest with its stack. */
import type { DeskLog } from '../log/desk-log';
import { SyncHttpError } from './http';

export function logSyncFailure(log: DeskLog | undefined, e: unknown, ms: number): void {
  if (!log) return;
  if (e instanceof SyncHttpError && (e.transient || e.status === null)) {
    log.warn('sync.failed', {
      status: e.status,
      code: e.code,
      transient: true,
      ms,
      reason: e.message,
    });
    return;
  }
  const status = e instanceof SyncHttpError ? e.status : null;
  const code = e instanceof SyncHttpError ? e.code : null;
  log.error('sync.failed', e, { status, code, ms });
}
