import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import websocket from '@fastify/websocket';
import { readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { CallRequest, parseInput, type CoreEvent } from '../../src-shared/api';
import { contentSecurityPolicy } from '../../src-shared/csp';
import type { CoreHandle } from '../core/types';
import { contentTypeFor, resolveRendererPath } from '../common/renderer-files';
import { frameworkOptions, registerJsonParser, toHttpError } from '../../src-server/http/hardening';
import { browserModeHeaders } from './security-headers';
import { newLaunchToken, tokenFromCookie, tokenMatches, TOKEN_COOKIE } from './token';
import { WindowPresence } from './windowPresence';
import { WindowEvents } from './windowEvents';

export interface HarnessOptions {
  core: CoreHandle;
  rendererDir: string;
  port: number;
  token?: string;
}

export interface Harness {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Names the renderer window a call or an event socket belongs to (src-renderer/api/transport). */
const WINDOW_HEADER = 'x-copydesk-window';

function windowIdOf(value: unknown): string | null {
  return typeof value === 'string' && /^[\w-]{1,64}$/.test(value) ? value : null;
}

/** The article of a valid presence.open input; undefined for anything else (the core says why). */
function openedArticle(input: unknown): string | null | undefined {
  try {
    return parseInput('presence.open', input).articleId;
  } catch {
    return undefined;
  }
}

// Large enough for images.import: 50 MB of image as base64 inside the JSON envelope.
const MAX_CALL_BYTES = 72 * 1024 * 1024;

/**
 * Browser mode: serves the built renderer and the DesktopApi on 127.0.0.1 only. Every request
 * and WebSocket must carry the per-launch token (query on first load, then an HttpOnly cookie,
 * or the x-copydesk-token header); anything else gets 401.
 */
export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const readRendererFile = rendererFileReader(opts.rendererDir);
  const token = opts.token ?? newLaunchToken();
  const app = Fastify({ logger: false, bodyLimit: MAX_CALL_BYTES, ...frameworkOptions });
  // The backend's error shape and JSON rules: UTF-8 only, bounded nesting, no framework bodies.
  registerJsonParser(app);
  app.setErrorHandler((error, _req, reply) => {
    const http = toHttpError(error instanceof Error ? error : new Error(String(error)));
    void reply.code(http.status).headers(http.headers).type('application/json').send(http.body());
  });
  app.setNotFoundHandler((_req, reply) => {
    void reply
      .code(404)
      .type('application/json')
      .send({ error: { code: 'not_found', message: 'Not found.' } });
  });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  let origin = '';
  /** Open renderer windows (event sockets). */
  let windows = 0;
  const presence = new WindowPresence();
  /** Open event sockets per window; the other windows' events are kept (windowEvents.ts). */
  const sockets = new Map<string, number>();
  const missed = new WindowEvents((listener) => opts.core.onEvent(listener));
  const csp = () => contentSecurityPolicy({ connectSrc: [origin.replace(/^http/, 'ws')] });

  const tokenOf = (req: FastifyRequest): string | undefined => {
    const q = (req.query as Record<string, unknown> | undefined)?.token;
    if (typeof q === 'string') return q;
    const h = req.headers['x-copydesk-token'];
    if (typeof h === 'string') return h;
    return tokenFromCookie(req.headers.cookie);
  };

  app.addHook('onRequest', async (req, reply) => {
    void reply.headers(browserModeHeaders(csp()));
    // DNS-rebinding guard: only our own loopback host names.
    const host = req.headers.host ?? '';
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) {
      return reply
        .code(403)
        .send({ error: { code: 'forbidden_host', message: 'Requests must address 127.0.0.1.' } });
    }
    if (!tokenMatches(token, tokenOf(req))) {
      return reply.code(401).send({
        error: {
          code: 'unauthorized',
          message: 'Missing or invalid launch token. Open the URL printed at start.',
        },
      });
    }
  });

  app.post('/api/call', async (req, reply) => {
    const parsed = CallRequest.safeParse(req.body);
    if (!parsed.success) {
      return reply.code(400).send({
        ok: false,
        error: { code: 'invalid_input', message: 'A call needs {"method": string, "input": …}.' },
      });
    }
    const { method, input } = parsed.data;
    const windowId = windowIdOf(req.headers[WINDOW_HEADER]);
    if (windowId && !sockets.get(windowId)) missed.keep(windowId);
    const articleId = method === 'presence.open' ? openedArticle(input) : undefined;
    if (windowId && articleId !== undefined) {
      return opts.core.call('presence.open', { articleId: presence.set(windowId, articleId) });
    }
    return opts.core.call(method, input);
  });

  app.get('/api/events', { websocket: true }, (socket, req) => {
    const requestOrigin = req.headers.origin;
    if (
      requestOrigin &&
      requestOrigin !== origin &&
      requestOrigin !== origin.replace('127.0.0.1', 'localhost')
    ) {
      socket.close(1008, 'origin not allowed');
      return;
    }
    const windowId = windowIdOf((req.query as Record<string, unknown> | undefined)?.window);
    const send = (event: CoreEvent) => socket.send(JSON.stringify(event));
    // What happened since the window's first call, then live: in one turn, so nothing between.
    if (windowId) {
      for (const event of missed.release(windowId)) send(event);
      sockets.set(windowId, (sockets.get(windowId) ?? 0) + 1);
    }
    const off = opts.core.onEvent(send);
    windows += 1;
    socket.on('close', () => {
      off();
      if (windowId) {
        const left = (sockets.get(windowId) ?? 1) - 1;
        if (left > 0) sockets.set(windowId, left);
        else {
          sockets.delete(windowId);
          missed.keep(windowId); // until it reconnects (a dropped socket) or is forgotten
        }
      }
      // Presence is per window: its article goes with it, and with the last window all go.
      const reported = windowId ? presence.closed(windowId) : presence.reported();
      void opts.core.call('presence.open', { articleId: --windows === 0 ? null : reported });
    });
    socket.on('message', () => {
      /* events are one-way; the renderer sends nothing */
    });
  });

  app.get('/*', async (req: FastifyRequest, reply: FastifyReply) => {
    const resolved = resolveRendererPath(
      new URL(req.url, 'http://127.0.0.1').pathname,
      opts.rendererDir,
    );
    if (!resolved.ok) {
      return reply
        .code(resolved.status)
        .send({ error: { code: 'bad_path', message: 'Invalid path.' } });
    }
    const path = resolved.filePath;
    const q = (req.query as Record<string, unknown>).token;
    if (typeof q === 'string') {
      void reply.header(
        'Set-Cookie',
        `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      );
    }
    try {
      const bytes = await readRendererFile(path);
      void reply.header('Cache-Control', path.endsWith('.html') ? 'no-store' : 'max-age=3600');
      return reply.type(contentTypeFor(path)).send(bytes);
    } catch {
      return reply.code(404).send({ error: { code: 'not_found', message: 'Not found.' } });
    }
  });

  await app.listen({ host: '127.0.0.1', port: opts.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    port,
    token,
    close: () => {
      missed.close();
      return app.close();
    },
  };
}

/**
 * The build's `assets/` files have content-hashed names, so they never change under a name: each
 * is read from disk once and then answered from memory (opening an article asks for about
 * fifteen at once). Everything else (index.html, early.js) is read on every request.
 */
function rendererFileReader(rendererDir: string): (path: string) => Promise<Buffer> {
  const assetsDir = join(rendererDir, 'assets') + sep;
  const assets = new Map<string, Buffer>();
  return async (path) => {
    if (!path.startsWith(assetsDir)) return readFile(path);
    let bytes = assets.get(path);
    if (!bytes) {
      bytes = await readFile(path);
      assets.set(path, bytes);
    }
    return bytes;
  };
}
