/**
 * Bad input against the real process: every request gets a 4xx with {"error":{"code","message"}},
 * nothing is written (table checksums before and after), and the server keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
  Client,
  body,
  dbFingerprint,
  http,
  login,
  pngBytes,
  rawRequest,
  spawnServer,
  type ServerProcess,
} from './helpers';
import { APP_VERSION } from '../../src-shared/version';

let server: ServerProcess;
let token: string;
let admin: string;
let client: Client;

beforeAll(async () => {
  server = await spawnServer(['--demo', '--max-blob-mb', '0.01']);
  token = await login(server.url, 'chief');
  admin = await login(server.url, 'admin');
  client = new Client(server.url, token);
  const r = await client.push([
    {
      name: 'article.create',
      args: { id: randomUUID(), fields: { headline: 'Bestand' }, body: body('x') },
    },
  ]);
  expect(r.status).toBe(200);
});
afterAll(async () => {
  await server.stop();
});

type Req = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  status: number | number[];
};

function cases(): Req[] {
  const auth = { authorization: `Bearer ${token}` };
  const json = { ...auth, 'content-type': 'application/json' };
  const adminJson = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
  const push = (payload: unknown, status = 400): Req => ({
    method: 'POST',
    path: '/api/v1/sync/push',
    headers: json,
    body: JSON.stringify(payload),
    status,
  });
  const ok = { protocolVersion: 1, clientId: client.clientId };
  const m = (x: Record<string, unknown>) => ({
    ...ok,
    mutations: [{ id: 2, name: 'article.create', args: { id: randomUUID() }, ...x }],
  });
  const { bytes } = pngBytes(99);
  const pull = (q: string, status = 400): Req => ({
    method: 'GET',
    path: `/api/v1/sync/pull?${q}`,
    headers: auth,
    status,
  });
  return [
    // malformed / wrong JSON
    {
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      body: '{"username":',
      status: 400,
    },
    {
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      body: '',
      status: 400,
    },
    {
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      body: '[]',
      status: 400,
    },
    {
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      body: '{"username":1,"password":2}',
      status: 400,
    },
    {
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      body: '{"username":"chief","password":"chief","admin":true}',
      status: 400,
    },
    {
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      body: '{"username":"chief","password":"falsch"}',
      status: 401,
    },
    {
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      body: '{"__proto__":{"x":1},"username":"a","password":"b"}',
      status: 400,
    },
    {
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      body: 'username=chief',
      status: 415,
    },
    {
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'x', password: 'y'.repeat(9 * 1024 * 1024) }),
      status: 413,
    },
    // tokens
    { method: 'GET', path: '/api/v1/auth/me', status: 401 },
    {
      method: 'GET',
      path: '/api/v1/auth/me',
      headers: { authorization: 'Bearer nonsense-token-that-is-long-enough' },
      status: 401,
    },
    {
      method: 'GET',
      path: '/api/v1/auth/me',
      headers: { authorization: `Basic ${Buffer.from('chief:chief').toString('base64')}` },
      status: 401,
    },
    {
      method: 'POST',
      path: '/api/v1/auth/logout',
      headers: { authorization: 'Bearer x' },
      status: 401,
    },
    {
      method: 'POST',
      path: '/api/v1/auth/logout',
      headers: json,
      body: '{"all":true}',
      status: 400,
    },
    {
      method: 'POST',
      path: '/api/v1/sync/push',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(m({})),
      status: 401,
    },
    {
      method: 'GET',
      path: `/api/v1/sync/pull?protocolVersion=1&clientId=${client.clientId}`,
      status: 401,
    },
    // push envelope
    push({ ...ok }),
    push({ ...ok, mutations: [] }),
    push({ ...ok, mutations: 'x' }),
    push({ protocolVersion: 1, mutations: [] }),
    push({ ...ok, clientId: 'bad id with spaces', mutations: [] }),
    push(m({ name: 'article.explode' })),
    push(m({ name: 42 })),
    push(m({ id: 0 })),
    push(m({ id: 1.5 })),
    push(m({ id: '2' })),
    push(m({ extra: true })),
    push({ ...m({}), extra: 1 }),
    push({ ...m({}), protocolVersion: 99 }),
    push({ ...m({}), protocolVersion: '1' }),
    push({
      ...ok,
      mutations: Array.from({ length: 1001 }, (_, i) => ({
        id: i + 2,
        name: 'article.create',
        args: {},
      })),
    }),
    push(m({ id: 50 }), 409),
    // pull query
    pull(`clientId=${client.clientId}`),
    pull(`protocolVersion=1&clientId=${client.clientId}&cursor=-1`),
    pull(`protocolVersion=1&clientId=${client.clientId}&cursor=abc`),
    pull(`protocolVersion=1&clientId=${client.clientId}&limit=0`),
    pull(`protocolVersion=1&clientId=${client.clientId}&limit=100000`),
    pull(`protocolVersion=1&clientId=${client.clientId}&unknown=1`),
    pull(`protocolVersion=1&clientId=${client.clientId}&cursor=1&cursor=2`),
    pull('protocolVersion=1'),
    // blobs
    { method: 'PUT', path: '/api/v1/blobs/xyz', headers: auth, body: bytes, status: 400 },
    {
      method: 'PUT',
      path: `/api/v1/blobs/${'A'.repeat(64)}`,
      headers: auth,
      body: bytes,
      status: 400,
    },
    {
      method: 'PUT',
      path: `/api/v1/blobs/${'a'.repeat(64)}`,
      headers: auth,
      body: bytes,
      status: 400,
    },
    {
      method: 'PUT',
      path: `/api/v1/blobs/${'a'.repeat(64)}`,
      headers: auth,
      body: Buffer.alloc(0),
      status: 400,
    },
    { method: 'PUT', path: `/api/v1/blobs/${'a'.repeat(64)}`, body: bytes, status: 401 },
    {
      method: 'PUT',
      path: `/api/v1/blobs/${'a'.repeat(64)}`,
      headers: auth,
      body: Buffer.alloc(20_000, 0xff),
      status: 413,
    },
    { method: 'GET', path: `/api/v1/blobs/${'b'.repeat(64)}`, headers: auth, status: 404 },
    // users
    {
      method: 'POST',
      path: '/api/v1/users',
      headers: json,
      body: '{"username":"x1","password":"12345678","role":"editor"}',
      status: 403,
    },
    {
      method: 'POST',
      path: '/api/v1/users',
      headers: adminJson,
      body: '{"username":"x1","password":"12345678","role":"king"}',
      status: 400,
    },
    {
      method: 'POST',
      path: '/api/v1/users',
      headers: adminJson,
      body: '{"username":"X Y","password":"12345678","role":"editor"}',
      status: 400,
    },
    {
      method: 'POST',
      path: '/api/v1/users',
      headers: adminJson,
      body: '{"username":"xy","password":"short","role":"editor"}',
      status: 400,
    },
    {
      method: 'POST',
      path: '/api/v1/users',
      headers: adminJson,
      body: '{"username":"chief","password":"12345678","role":"editor"}',
      status: 409,
    },
    {
      method: 'PATCH',
      path: '/api/v1/users/nobody',
      headers: adminJson,
      body: '{"role":"editor"}',
      status: 404,
    },
    { method: 'PATCH', path: '/api/v1/users/nobody', headers: adminJson, body: '{}', status: 400 },
    // published side
    { method: 'GET', path: '/api/v1/published?limit=0', status: 400 },
    { method: 'GET', path: '/api/v1/published?offset=x', status: 400 },
    { method: 'GET', path: '/api/v1/published?foo=bar', status: 400 },
    { method: 'GET', path: '/api/v1/published?section=gibtsnicht', status: 404 },
    { method: 'GET', path: '/api/v1/published/nicht-da', status: 404 },
    { method: 'GET', path: '/articles/nicht-da', status: 404 },
    { method: 'GET', path: '/articles/x?print=2', status: 400 },
    { method: 'GET', path: '/?page=0', status: 400 },
    { method: 'GET', path: '/media/not-a-uuid', status: 400 },
    { method: 'GET', path: `/media/${randomUUID()}`, status: 404 },
    { method: 'DELETE', path: '/api/v1/health', status: 404 },
    { method: 'GET', path: '/api/v1/nothing', status: 404 },
  ];
}

describe('bad input', () => {
  it('answers ≥40 malformed or unauthorized requests with a 4xx error body, writes nothing, keeps serving', async () => {
    const before = await dbFingerprint(server);
    const all = cases();
    expect(all.length).toBeGreaterThanOrEqual(40);
    for (const c of all) {
      const res = await rawRequest(`${server.url}${c.path}`, {
        method: c.method,
        headers: c.headers ?? {},
        ...(c.body !== undefined ? { body: c.body } : {}),
      });
      const text = res.text;
      const where = `${c.method} ${c.path.slice(0, 80)} → ${res.status} ${text.slice(0, 200)}`;
      expect([c.status].flat(), where).toContain(res.status);
      expect(res.status, where).toBeGreaterThanOrEqual(400);
      expect(res.status, where).toBeLessThan(500);
      if (!c.path.startsWith('/api/') && text.startsWith('<!DOCTYPE html>')) continue; // reader-facing 404 page
      const parsed = JSON.parse(text) as { error: { code: unknown; message: unknown } };
      expect(typeof parsed.error.code, where).toBe('string');
      expect(typeof parsed.error.message, where).toBe('string');
    }
    expect(await dbFingerprint(server)).toEqual(before);
    expect((await http(`${server.url}/api/v1/health`)).body).toEqual({
      ok: true,
      version: APP_VERSION,
    });
    // and a good request still works
    const r = await client.push([{ name: 'article.create', args: { id: randomUUID() } }]);
    expect(r.body.outcomes[0].status).toBe('applied');
    expect(await dbFingerprint(server)).not.toEqual(before);
  });
});
