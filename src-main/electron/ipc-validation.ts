/**
 * The checks every IPC call passes before it reaches the core: who sent it, and what it says.
 * Pure functions; ipc-router.ts wires them to ipcMain.
 */
import {
  ApiError,
  CallRequest,
  CallResult,
  isMethodName,
  parseInput,
  zodToApiError,
  type MethodName,
} from '../../src-shared/api';
import type { CoreHandle } from '../core/types';
import { isAppOriginUrl } from './app-origin';

/** What the router knows about the sender of one IPC message. */
export interface SenderInfo {
  /** URL of the sending frame, or null when the frame is gone. */
  frameUrl: string | null;
  /** The sending frame is the top frame of its page (not an iframe). */
  isMainFrame: boolean;
  /** The sending webContents belongs to a window Copydesk created. */
  fromOurWindow: boolean;
}

export type Check<T> = { ok: true; value: T } | { ok: false; result: CallResult };

function fail(code: ApiError['code'], message: string): { ok: false; result: CallResult } {
  return { ok: false, result: { ok: false, error: new ApiError(code, message).toJSON() } };
}

export function checkSender(sender: SenderInfo): Check<null> {
  if (!sender.fromOurWindow)
    return fail('unauthorized', 'IPC from a window Copydesk did not create.');
  if (!sender.isMainFrame) return fail('unauthorized', 'IPC from a subframe is not accepted.');
  if (sender.frameUrl === null || !isAppOriginUrl(sender.frameUrl)) {
    return fail('unauthorized', 'IPC from a page outside app://copydesk is not accepted.');
  }
  return { ok: true, value: null };
}

export function validateCallRequest(raw: unknown): Check<{ method: MethodName; input: unknown }> {
  const envelope = CallRequest.safeParse(raw);
  if (!envelope.success) {
    return {
      ok: false,
      result: {
        ok: false,
        error: zodToApiError('invalid_input', 'Malformed call', envelope.error).toJSON(),
      },
    };
  }
  const { method, input } = envelope.data;
  if (!isMethodName(method)) return fail('unknown_method', `Unknown method "${method}".`);
  try {
    return { ok: true, value: { method, input: parseInput(method, input) } };
  } catch (e) {
    if (e instanceof ApiError) return { ok: false, result: { ok: false, error: e.toJSON() } };
    return fail('invalid_input', `Invalid input for ${method}.`);
  }
}

/** Sender check, argument validation, then the core. Always resolves to a CallResult. */
export async function routeCall(
  sender: SenderInfo,
  raw: unknown,
  core: Pick<CoreHandle, 'call'>,
): Promise<CallResult> {
  const from = checkSender(sender);
  if (!from.ok) return from.result;
  const request = validateCallRequest(raw);
  if (!request.ok) return request.result;
  try {
    const result = CallResult.safeParse(await core.call(request.value.method, request.value.input));
    if (result.success) return result.data;
    return fail('internal', `The core answered ${request.value.method} with a malformed result.`)
      .result;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return fail('internal', `The core failed on ${request.value.method}: ${message}`).result;
  }
}
