import {
  CallResult,
  parseInput,
  CoreEvent,
  createDesktopApi,
  type DesktopApi,
  type DesktopTransport,
  type MethodName,
} from '../../src-shared/api';
import { earlyCallsOfWindow, withEarlyCalls } from '../boot/earlyCalls';

const TOKEN_KEY = 'copydesk.token';

/** Browser mode: the token arrives once in the URL; it is kept for reloads of this tab. */
function launchToken(): string {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) sessionStorage.setItem(TOKEN_KEY, fromUrl);
  return fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/**
 * Browser mode: names this window to the host on its calls and its event socket, so that the
 * article open here stops counting as open when the window closes (src-main/harness).
 */
const WINDOW_ID = crypto.randomUUID();

function httpTransport(): DesktopTransport {
  const token = launchToken();
  const listeners = new Set<(e: CoreEvent) => void>();
  let socket: WebSocket | null = null;
  let retry = 500;

  const connect = () => {
    const url = new URL('/api/events', location.href);
    url.protocol = url.protocol.replace('http', 'ws');
    url.searchParams.set('token', token);
    url.searchParams.set('window', WINDOW_ID);
    socket = new WebSocket(url);
    socket.onopen = () => {
      retry = 500;
    };
    socket.onmessage = (m) => {
      const parsed = CoreEvent.safeParse(JSON.parse(String(m.data)));
      if (parsed.success) for (const l of listeners) l(parsed.data);
    };
    socket.onclose = () => {
      socket = null;
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 10_000);
    };
  };

  return {
    async call(method: MethodName, input: unknown) {
      const res = await fetch('/api/call', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-copydesk-token': token,
          'x-copydesk-window': WINDOW_ID,
        },
        body: requestBody(JSON.stringify({ method, input })),
      });
      if (res.status === 401) {
        return {
          ok: false,
          error: {
            code: 'unauthorized',
            message:
              'This browser tab is not authorised. Open the URL that Copydesk printed at start.',
          },
        };
      }
      return CallResult.parse(await res.json());
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!socket) connect();
      return () => listeners.delete(listener);
    },
  };
}

const bridge = (window as { copydesk?: DesktopTransport }).copydesk;

function pickTransport(): DesktopTransport {
  return withEarlyCalls(bridge ?? httpTransport(), earlyCallsOfWindow());
}

/**
 * A long body goes to fetch as a Blob: Chromium hands a long string body to the network much
 * more slowly (about half the round trip of a 500 KB article body went there). Short calls stay
 * strings, which the browser's network tools (and the tests) can read.
 */
function requestBody(json: string): string | Blob {
  return json.length > 64 * 1024 ? new Blob([json]) : json;
}

export const transport = pickTransport();
export const api: DesktopApi = createDesktopApi(transport);

/** Browsers refuse keepalive requests with a larger body. */
const KEEPALIVE_MAX_BYTES = 60_000;

/**
 * Fire-and-forget call for pagehide/beforeunload: the page may be gone before an answer comes.
 * Electron: the IPC message leaves at once. Browser mode: a keepalive fetch, which outlives the
 * page when its body is under ~64 KiB; a larger one is a plain fetch (best effort).
 */
export function callOnExit(method: MethodName, input: unknown): void {
  const parsed = parseInput(method, input);
  if (bridge) {
    void bridge.call(method, parsed).catch(() => undefined);
    return;
  }
  const body = JSON.stringify({ method, input: parsed });
  void fetch('/api/call', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-copydesk-token': launchToken(),
      'x-copydesk-window': WINDOW_ID,
    },
    body,
    keepalive: body.length < KEEPALIVE_MAX_BYTES,
  }).catch(() => undefined);
}
