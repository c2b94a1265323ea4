/**
 * Rate limits hold across instances on one PostgreSQL database: failed logins for one user name
 * count on every instance, and the request cap of a session counts its requests on all of them.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { http, login, spawnServer, type ServerProcess } from '../server/helpers';
import { freshDatabase } from './pg';

const CAP = 40;
let one: ServerProcess;
let two: ServerProcess;

beforeAll(async () => {
  const args = [
    '--demo',
    '--database',
    await freshDatabase(),
    '--requests-per-minute',
    String(CAP),
  ];
  one = await spawnServer(args);
  two = await spawnServer(args);
});
afterAll(async () => {
  await one?.stop();
  await two?.stop();
});

it('five failed logins spread over both instances lock the user name on both', async () => {
  const wrong = { username: 'chief', password: 'wrong-password' };
  for (const [i, server] of [one, two, one, two, one].entries()) {
    const r = await http(`${server.url}/api/v1/auth/login`, { json: wrong });
    expect([i, r.status]).toEqual([i, 401]);
  }
  for (const server of [one, two]) {
    const r = await http(`${server.url}/api/v1/auth/login`, {
      json: { username: 'chief', password: 'chief' },
    });
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  }
  // Another user name is not affected.
  expect(
    (
      await http(`${two.url}/api/v1/auth/login`, {
        json: { username: 'editor', password: 'editor' },
      })
    ).status,
  ).toBe(200);
});

it("a session's request cap counts its requests on both instances", async () => {
  const token = await login(one.url, 'photo');
  for (let i = 0; i < CAP; i++) {
    const r = await http(`${(i % 2 === 0 ? one : two).url}/api/v1/auth/me`, { token });
    expect([i, r.status]).toEqual([i, 200]);
  }
  for (const server of [one, two]) {
    const r = await http(`${server.url}/api/v1/auth/me`, { token });
    expect(r.status).toBe(429);
    expect(r.body.error.code).toBe('rate_limited');
  }
});

it('a burst over the cap on both instances at once is refused exactly', async () => {
  const token = await login(two.url, 'editor');
  const over = 7;
  const statuses = await Promise.all(
    Array.from({ length: CAP + over }, (_, i) =>
      http(`${(i % 2 === 0 ? one : two).url}/api/v1/auth/me`, { token }).then((r) => r.status),
    ),
  );
  expect(statuses.filter((s) => s === 200)).toHaveLength(CAP);
  expect(statuses.filter((s) => s === 429)).toHaveLength(over);
});
