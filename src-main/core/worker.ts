/**
 * Worker-thread entry (out/main/core-worker.js) that hosts the core for Electron main.
 * Main ⇄ worker messages are the types below; worker-client.ts is the other end.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CallResult, CoreEvent } from '../../src-shared/api';
import { openCore } from './core';
import { EncryptedTokenStore } from './sync/tokens-encrypted';
import type { CoreHandle, CoreOptions } from './types';
import { MainSecretClient, ToWorker, type SecretRequest } from './worker-protocol';

export type { ToWorker } from './worker-protocol';

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'failed'; message: string }
  | { kind: 'result'; id: number; result: CallResult }
  | { kind: 'event'; event: CoreEvent }
  | { kind: 'closed' }
  | { kind: 'close_failed'; message: string }
  | SecretRequest;

/** workerData carries this marker so that merely importing this file never starts a server. */
export interface CoreWorkerData {
  copydeskCoreWorker: true;
  options: CoreOptions;
  /** Main keeps the sync token with safeStorage; the worker asks it over the port. */
  secretsInMain?: boolean;
}

export interface RelayPort {
  postMessage(message: FromWorker): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function errorResult(
  code: 'transport' | 'internal' | 'invalid_input',
  message: string,
): CallResult {
  return { ok: false, error: { code, message } };
}

/**
 * Relays calls and events between `port` and the core that `open` produces. Calls that arrive
 * before the core is open wait for it. `exit` runs after a close, successful or not. Replies to
 * the worker's own requests (secrets) go to `secrets`. Every message is validated on arrival.
 */
export function serveCore(
  port: RelayPort,
  open: () => Promise<CoreHandle>,
  exit: (code: number) => void,
  secrets?: MainSecretClient,
): void {
  const core = open();
  core.then(
    (c) => {
      c.onEvent((event) => {
        try {
          port.postMessage({ kind: 'event', event });
        } catch (e) {
          console.error('copydesk core worker: event could not be sent', e);
        }
      });
      port.postMessage({ kind: 'ready' });
    },
    (e: unknown) => port.postMessage({ kind: 'failed', message: messageOf(e) }),
  );

  const reply = (id: number, result: CallResult) => {
    try {
      port.postMessage({ kind: 'result', id, result });
    } catch (e) {
      // A value the structured clone cannot carry is a core bug; the caller still gets an answer.
      port.postMessage({
        kind: 'result',
        id,
        result: errorResult('internal', `Result could not be sent: ${messageOf(e)}`),
      });
    }
  };

  const answer = async (id: number, method: string, input: unknown): Promise<void> => {
    let opened: CoreHandle;
    try {
      opened = await core;
    } catch (e) {
      reply(id, errorResult('transport', `The Copydesk core is not available: ${messageOf(e)}`));
      return;
    }
    try {
      reply(id, await opened.call(method, input));
    } catch (e) {
      reply(id, errorResult('internal', `The core failed on ${method}: ${messageOf(e)}`));
    }
  };

  const shutDown = async (): Promise<void> => {
    // Let calls already accepted finish before the store goes away.
    await Promise.allSettled(inFlight);
    let opened: CoreHandle | null = null;
    try {
      opened = await core;
    } catch {
      // An open that failed left nothing to close.
    }
    try {
      await opened?.close();
    } catch (e) {
      port.postMessage({ kind: 'close_failed', message: messageOf(e) });
      exit(1);
      return;
    }
    port.postMessage({ kind: 'closed' });
    exit(0);
  };

  const inFlight = new Set<Promise<void>>();
  let closing = false;
  port.on('message', (raw) => {
    const parsed = ToWorker.safeParse(raw);
    if (!parsed.success) {
      const id = (raw as { id?: unknown } | null)?.id;
      if ((raw as { kind?: unknown } | null)?.kind === 'call' && typeof id === 'number') {
        reply(id, errorResult('invalid_input', 'The call message was malformed.'));
      } else {
        console.error('copydesk core worker: malformed message ignored');
      }
      return;
    }
    const message = parsed.data;
    if (message.kind === 'secret_result') {
      secrets?.receive(message);
    } else if (message.kind === 'call') {
      if (closing) {
        reply(message.id, errorResult('transport', 'The Copydesk core is shutting down.'));
        return;
      }
      const done = answer(message.id, message.method, message.input);
      inFlight.add(done);
      void done.finally(() => inFlight.delete(done));
    } else if (message.kind === 'close' && !closing) {
      closing = true;
      void shutDown();
    }
  });
}

function isCoreWorkerData(data: unknown): data is CoreWorkerData {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as CoreWorkerData).copydeskCoreWorker === true
  );
}

if (parentPort && isCoreWorkerData(workerData)) {
  const port = parentPort;
  const options = workerData.options;
  const secrets = workerData.secretsInMain
    ? new MainSecretClient((m) => port.postMessage(m))
    : undefined;
  serveCore(
    port,
    () =>
      openCore(
        secrets
          ? { ...options, tokenStore: new EncryptedTokenStore(options.profileDir, secrets) }
          : options,
      ),
    (code) => process.exit(code),
    secrets,
  );
}
