/**
 * The live socket between a signed-in desk and the backend: `GET /api/v1/live` upgraded to a
 * WebSocket, authenticated with the sync bearer token in the Authorization header, with
 * `clientId` and `protocolVersion` in the query.
 *
 * The server only sends hints: a poke means "something you may read was committed, pull now";
 * presence says who else has an article open. Data still arrives through the pull only.
 */
import { z } from 'zod';
import { lazySchema } from './lazySchema';

export const LIVE_PATH = '/api/v1/live';

/** WebSocket close codes the server uses (4000–4999 are for applications). */
export const LIVE_CLOSE = {
  /** The token is missing, unknown, revoked or expired, or the user is disabled: sign in again. */
  unauthorized: 4401,
  /** The client id belongs to another user. */
  forbidden: 4403,
  /** The query is malformed or the protocol version is not the server's: do not retry as is. */
  badRequest: 4400,
  /** A message the server cannot read. */
  badMessage: 4422,
} as const;

/** Close codes after which reconnecting with the same token and query cannot succeed. */
export const LIVE_FINAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  LIVE_CLOSE.unauthorized,
  LIVE_CLOSE.forbidden,
  LIVE_CLOSE.badRequest,
]);

const Id = lazySchema(() => z.string().min(1).max(100));

export const PresenceUser = lazySchema(() =>
  z.strictObject({ id: Id, username: z.string().min(1).max(100) }),
);
export type PresenceUser = z.infer<typeof PresenceUser>;

/** Who has which article open, excluding the receiving desk itself. */
export const PresenceList = lazySchema(() =>
  z.array(z.strictObject({ articleId: Id, users: z.array(PresenceUser).min(1) })),
);
export type PresenceList = z.infer<typeof PresenceList>;

export const LiveServerMessage = lazySchema(() =>
  z.discriminatedUnion('type', [
    /** Authenticated and subscribed; pokes from here on. */
    z.strictObject({ type: z.literal('ready') }),
    /** A change this client may read was committed at `seq` (or later). */
    z.strictObject({ type: z.literal('poke'), seq: z.number().int().nonnegative() }),
    /** The whole presence this client may see, sent whenever it changes. */
    z.strictObject({ type: z.literal('presence'), articles: PresenceList }),
  ]),
);
export type LiveServerMessage = z.infer<typeof LiveServerMessage>;

export const LiveClientMessage = lazySchema(() =>
  z.discriminatedUnion('type', [
    /** The article open on this desk now (null: none). */
    z.strictObject({ type: z.literal('presence'), articleId: Id.nullable() }),
  ]),
);
export type LiveClientMessage = z.infer<typeof LiveClientMessage>;

/** Parses one text frame; undefined when it is not JSON or not a known message. */
export function parseLiveMessage<T>(schema: z.ZodType<T>, data: unknown): T | undefined {
  if (typeof data !== 'string' || data.length > 1_000_000) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return undefined;
  }
  const r = schema.safeParse(json);
  return r.success ? r.data : undefined;
}
