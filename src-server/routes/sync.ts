/** POST /api/v1/sync/push and GET /api/v1/sync/pull. */
import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION, PullQuery, PushRequest } from '../../src-shared/protocol';
import { HttpError, parseOr400 } from '../http/errors';
import { requireUser, type AppContext } from '../http/context';

/** Any protocolVersion but ours (or none) gets "update required" before anything else. */
export function checkProtocolVersion(value: unknown): void {
  if (value === PROTOCOL_VERSION || value === String(PROTOCOL_VERSION)) return;
  throw new HttpError(
    400,
    'update_required',
    `This server speaks sync protocol ${PROTOCOL_VERSION}; the request has ${JSON.stringify(value ?? null)}. Update Copydesk.`,
    { protocolVersion: PROTOCOL_VERSION },
  );
}

function field(obj: unknown, key: string): unknown {
  return typeof obj === 'object' && obj !== null
    ? (obj as Record<string, unknown>)[key]
    : undefined;
}

export function syncRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/v1/sync/push', async (req) => {
    const user = await requireUser(ctx, req);
    checkProtocolVersion(field(req.body, 'protocolVersion'));
    const body = parseOr400(PushRequest, req.body, 'push request');
    return ctx.push.push(user, body);
  });

  app.get('/api/v1/sync/pull', async (req, reply) => {
    const user = await requireUser(ctx, req);
    checkProtocolVersion(field(req.query, 'protocolVersion'));
    const query = parseOr400(PullQuery, req.query, 'pull query');
    // Already JSON text (articles spliced in as stored): no serializer on the big payload.
    return reply.type('application/json; charset=utf-8').send(await ctx.pull.pullJson(user, query));
  });
}
