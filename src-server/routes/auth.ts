import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { acceptsDisplayNames, LoginRequest, type MeResponse } from '../../src-shared/protocol';
import { parseOr400 } from '../http/errors';
import { expectNoBody, requireUser, type AppContext } from '../http/context';
import { publicUser } from '../auth/service';

const MeQuery = z.object({ schemaVersion: z.string().max(40).optional() });

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/v1/auth/login', async (req) => {
    const body = parseOr400(LoginRequest, req.body, 'login request');
    return ctx.auth.login(body.username, body.password, req.ip);
  });

  app.post('/api/v1/auth/logout', async (req) => {
    expectNoBody(req.body);
    const { token } = await ctx.auth.authenticate(req.headers.authorization);
    await ctx.auth.logout(token);
    return { ok: true };
  });

  app.get('/api/v1/auth/me', async (req): Promise<MeResponse> => {
    const user = await requireUser(ctx, req);
    // Other query parameters are ignored, as they always were here.
    const { schemaVersion } = parseOr400(MeQuery, req.query, 'query');
    const displayName = acceptsDisplayNames(schemaVersion) ? user.displayName : undefined;
    return { user: { ...publicUser(user), ...(displayName ? { displayName } : {}) } };
  });

  app.get('/api/v1/sections', async (req) => {
    await requireUser(ctx, req);
    return { items: await ctx.storage.read((tx) => tx.listSections()) };
  });
}
