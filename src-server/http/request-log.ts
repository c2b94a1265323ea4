/**
 * The backend's request log: fastify's own pino logger, one JSON line per request when it has
 * been answered (method, path, status, time, client version), never a credential. Tokens travel
 * in the Authorization header, which is not logged; query parameters that could carry one are
 * masked too, for clients (a WebSocket upgrade, a link) that cannot set headers.
 */
import {
  LogController,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import type { DestinationStream } from 'pino';

const SECRET_PARAM = /token|password|secret|key|auth|session/i;
export const MASK = '[redacted]';

/** The URL as logged: the path, and the query with every credential-like parameter masked. */
export function loggableUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const name of [...params.keys()]) if (SECRET_PARAM.test(name)) params.set(name, MASK);
  const query = params.toString();
  return query ? `${url.slice(0, q)}?${query}` : url.slice(0, q);
}

/** One line per request, written when the answer is sent ("incoming request" lines are not). */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      req: request,
      res: reply,
      responseTime: Math.round(reply.elapsedTime * 10) / 10,
      ...(error ? { err: error } : {}),
    };
    if (error || reply.statusCode >= 500) reply.log.error(line, 'request failed');
    else reply.log.info(line, 'request');
  }
}

const serializers = {
  req: (req: Pick<FastifyRequest, 'method' | 'url' | 'ip' | 'headers'>) => ({
    method: req.method,
    url: loggableUrl(req.url),
    remoteAddress: req.ip,
    client: String(req.headers['user-agent'] ?? '').slice(0, 100),
  }),
  res: (reply: Pick<FastifyReply, 'statusCode'>) => ({ statusCode: reply.statusCode }),
};

/**
 * Fastify options that turn the request log on, writing to `stream`; `null` turns it off (tests
 * and embedded use that pass no stream).
 */
export function requestLogOptions(
  stream: DestinationStream | null,
): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  if (!stream) return { logger: false };
  return {
    logger: {
      level: 'info',
      stream,
      serializers,
      // Belt and braces: should a header object ever be logged, its credentials are not.
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'],
        censor: MASK,
      },
    },
    logController: new OneLinePerRequest(),
  };
}
