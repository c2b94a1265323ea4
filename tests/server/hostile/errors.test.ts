/**
 * Against the real backend process: malformed HTTP, bad URLs, over-long route
 * parameters, JSON in another charset, JSON nested 5,000 levels, an undecodable stored image —
 * each answered with the app's {"error":{"code","message"}} shape and a 4xx, and the database
 * unchanged after each.
 */
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, body, login, rawRequest, spawnServer, type ServerProcess } from '../helpers';
import { expectAppError, publishArticle, refusedWithoutChange, uploadImage } from './support';

let server: ServerProcess;
let chief: Client;

/** Sends raw bytes on a fresh connection and returns whatever comes back. */
function rawSocket(url: string, bytes: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    let out = '';
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(bytes));
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (out += d));
    socket.on('close', () => resolve(out));
    socket.on('error', () => resolve(out));
    socket.setTimeout(5000, () => socket.destroy());
  });
}

function splitResponse(raw: string): { status: number; text: string } {
  const [head = '', text = ''] = raw.split('\r\n\r\n');
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), text };
}

function nested(levels: number): string {
  return '['.repeat(levels) + '1' + ']'.repeat(levels);
}

beforeAll(async () => {
  server = await spawnServer(['--demo']);
  chief = new Client(server.url, await login(server.url, 'chief'));
});
afterAll(() => server?.stop());

describe('framework errors in the app shape', () => {
  it.each([
    ['an article slug over 256 characters', `/articles/${'a'.repeat(300)}`, 414],
    ['an API slug over 100 characters', `/api/v1/published/${'b'.repeat(300)}`, 414],
    ['a media id over 256 characters', `/media/${'c'.repeat(400)}/640.webp`, 414],
    ['a broken % escape', '/articles/%E0%A4%A', 400],
    ['a lone %', '/%', 400],
  ])('%s', async (_name, path, status) => {
    const res = await refusedWithoutChange(server, () =>
      rawRequest(`${server.url}${path}`, { method: 'GET' }),
    );
    expectAppError(res, status, 'invalid_input');
  });

  it.each([
    ['not HTTP at all', 'GARBAGE\r\n\r\n', 400],
    ['a bad Content-Length', 'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n', 400],
    ['headers over the limit', `GET / HTTP/1.1\r\nHost: x\r\nX: ${'a'.repeat(20000)}\r\n\r\n`, 431],
  ])('malformed HTTP: %s', async (_name, bytes, status) => {
    const res = await refusedWithoutChange(server, async () =>
      splitResponse(await rawSocket(server.url, bytes)),
    );
    expectAppError(res, status, 'invalid_input');
  });
});

describe('JSON bodies', () => {
  const push = (text: string, contentType = 'application/json') =>
    rawRequest(`${server.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${chief.token}` },
      body: text,
    });
  const envelope = (args: string) =>
    `{"protocolVersion":1,"clientId":"${chief.clientId}","mutations":[{"id":${chief.next},"name":"article.create","args":${args}}]}`;

  it('refuses args nested 5,000 levels with 400, storing nothing', async () => {
    const res = await refusedWithoutChange(server, () => push(envelope(nested(5000))));
    expectAppError(res, 400, 'invalid_input');
    expect(res.text).toMatch(/nested deeper/);
  });

  it('refuses JSON declared in a charset other than UTF-8 with 415', async () => {
    for (const charset of ['latin1', 'ISO-8859-1', 'utf-16', 'windows-1252']) {
      const res = await refusedWithoutChange(server, () =>
        push(envelope('{}'), `application/json; charset=${charset}`),
      );
      expectAppError(res, 415, 'unsupported_media_type');
    }
  });

  it('accepts UTF-8 declared either way', async () => {
    for (const charset of ['utf-8', 'UTF-8', 'utf8']) {
      const res = await rawRequest(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': `application/json; charset=${charset}` },
        body: JSON.stringify({ username: 'chief', password: 'chief' }),
      });
      expect(res.status).toBe(200);
    }
  });

  it.each([
    ['broken JSON', '{"protocolVersion":1,', 400, 'invalid_json'],
    ['prototype poisoning', '{"__proto__":{"x":1}}', 400, undefined],
  ])('refuses %s in the app shape', async (_name, text, status, code) => {
    const res = await refusedWithoutChange(server, () => push(text));
    expectAppError(res, status, code);
  });
});

describe('an undecodable stored image', () => {
  it('answers a clean 404 for its renditions, not a 500', async () => {
    const id = randomUUID();
    // A "PNG" whose bytes after the signature are garbage: stored, registered, published.
    const bytes = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(512, 7),
    ]);
    await uploadImage(chief, id, bytes, 'image/png', { width: 640, height: 480 }, { credit: 'X' });
    await publishArticle(
      chief,
      randomUUID(),
      { headline: 'Kaputtes Bild', leadImage: { imageId: id, caption: '' } },
      body('Text.'),
    );
    const res = await refusedWithoutChange(server, () =>
      rawRequest(`${server.url}/media/${id}/640.webp`, { method: 'GET' }),
    );
    expectAppError(res, 404, 'not_found');
    expect(res.text).toMatch(/could not be decoded/);
  });
});
