/** GET /api/v1/live: the WebSocket for pokes and presence (see src-shared/live.ts). */
import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import { LIVE_PATH } from '../../src-shared/live';
import type { LiveHub } from '../live/hub';

/** Frames from desks are small presence messages. */
const MAX_FRAME_BYTES = 16 * 1024;

export function liveRoutes(app: FastifyInstance, hub: LiveHub): void {
  void app.register(async (child) => {
    await child.register(websocket, { options: { maxPayload: MAX_FRAME_BYTES } });
    child.get(LIVE_PATH, { websocket: true }, (socket, req) => {
      hub.accept(socket, req.headers.authorization, req.query);
    });
  });
}
