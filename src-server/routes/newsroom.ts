/**
 * GET /api/v1/newsroom → NewsroomInfo (src-shared/newsroom.ts): the newsroom's time zone. Not
 * secret (the published site shows times in it), so no sign-in is asked for.
 */
import type { FastifyInstance } from 'fastify';
import type { NewsroomInfo } from '../../src-shared/newsroom';
import type { AppContext } from '../http/context';

export function newsroomRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/newsroom', (): NewsroomInfo => ctx.newsroom);
}
