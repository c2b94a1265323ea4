/**
 * The validated IPC router: one invoke channel in, one event channel out. Electron objects are
 * passed in by main.ts, so this file only needs Electron's types.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { CallResult } from '../../src-shared/api';
import type { CoreHandle } from '../core/types';
import { isAppOriginUrl } from './app-origin';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc-channels';
import { routeCall, type SenderInfo } from './ipc-validation';

export type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

export function senderInfo(
  event: SenderEvent,
  isOurWebContents: (c: WebContents) => boolean,
): SenderInfo {
  const frame = event.senderFrame;
  return {
    frameUrl: frame ? frame.url : null,
    isMainFrame: frame !== null && frame.parent === null,
    fromOurWindow: isOurWebContents(event.sender),
  };
}

export interface IpcRouterDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  core: Pick<CoreHandle, 'call'>;
  isOurWebContents: (contents: WebContents) => boolean;
}

/** Registers the call handler; returns a function that removes it. */
export function installIpcRouter({ ipcMain, core, isOurWebContents }: IpcRouterDeps): () => void {
  ipcMain.handle(CALL_CHANNEL, (event: IpcMainInvokeEvent, raw: unknown): Promise<CallResult> => {
    // Read the sender before the first await: senderFrame goes null once the frame navigates.
    const sender = senderInfo(event, isOurWebContents);
    return routeCall(sender, raw, core);
  });
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}

export type EventReceiver = Pick<WebContents, 'send' | 'isDestroyed' | 'getURL'>;

/** Relays core events to our windows, but only while they show our own page. */
export function forwardCoreEvents(
  core: Pick<CoreHandle, 'onEvent'>,
  targets: () => EventReceiver[],
): () => void {
  return core.onEvent((event) => {
    for (const contents of targets()) {
      if (!contents.isDestroyed() && isAppOriginUrl(contents.getURL())) {
        contents.send(EVENT_CHANNEL, event);
      }
    }
  });
}
