/**
 * What every Fastify server of Copydesk (the backend and browser mode) needs so that no request,
 * however malformed, gets anything but the app's `{"error":{"code","message"}}` shape:
 *
 * - `frameworkOptions`: errors Fastify answers itself — malformed HTTP (400/408/431 from Node's
 *   parser), undecodable URLs (400) and over-long route parameters (414);
 * - `registerJsonParser`: JSON bodies in UTF-8 only (another charset: 415), parsed with Fastify's
 *   own prototype-poisoning checks, refused with 400 when nested deeper than `maxDepth`
 *   (deeper input would overflow the stack of whatever walks it later).
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifyServerOptions,
} from 'fastify';
import { MAX_NODE_DEPTH } from '../../src-shared/richtext/envelope';
import { HttpError } from './errors';

/** Deepest JSON accepted: a body at its deepest (object and children array per node) plus the envelope. */
export const MAX_JSON_DEPTH = 2 * MAX_NODE_DEPTH + 32;

function rawErrorResponse(status: number, message: string): string {
  const body = JSON.stringify(new HttpError(status, 'invalid_input', message).body());
  return (
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json\r\n` +
    `Connection: close\r\n\r\n${body}`
  );
}

/** Node's HTTP parser refused the request (no Fastify request exists yet). */
function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'The request took too long to arrive.']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'The request headers are too large.']
        : [400, 'The request is not valid HTTP.'];
  if (socket.writable) socket.write(rawErrorResponse(status, message));
  socket.destroy(err);
}

function frameworkErrors(error: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const http =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new HttpError(414, 'invalid_input', 'A part of the address is too long.')
      : error.code === 'FST_ERR_BAD_URL'
        ? new HttpError(400, 'invalid_input', 'The address is not valid (bad % encoding).')
        : new HttpError(400, 'invalid_input', 'The request could not be routed.');
  void reply.code(http.status).type('application/json').send(http.body());
}

/** Fastify constructor options for the errors it answers before any route or hook runs. */
export const frameworkOptions = {
  clientErrorHandler,
  frameworkErrors,
} satisfies Partial<FastifyServerOptions>;

/** The nesting depth of a parsed JSON value, counting until `limit` is passed (iterative). */
export function exceedsDepth(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** The charset parameter of a Content-Type, lowercased, or undefined. */
function charsetOf(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase();
}

export function registerJsonParser(
  app: FastifyInstance,
  options: { maxDepth?: number } = {},
): void {
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const charset = charsetOf(req.headers['content-type']);
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      done(new HttpError(415, 'unsupported_media_type', 'JSON must be sent as UTF-8.'), undefined);
      return;
    }
    void parse(req, body.toString(), (err, value) => {
      if (err) return done(err, undefined);
      if (exceedsDepth(value, maxDepth)) {
        return done(
          new HttpError(400, 'invalid_input', `The JSON is nested deeper than ${maxDepth} levels.`),
          undefined,
        );
      }
      done(null, value);
    });
  });
}

/** Any error a route, hook or parser threw, as the app's HttpError (5xx: no detail leaks). */
export function toHttpError(err: FastifyError | Error): HttpError {
  if (err instanceof HttpError) return err;
  const status = ('statusCode' in err ? err.statusCode : undefined) ?? 500;
  if (status === 413)
    return new HttpError(413, 'payload_too_large', 'The request body is too large.');
  if (status === 415) {
    return new HttpError(
      415,
      'unsupported_media_type',
      'Unsupported Content-Type for this endpoint.',
    );
  }
  if (status === 400 || err instanceof SyntaxError) {
    const json =
      err instanceof SyntaxError ||
      /JSON/i.test(('code' in err ? err.code : '') ?? '') ||
      /JSON/.test(err.message);
    return new HttpError(
      400,
      json ? 'invalid_json' : 'invalid_input',
      json ? 'The request body is not valid JSON.' : err.message,
    );
  }
  if (status >= 400 && status < 500) return new HttpError(status, 'invalid_input', err.message);
  return new HttpError(500, 'internal', 'Internal server error.');
}
