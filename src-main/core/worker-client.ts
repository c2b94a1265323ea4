/**
 * A CoreHandle whose core runs in a worker thread (worker.ts). Node only: Electron main uses
 * it, and so can any host that wants the database off its main thread.
 */
import { Worker } from 'node:worker_threads';
import type { CallResult, CoreEvent } from '../../src-shared/api';
import type { CoreHandle, CoreOptions } from './types';
import type { CoreWorkerData, FromWorker, ToWorker } from './worker';
import { answerSecretRequest, type MainSecrets } from './worker-protocol';

export interface CoreWorkerSpawn {
  /** out/main/core-worker.js in a build; src-main/core/worker.ts with execArgv ['--import', 'tsx'] in tests. */
  workerPath: string | URL;
  execArgv?: string[];
  /** How long close() waits for a clean shutdown before terminating the thread. */
  closeTimeoutMs?: number;
  /**
   * Electron main: safeStorage encryption for the sync token, which the worker requests over
   * its port. Without it the core keeps the token in a 0600 file (browser and CLI hosts).
   */
  secrets?: MainSecrets;
}

function transportError(message: string): CallResult {
  return { ok: false, error: { code: 'transport', message } };
}

export class WorkerCoreClient implements CoreHandle {
  /** Resolves when the core has opened its store; rejects if it cannot. */
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private readonly exited: Promise<number>;
  private readonly pending = new Map<number, (result: CallResult) => void>();
  private readonly listeners = new Set<(event: CoreEvent) => void>();
  private readonly closeTimeoutMs: number;
  private nextId = 1;
  /** Why calls can no longer be answered; null while the worker is usable. */
  private unavailable: string | null = null;
  private closeFailure: string | null = null;
  private closed = false;
  private closing: Promise<void> | null = null;

  constructor(options: CoreOptions, spawn: CoreWorkerSpawn) {
    this.closeTimeoutMs = spawn.closeTimeoutMs ?? 10_000;
    const workerData: CoreWorkerData = {
      copydeskCoreWorker: true,
      options,
      secretsInMain: spawn.secrets !== undefined,
    };
    this.worker = new Worker(spawn.workerPath, { workerData, execArgv: spawn.execArgv ?? [] });

    let settleReady: { resolve: () => void; reject: (e: Error) => void } | null = null;
    this.ready = new Promise<void>((resolve, reject) => {
      settleReady = { resolve, reject };
    });
    // Callers that never await `ready` still learn of failures through call results.
    this.ready.catch(() => undefined);
    const failReady = (message: string) => {
      settleReady?.reject(new Error(message));
      settleReady = null;
    };

    this.worker.on('message', (raw: unknown) => {
      const message = raw as FromWorker;
      switch (message.kind) {
        case 'ready':
          settleReady?.resolve();
          settleReady = null;
          break;
        case 'failed': {
          const reason = `The Copydesk core could not open: ${message.message}`;
          this.fail(reason);
          failReady(reason);
          void this.worker.terminate();
          break;
        }
        case 'result': {
          const resolve = this.pending.get(message.id);
          this.pending.delete(message.id);
          resolve?.(message.result);
          break;
        }
        case 'event':
          for (const listener of this.listeners) {
            try {
              listener(message.event);
            } catch (e) {
              console.error('copydesk: core event listener failed', e);
            }
          }
          break;
        case 'close_failed':
          this.closeFailure = message.message;
          break;
        case 'closed':
          this.closed = true;
          break;
        case 'secret':
          void answerSecretRequest(message, spawn.secrets).then((reply) => {
            try {
              if (reply && this.unavailable === null) this.post(reply);
            } catch (e) {
              console.error('copydesk: secret reply could not be sent', e);
            }
          });
          break;
      }
    });
    this.worker.on('error', (e: Error) => {
      const reason = `The Copydesk core crashed: ${e.message}`;
      this.fail(reason);
      failReady(reason);
    });
    this.exited = new Promise<number>((resolve) => {
      this.worker.once('exit', (code: number) => {
        const reason = `The Copydesk core stopped (exit code ${code}).`;
        this.fail(reason);
        failReady(reason);
        resolve(code);
      });
    });
  }

  call(method: string, input: unknown): Promise<CallResult> {
    if (this.closing) return Promise.resolve(transportError('The Copydesk core has been closed.'));
    if (this.unavailable !== null) return Promise.resolve(transportError(this.unavailable));
    const id = this.nextId++;
    return new Promise<CallResult>((resolve) => {
      this.pending.set(id, resolve);
      try {
        this.post({ kind: 'call', id, method, input });
      } catch (e) {
        this.pending.delete(id);
        const why = e instanceof Error ? e.message : String(e);
        resolve({
          ok: false,
          error: { code: 'invalid_input', message: `The input could not be sent: ${why}` },
        });
      }
    });
  }

  onEvent(listener: (event: CoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Asks the core to close its store and waits for the thread to end; terminates it after a timeout. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  /** Ends the thread at once, without letting the core close. For when close() is not an option. */
  async terminate(): Promise<void> {
    await this.worker.terminate();
    await this.exited;
  }

  private async shutDown(): Promise<void> {
    // A worker that already died or never opened has nothing left to close.
    if (this.unavailable !== null) {
      await this.exited;
      return;
    }
    this.post({ kind: 'close' });
    const timer = setTimeout(() => void this.worker.terminate(), this.closeTimeoutMs);
    await this.exited;
    clearTimeout(timer);
    if (this.closeFailure !== null) {
      throw new Error(`The Copydesk core did not close cleanly: ${this.closeFailure}`);
    }
    if (!this.closed)
      throw new Error(
        `The Copydesk core did not close cleanly: ${this.unavailable ?? 'no answer'}`,
      );
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private fail(reason: string): void {
    this.unavailable ??= reason;
    for (const resolve of this.pending.values()) resolve(transportError(this.unavailable));
    this.pending.clear();
  }
}

export function startCoreWorker(options: CoreOptions, spawn: CoreWorkerSpawn): WorkerCoreClient {
  return new WorkerCoreClient(options, spawn);
}
