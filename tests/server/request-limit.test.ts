/**
 * A general request cap per session token, else per client IP, with
 * Retry-After and the app's error shape; X-Forwarded-For counts only with --trust-proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http, login, spawnServer, type ServerProcess } from './helpers';

const CAP = 12;

async function burst(n: number, url: string, init: Parameters<typeof http>[1] = {}) {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await http(url, init)).status);
  return out;
}

describe('request cap without a trusted proxy', () => {
  let server: ServerProcess;
  let chief: string;
  let editor: string;
  beforeAll(async () => {
    server = await spawnServer(['--demo', '--requests-per-minute', String(CAP)]);
    chief = await login(server.url, 'chief');
    editor = await login(server.url, 'editor');
  });
  afterAll(() => server?.stop());

  it('caps one token and answers 429 rate_limited with Retry-After', async () => {
    const statuses = await burst(CAP, `${server.url}/api/v1/auth/me`, { token: chief });
    expect(statuses.every((s) => s === 200)).toBe(true);
    const refused = await http(`${server.url}/api/v1/auth/me`, { token: chief });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(typeof refused.body.error.message).toBe('string');
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(refused.body.error.retryAfter).toBe(wait);
  });

  it('keeps other sessions of the same address going', async () => {
    expect((await http(`${server.url}/api/v1/auth/me`, { token: editor })).status).toBe(200);
  });

  it('counts made-up tokens and anonymous requests by address', async () => {
    // Two logins above already used this address's anonymous budget in part.
    const statuses: number[] = [];
    for (let i = 0; i < CAP + 2; i++) {
      const fake = `${'x'.repeat(30)}${i}`;
      statuses.push((await http(`${server.url}/feed.xml`, { token: fake })).status);
    }
    expect(statuses).toContain(429);
    const anonymous = await http(`${server.url}/feed.xml`);
    expect(anonymous.status).toBe(429);
    expect(anonymous.headers.get('retry-after')).toMatch(/^\d+$/);
    // X-Forwarded-For is not believed without --trust-proxy.
    const spoofed = await http(`${server.url}/feed.xml`, {
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(spoofed.status).toBe(429);
  });
});

describe('request cap behind a trusted reverse proxy', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await spawnServer([
      '--demo',
      '--requests-per-minute',
      String(CAP),
      '--trust-proxy',
      '127.0.0.1',
    ]);
  });
  afterAll(() => server?.stop());

  it('counts each forwarded client address on its own', async () => {
    const a = await burst(CAP + 1, `${server.url}/feed.xml`, {
      headers: { 'x-forwarded-for': '203.0.113.1' },
    });
    expect(a.slice(0, CAP).every((s) => s === 200)).toBe(true);
    expect(a[CAP]).toBe(429);
    const b = await http(`${server.url}/feed.xml`, {
      headers: { 'x-forwarded-for': '203.0.113.2' },
    });
    expect(b.status).toBe(200);
  });
});

describe('request cap settings', () => {
  it('refuses a cap that is not a whole number', async () => {
    await expect(spawnServer(['--requests-per-minute', 'lots'])).rejects.toThrow(
      /requests-per-minute must be a whole number/,
    );
  });
});
