/**
 * The object the preload exposes as `window.copydesk`. Type-only imports from shared code: a
 * sandboxed preload can require nothing but 'electron', so zod must not end up in this bundle.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { CallResult, CoreEvent, DesktopTransport, MethodName } from '../../src-shared/api';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../electron/ipc-channels';

export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function createBridge(ipc: BridgeIpc): DesktopTransport {
  return {
    async call(method: MethodName, input: unknown): Promise<CallResult> {
      try {
        // Only these two fields cross; main validates both.
        return (await ipc.invoke(CALL_CHANNEL, { method, input })) as CallResult;
      } catch (e) {
        return {
          ok: false,
          error: {
            code: 'transport',
            message: `IPC failed: ${e instanceof Error ? e.message : String(e)}`,
          },
        };
      }
    },
    onEvent(listener: (event: CoreEvent) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('onEvent needs a listener function.');
      // The IpcRendererEvent (with its sender) never reaches the page.
      const handler = (_event: IpcRendererEvent, payload: CoreEvent) => listener(payload);
      ipc.on(EVENT_CHANNEL, handler);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, handler);
      };
    },
  };
}
