/**
 * The desk's live link against a stand-in server (ws on 127.0.0.1): how it authenticates, what a
 * poke and presence do, reconnecting with backoff, and giving up on a refused token.
 */
import type { IncomingMessage } from 'node:http';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { LIVE_CLOSE, LIVE_PATH, type PresenceList } from '../../../src-shared/live';
import { LiveLink, type LiveCredentials } from './live';

interface Seen {
  socket: WebSocket;
  req: IncomingMessage;
  received: unknown[];
}

let wss: WebSocketServer;
let url: string;
let connections: Seen[];
/** What the stand-in does with a new socket (default: say ready). */
let onConnect: (s: Seen) => void;
let link: LiveLink | null;

beforeEach(async () => {
  connections = [];
  onConnect = (s) => s.socket.send(JSON.stringify({ type: 'ready' }));
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  url = `http://127.0.0.1:${(wss.address() as { port: number }).port}`;
  wss.on('connection', (socket, req) => {
    const s: Seen = { socket, req, received: [] };
    socket.on('message', (d) => s.received.push(JSON.parse((d as Buffer).toString('utf8'))));
    connections.push(s);
    onConnect(s);
  });
  link = null;
});

afterEach(async () => {
  link?.close();
  for (const c of wss.clients) c.terminate();
  await new Promise<void>((r) => wss.close(() => r()));
});

function start(
  credentials: () => LiveCredentials | null = () => ({ serverUrl: url, token: 'T'.repeat(43) }),
) {
  const events = { pokes: 0, presence: [] as PresenceList[] };
  link = new LiveLink({
    credentials,
    clientId: () => 'client-1',
    onPoke: () => events.pokes++,
    onPresence: (l) => events.presence.push(l),
    backoff: { baseMs: 20, maxMs: 40 },
    random: () => 0.5,
  });
  link.update();
  return { link, events };
}

async function until(ok: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 5));
  }
}

it('connects with the token in the Authorization header, never in the URL', async () => {
  start();
  await until(() => connections.length === 1);
  const { req } = connections[0]!;
  expect(req.headers.authorization).toBe(`Bearer ${'T'.repeat(43)}`);
  const u = new URL(req.url!, url);
  expect(u.pathname).toBe(LIVE_PATH);
  expect(Object.fromEntries(u.searchParams)).toEqual({
    clientId: 'client-1',
    protocolVersion: '1',
  });
});

it('a poke asks for a pull; presence is passed on; the open article is reported', async () => {
  const { link: l, events } = start();
  await until(() => l.state === 'open');
  await until(() => events.pokes === 1); // ready: one pull for what came before the socket
  const server = connections[0]!;
  server.socket.send(JSON.stringify({ type: 'poke', seq: 7 }));
  await until(() => events.pokes === 2);
  const list = [{ articleId: 'a1', users: [{ id: 'u1', username: 'chief' }] }];
  server.socket.send(JSON.stringify({ type: 'presence', articles: list }));
  await until(() => events.presence.length === 1);
  expect(l.currentPresence()).toEqual(list);
  l.setOpenArticle('a2');
  await until(() => server.received.length === 2);
  // On ready the link reports "nothing open", then the article.
  expect(server.received).toEqual([
    { type: 'presence', articleId: null },
    { type: 'presence', articleId: 'a2' },
  ]);
  // Unknown messages from a newer server are ignored.
  server.socket.send(JSON.stringify({ type: 'something-new' }));
  server.socket.send(JSON.stringify({ type: 'poke', seq: 8 }));
  await until(() => events.pokes === 3);
});

it('reconnects after the server drops it, pulls once to catch up, and reports the open article again', async () => {
  const { link: l, events } = start();
  await until(() => l.state === 'open');
  l.setOpenArticle('a1');
  connections[0]!.socket.send(
    JSON.stringify({
      type: 'presence',
      articles: [{ articleId: 'x', users: [{ id: 'u', username: 'photo' }] }],
    }),
  );
  await until(() => l.currentPresence().length === 1);
  connections[0]!.socket.terminate();
  await until(() => l.currentPresence().length === 0); // stale presence goes with the socket
  await until(() => connections.length === 2 && l.state === 'open');
  await until(() => events.pokes === 2); // once per ready: the reconnect catches up
  await until(() => connections[1]!.received.length === 1);
  expect(connections[1]!.received).toEqual([{ type: 'presence', articleId: 'a1' }]);
});

it('backs off while the server refuses connections, then gets through', async () => {
  let refuse = 3;
  onConnect = (s) => {
    if (refuse-- > 0) s.socket.close(1013, 'Try again later');
    else s.socket.send(JSON.stringify({ type: 'ready' }));
  };
  const { link: l } = start();
  await until(() => l.state === 'open');
  expect(connections).toHaveLength(4);
});

it('stops on a refused token and tells the sync engine (which then shows "sign in again")', async () => {
  onConnect = (s) => s.socket.close(LIVE_CLOSE.unauthorized, 'The token expired; log in again.');
  const { link: l, events } = start();
  await until(() => l.state === 'refused');
  expect(events.pokes).toBe(1);
  await new Promise((r) => setTimeout(r, 200)); // several backoff periods
  expect(connections).toHaveLength(1);
});

it('disconnects on sign-out and connects again with new credentials', async () => {
  let cred: LiveCredentials | null = { serverUrl: url, token: 'A'.repeat(43) };
  const { link: l } = start(() => cred);
  await until(() => l.state === 'open');
  cred = null;
  l.update();
  expect(l.state).toBe('off');
  await until(() => connections[0]!.socket.readyState === connections[0]!.socket.CLOSED);
  cred = { serverUrl: url, token: 'B'.repeat(43) };
  l.update();
  await until(() => l.state === 'open');
  expect(connections[1]!.req.headers.authorization).toBe(`Bearer ${'B'.repeat(43)}`);
});
