import type { FastifyInstance } from 'fastify';
import { LoginRequest } from '../../src-shared/protocol';
import { parseOr400 } from '../http/errors';
import { expectNoBody, requireUser, type AppContext } from '../http/context';
import { publicUser } from '../auth/service';

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

  app.get('/api/v1/auth/me', async (req) => ({ user: publicUser(await requireUser(ctx, req)) }));

  app.get('/api/v1/sections', async (req) => {
    await requireUser(ctx, req);
    return { items: await ctx.storage.read((tx) => tx.listSections()) };
  });
}
