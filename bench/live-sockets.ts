/**
 * Idle live sockets held open beside a load run: desks that are signed in and only listen. Counts
 * what went wrong on them (failed opens, errors, closes before the end) and the pokes they got.
 */
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { LIVE_PATH, LiveServerMessage, parseLiveMessage } from '../src-shared/live';

export interface IdleSocketsReport {
  sockets: number;
  ready: number;
  errors: number;
  closedEarly: number;
  openAtEnd: number;
  pokes: number;
}

export interface IdleSockets {
  finish(): IdleSocketsReport;
}

export async function holdIdleSockets(
  url: string,
  token: string,
  count: number,
): Promise<IdleSockets> {
  let errors = 0;
  let closedEarly = 0;
  let pokes = 0;
  let ready = 0;
  let finishing = false;
  const sockets: WebSocket[] = [];
  const opened = Array.from({ length: count }, () => {
    const q = new URLSearchParams({ clientId: randomUUID(), protocolVersion: '1' });
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}${LIVE_PATH}?${q}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    sockets.push(ws);
    ws.on('error', () => errors++);
    ws.on('close', () => {
      if (!finishing) closedEarly++;
    });
    return new Promise<void>((resolve) => {
      ws.on('message', (data) => {
        const m = parseLiveMessage(LiveServerMessage, (data as Buffer).toString('utf8'));
        if (!m) errors++;
        else if (m.type === 'ready') {
          ready++;
          resolve();
        } else if (m.type === 'poke') pokes++;
      });
      ws.on('close', () => resolve());
    });
  });
  await Promise.all(opened);
  return {
    finish() {
      const openAtEnd = sockets.filter((s) => s.readyState === WebSocket.OPEN).length;
      finishing = true;
      for (const s of sockets) s.terminate();
      return { sockets: count, ready, errors, closedEarly, openAtEnd, pokes };
    },
  };
}
