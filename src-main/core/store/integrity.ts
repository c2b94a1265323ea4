import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { recoveryAdvice } from './db';
import { sqliteNativeBinding } from './native-binding';

export type IntegrityResult = { ok: true } | { ok: false; message: string };

// An eval'd CommonJS worker: no build step or TS loader needed, in Electron, harness and tests alike.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
let db;
try {
  db = new Database(workerData.dbPath, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  db.pragma('busy_timeout = 5000');
  const rows = db.pragma('quick_check');
  const messages = rows.map((r) => r.quick_check);
  parentPort.postMessage(messages.length === 1 && messages[0] === 'ok'
    ? { ok: true }
    : { ok: false, message: messages.slice(0, 5).join('; ') });
} catch (e) {
  parentPort.postMessage({ ok: false, message: String(e && e.message || e) });
} finally {
  if (db) db.close();
}
`;

/**
 * Runs PRAGMA quick_check on its own read-only connection in a worker thread, so a check of a
 * large database never blocks the core or delays the first screen.
 */
export function checkIntegrityInBackground(dbPath: string): Promise<IntegrityResult> {
  const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { modulePath, dbPath, nativeBinding: sqliteNativeBinding() ?? null },
    });
    worker.once('message', (r: IntegrityResult) => {
      resolve(
        r.ok
          ? r
          : {
              ok: false,
              message: `The local database failed its integrity check (${r.message}). ${recoveryAdvice(dbPath)}`,
            },
      );
      void worker.terminate();
    });
    worker.once('error', (e) =>
      resolve({ ok: false, message: `The integrity check could not run: ${e.message}` }),
    );
  });
}
