/**
 * The desk's copy of the newsroom's time zone: taken from the server's answer, kept when the
 * server cannot say (offline, an old server's 404, an answer that does not parse or names an
 * unknown zone), Europe/Berlin before any answer.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/tmp';
import { openStore } from '../store/db';
import { NEWSROOM_TIME_ZONE_KEY, cachedTimeZone, refreshTimeZone } from './newsroom';
import { SyncStore } from './store';

let answer: { status: number; body: string } = { status: 200, body: '' };
let server: Server;
let url: string;
let tmp: ReturnType<typeof tempDir>;
let db: ReturnType<typeof openStore>;
let store: SyncStore;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url !== '/api/v1/newsroom') res.writeHead(404).end();
    else res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  tmp = tempDir('copydesk-newsroom-');
  db = openStore(join(tmp.dir, 'copydesk.db'));
  store = new SyncStore(db.db);
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

it('is Europe/Berlin until a server answers, then the server’s zone, kept in sync_state', async () => {
  expect(cachedTimeZone(store)).toBe('Europe/Berlin');
  answer = { status: 200, body: JSON.stringify({ timeZone: 'America/New_York' }) };
  expect(await refreshTimeZone(store, url, 5000)).toBe('changed');
  expect(cachedTimeZone(store)).toBe('America/New_York');
  expect(store.get(NEWSROOM_TIME_ZONE_KEY)).toBe('America/New_York');
  // The same answer again changes nothing.
  expect(await refreshTimeZone(store, url, 5000)).toBe('unchanged');
});

it('keeps the cached zone when the server cannot say which', async () => {
  store.set(NEWSROOM_TIME_ZONE_KEY, 'Asia/Tokyo');
  answer = { status: 404, body: '{}' };
  expect(await refreshTimeZone(store, url, 5000)).toBe('unchanged');
  expect(cachedTimeZone(store)).toBe('Asia/Tokyo');
  for (const bad of [
    { status: 500, body: '{"error":{}}' },
    { status: 200, body: 'not json' },
    { status: 200, body: JSON.stringify({ timeZone: 'Mars/Olympus' }) },
    { status: 200, body: JSON.stringify({ timeZone: 'Europe/Berlin', extra: 1 }) },
  ]) {
    answer = bad;
    expect(await refreshTimeZone(store, url, 5000)).toBe('unknown');
    expect(cachedTimeZone(store)).toBe('Asia/Tokyo');
  }
  expect(await refreshTimeZone(store, 'http://127.0.0.1:1', 2000)).toBe('unknown');
  expect(cachedTimeZone(store)).toBe('Asia/Tokyo');
  // A cached zone this runtime does not know counts as none.
  store.set(NEWSROOM_TIME_ZONE_KEY, 'Nowhere/Atlantis');
  expect(cachedTimeZone(store)).toBe('Europe/Berlin');
});
