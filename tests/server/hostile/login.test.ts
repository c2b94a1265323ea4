/**
 * Over HTTP against the real backend: parallel wrong passwords cannot
 * race the login limit (a right password after them is refused too), refused logins write
 * nothing, and the answers carry Retry-After in the app's error shape. The limiter itself and
 * the password cost: tests/server/login-hardening.test.ts; the general cap: request-limit.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, spawnServer, type ServerProcess } from '../helpers';
import { expectAppError, refusedWithoutChange } from './support';

let server: ServerProcess;
beforeAll(async () => {
  server = await spawnServer(['--demo']);
});
afterAll(() => server?.stop());

const attempt = (password: string) =>
  rawRequest(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'chief', password }),
  });

describe('login under a parallel guessing attack', () => {
  it('checks at most 5 of 60 parallel wrong passwords; then even the right one waits', async () => {
    const results = await refusedWithoutChange(server, () =>
      Promise.all(Array.from({ length: 60 }, (_, i) => attempt(`falsch-${i}`))),
    );
    const wrong = results.filter((r) => r.status === 401);
    const limited = results.filter((r) => r.status === 429);
    expect(wrong.length).toBeLessThanOrEqual(5);
    expect(wrong.length + limited.length).toBe(60);
    for (const r of [...wrong, ...limited]) expectAppError(r, r.status);
    expect(JSON.parse(limited[0]!.text).error.code).toBe('rate_limited');

    const right = await refusedWithoutChange(server, () => attempt('chief'));
    expectAppError(right, 429, 'rate_limited');
    expect(JSON.parse(right.text).error.retryAfter).toBeGreaterThan(0);
  });
});
