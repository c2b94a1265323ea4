/* eslint-disable @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument -- JSON responses are `any`; the assertions check their shape */
/** Auth (login, logout, tokens, rate limit, admin API) and blobs against the real process. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { http, login, pngBytes, spawnServer, type ServerProcess } from './helpers';
import { serverRow, serverRows } from '../support/serverDb';

let server: ServerProcess;
beforeAll(async () => {
  server = await spawnServer(['--demo', '--max-blob-mb', '0.01']);
});
afterAll(async () => {
  await server.stop();
});

describe('auth', () => {
  it('login returns an opaque token; only its sha256 is stored, the password only as scrypt', async () => {
    const r = await http(`${server.url}/api/v1/auth/login`, {
      json: { username: 'editor', password: 'editor' },
    });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(['expiresAt', 'token', 'user']);
    expect(Object.keys(r.body.user).sort()).toEqual(['id', 'role', 'username']);
    const hashes = (await serverRows(server, 'SELECT token_hash FROM sessions')).map(
      (s) => s.token_hash,
    );
    const { password_hash: pw } = await serverRow<{ password_hash: string }>(
      server,
      "SELECT password_hash FROM users WHERE username = 'editor'",
    );
    expect(hashes).toContain(createHash('sha256').update(r.body.token).digest('hex'));
    expect(hashes).not.toContain(r.body.token);
    // At the cost the test servers run with (COPYDESK_TEST_PASSWORD_COST, see vitest.config.ts);
    // login-hardening.test.ts checks the production cost.
    const n = 2 ** Number(process.env.COPYDESK_TEST_PASSWORD_COST ?? 17);
    expect(pw).toMatch(new RegExp(`^scrypt\\$${n}\\$8\\$1\\$[\\w-]{22}\\$[\\w-]{43}$`));
  });

  it('logout revokes the token', async () => {
    const token = await login(server.url, 'editor');
    expect((await http(`${server.url}/api/v1/auth/me`, { token })).status).toBe(200);
    expect(
      (await http(`${server.url}/api/v1/auth/logout`, { method: 'POST', token })).body,
    ).toEqual({ ok: true });
    const after = await http(`${server.url}/api/v1/auth/me`, { token });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthorized');
  });

  it('rate-limits failed logins per user name and IP with 429', async () => {
    const attempt = (password: string) =>
      http(`${server.url}/api/v1/auth/login`, { json: { username: 'photo', password } });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong')).status).toBe(401);
    const limited = await attempt('photo'); // even the right password now waits
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // other user names are not affected
    expect(
      (
        await http(`${server.url}/api/v1/auth/login`, {
          json: { username: 'chief', password: 'chief' },
        })
      ).status,
    ).toBe(200);
  });

  it('admins create, list, re-role and disable users; others may not', async () => {
    const admin = await login(server.url, 'admin');
    const editor = await login(server.url, 'editor');
    expect((await http(`${server.url}/api/v1/users`, { token: editor })).status).toBe(403);
    const created = await http(`${server.url}/api/v1/users`, {
      token: admin,
      json: { username: 'neu', password: 'neu-passwort', role: 'editor' },
    });
    expect(created.status).toBe(201);
    const id = created.body.user.id;
    expect(
      (
        await http(`${server.url}/api/v1/users`, {
          token: admin,
          json: { username: 'neu', password: 'neu-passwort', role: 'editor' },
        })
      ).status,
    ).toBe(409);
    const neuToken = await login(server.url, 'neu', 'neu-passwort');
    const promoted = await http(`${server.url}/api/v1/users/${id}`, {
      method: 'PATCH',
      token: admin,
      json: { role: 'desk_chief' },
    });
    expect(promoted.body.user).toMatchObject({
      username: 'neu',
      role: 'desk_chief',
      disabled: false,
    });
    expect((await http(`${server.url}/api/v1/auth/me`, { token: neuToken })).body.user.role).toBe(
      'desk_chief',
    );
    await http(`${server.url}/api/v1/users/${id}`, {
      method: 'PATCH',
      token: admin,
      json: { disabled: true },
    });
    expect((await http(`${server.url}/api/v1/auth/me`, { token: neuToken })).status).toBe(401);
    expect(
      (
        await http(`${server.url}/api/v1/auth/login`, {
          json: { username: 'neu', password: 'neu-passwort' },
        })
      ).status,
    ).toBe(401);
    const list = await http(`${server.url}/api/v1/users`, { token: admin });
    expect(list.body.items.find((u: { username: string }) => u.username === 'neu')).toMatchObject({
      disabled: true,
      role: 'desk_chief',
    });
  });
});

describe('blobs', () => {
  it('PUT verifies the hash, is idempotent, sniffs the type; GET returns the bytes', async () => {
    const token = await login(server.url, 'chief');
    const { bytes, sha256 } = pngBytes(1);
    const put = () =>
      http(`${server.url}/api/v1/blobs/${sha256}`, {
        method: 'PUT',
        token,
        body: bytes,
        headers: { 'content-type': 'application/octet-stream' },
      });
    const first = await put();
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ sha256, size: bytes.length, mime: 'image/png', created: true });
    const again = await put();
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
    const get = await fetch(`${server.url}/api/v1/blobs/${sha256}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(get.status).toBe(200);
    expect(get.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await get.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await http(`${server.url}/api/v1/blobs/${sha256}`)).status).toBe(401);
  });

  it('hash mismatch → 400, not an image → 415, over the limit → 413, unknown → 404', async () => {
    const token = await login(server.url, 'chief');
    const { bytes } = pngBytes(2);
    const other = pngBytes(3).sha256;
    const mismatch = await http(`${server.url}/api/v1/blobs/${other}`, {
      method: 'PUT',
      token,
      body: bytes,
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.code).toBe('hash_mismatch');
    const text = Buffer.from('GIF89a not really');
    const textSha = createHash('sha256').update(text).digest('hex');
    const wrongType = await http(`${server.url}/api/v1/blobs/${textSha}`, {
      method: 'PUT',
      token,
      body: text,
      headers: { 'content-type': 'image/png' },
    });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.error.code).toBe('unsupported_media_type');
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(20_000)]);
    const bigSha = createHash('sha256').update(big).digest('hex');
    const tooBig = await http(`${server.url}/api/v1/blobs/${bigSha}`, {
      method: 'PUT',
      token,
      body: big,
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('payload_too_large');
    expect((await http(`${server.url}/api/v1/blobs/${bigSha}`, { token })).status).toBe(404);
    // a JPEG and a WebP under the limit are accepted with their sniffed types
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 1)]);
    const webp = Buffer.concat([
      Buffer.from('RIFF'),
      Buffer.alloc(4),
      Buffer.from('WEBPVP8 '),
      Buffer.alloc(50, 2),
    ]);
    for (const [b, mime] of [
      [jpeg, 'image/jpeg'],
      [webp, 'image/webp'],
    ] as const) {
      const sha = createHash('sha256').update(b).digest('hex');
      const r = await http(`${server.url}/api/v1/blobs/${sha}`, {
        method: 'PUT',
        token,
        body: b,
        headers: { 'content-type': 'text/plain' },
      });
      expect(r.status).toBe(201);
      expect(r.body.mime).toBe(mime);
    }
  });
});
