/** What every route module gets: the services and the resolved options. */
import type { FastifyRequest } from 'fastify';
import type { AuthService } from '../auth/service';
import type { LiveHub } from '../live/hub';
import type { LiveBus } from '../live/bus';
import type { RenditionStore } from '../media/renditions';
import type { BlobStore } from '../storage/blobs';
import type { Storage, UserRow } from '../storage/types';
import type { PullService } from '../sync/pull';
import type { PushService } from '../sync/push';
import type { PublishedView } from '../publish/view';
import type { NewsroomInfo } from '../../src-shared/newsroom';
import { HttpError } from './errors';

export interface AppContext {
  storage: Storage;
  /** Committed changes (announced by the store) and presence, across instances. */
  bus: LiveBus;
  blobs: BlobStore;
  /** Cached WebP renditions of published images. */
  renditions: RenditionStore;
  auth: AuthService;
  push: PushService;
  pull: PullService;
  view: PublishedView;
  maxBlobBytes: number;
  /** Absolute base URL for links in feeds and pages (no trailing slash). */
  publicUrl: () => string;
  /** The live sockets (pokes and presence); without it the server has no live endpoint. */
  live?: LiveHub;
  /** What GET /api/v1/newsroom answers (the newsroom's time zone). */
  newsroom: NewsroomInfo;
}

export async function requireUser(ctx: AppContext, req: FastifyRequest): Promise<UserRow> {
  return (await ctx.auth.authenticate(req.headers.authorization)).user;
}

export async function requireAdmin(ctx: AppContext, req: FastifyRequest): Promise<UserRow> {
  const user = await requireUser(ctx, req);
  if (user.role !== 'admin')
    throw new HttpError(403, 'forbidden', 'Only an admin may manage users.');
  return user;
}

/** Rejects a request body on endpoints that take none (anything but nothing or {}). */
export function expectNoBody(body: unknown): void {
  if (body === undefined || body === null) return;
  if (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0) return;
  throw new HttpError(400, 'invalid_input', 'This endpoint takes no request body.');
}
