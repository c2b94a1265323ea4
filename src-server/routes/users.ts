/**
 * Admin user management: list, create, change role, disable/enable, reset password. And, for any
 * signed-in user, the display names (desks show them for authors of suggestions and comments).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  CreateUserRequest,
  UpdateUserRequest,
  type UserNamesResponse,
} from '../../src-shared/protocol';
import { parseOr400 } from '../http/errors';
import { requireAdmin, requireUser, type AppContext } from '../http/context';
import { adminUser } from '../auth/service';

const UserParams = z.strictObject({ id: z.string().min(1).max(100) });

export function userRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/users', async (req) => {
    await requireAdmin(ctx, req);
    const users = await ctx.storage.read((tx) => tx.listUsers());
    return { items: users.map(adminUser) };
  });

  app.get('/api/v1/users/names', async (req): Promise<UserNamesResponse> => {
    await requireUser(ctx, req);
    const users = await ctx.storage.read((tx) => tx.listUsers());
    return {
      items: users.flatMap((u) =>
        u.displayName ? [{ username: u.username, displayName: u.displayName }] : [],
      ),
    };
  });

  app.post('/api/v1/users', async (req, reply) => {
    await requireAdmin(ctx, req);
    const body = parseOr400(CreateUserRequest, req.body, 'user');
    const user = await ctx.auth.createUser(body.username, body.password, body.role);
    return reply.code(201).send({ user: adminUser(user) });
  });

  app.patch('/api/v1/users/:id', async (req) => {
    const admin = await requireAdmin(ctx, req);
    const { id } = parseOr400(UserParams, req.params, 'user id');
    const body = parseOr400(UpdateUserRequest, req.body, 'user update');
    return { user: adminUser(await ctx.auth.updateUser(admin.id, id, body)) };
  });
}
