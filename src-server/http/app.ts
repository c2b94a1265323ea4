/**
 * The Fastify application: body limits, the error shape, security headers and the routes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { APP_VERSION } from '../../src-shared/version';
import { HttpError } from './errors';
import { requestLogOptions } from './request-log';
import type { AppContext } from './context';
import { authRoutes } from '../routes/auth';
import { userRoutes } from '../routes/users';
import { timelineRoutes } from '../routes/timeline';
import { submissionRoutes } from '../routes/submissions';
import { syncRoutes } from '../routes/sync';
import { blobRoutes } from '../routes/blobs';
import { publishedRoutes } from '../routes/published';
import { ninjsRoutes } from '../routes/ninjs';
import { siteRoutes } from '../routes/site';
import { mediaRoutes } from '../routes/media';
import { frameworkOptions, registerJsonParser, toHttpError } from './hardening';
import { registerRequestLimit, type RequestLimitOptions } from './requestLimit';
import { liveRoutes } from '../routes/live';
import { newsroomRoutes } from '../routes/newsroom';

/** JSON request bodies (a push of many mutations with bodies) — larger ones get 413. */
export const MAX_JSON_BYTES = 8 * 1024 * 1024;

export interface HttpOptions {
  /** Fastify's trustProxy: who may set X-Forwarded-For (true = any hop, or addresses/CIDRs). */
  trustProxy?: boolean | string[];
  requestLimit?: RequestLimitOptions;
  /** Where the request log goes: one JSON line per request (default: no request log). */
  requestLog?: DestinationStream | null;
}

export function buildApp(
  ctx: AppContext,
  log: (line: string) => void,
  options: HttpOptions = {},
): FastifyInstance {
  const app = Fastify({
    ...requestLogOptions(options.requestLog ?? null),
    trustProxy: options.trustProxy ?? false,
    // Slugs are made at most 80 long; older stored ones (up to 200 + suffix) still resolve.
    routerOptions: { maxParamLength: 256 },
    ...frameworkOptions,
    bodyLimit: MAX_JSON_BYTES,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });

  // JSON only (blobs have their own raw parser): text/plain bodies get 415.
  app.removeContentTypeParser('text/plain');
  registerJsonParser(app);

  app.addHook('onSend', (_req, reply, payload, done) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    if (!reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    }
    done(null, payload);
  });

  app.setErrorHandler((error: FastifyError | HttpError, req, reply) => {
    const http = error instanceof HttpError ? error : toHttpError(error);
    if (http.status === 413) {
      // Read and discard the rest of the body (Node keeps the connection), so that the client
      // reads the 413 instead of failing with EPIPE while it is still sending.
      // (Fastify asks for "Connection: close" on parser errors; the drained socket can stay.)
      req.raw.resume();
      reply.removeHeader('connection');
    }
    if (http.status >= 500 && !(error instanceof HttpError))
      log(`error: ${error.stack ?? String(error)}`);
    void reply.code(http.status).headers(http.headers).type('application/json').send(http.body());
  });

  app.setNotFoundHandler((req, reply) => {
    void reply
      .code(404)
      .type('application/json')
      .send(
        new HttpError(404, 'not_found', `No route ${req.method} ${req.url.split('?')[0]}.`).body(),
      );
  });

  // Clients that send "Expect: 100-continue" get the 413 before they upload anything.
  app.server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    const length = Number(req.headers['content-length'] ?? 0);
    const limit = (req.url ?? '').startsWith('/api/v1/blobs/') ? ctx.maxBlobBytes : MAX_JSON_BYTES;
    if (length > limit) {
      const body = JSON.stringify(
        new HttpError(413, 'payload_too_large', 'The request body is too large.').body(),
      );
      res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
      res.end(body);
      return;
    }
    res.writeContinue();
    app.server.emit('request', req, res);
  });

  registerRequestLimit(app, ctx, options.requestLimit);

  // The routes are added once the plugins above have loaded, so that their hooks apply.
  void app.after(() => {
    app.get('/api/v1/health', () => ({ ok: true, version: APP_VERSION }));
    authRoutes(app, ctx);
    userRoutes(app, ctx);
    syncRoutes(app, ctx);
    void app.register((child, _opts, done) => {
      blobRoutes(child, ctx);
      done();
    });
    publishedRoutes(app, ctx);
    ninjsRoutes(app, ctx);
    timelineRoutes(app, ctx);
    submissionRoutes(app, ctx);
    siteRoutes(app, ctx);
    mediaRoutes(app, ctx);
    newsroomRoutes(app, ctx);
    if (ctx.live) liveRoutes(app, ctx.live);
  });
  return app;
}
