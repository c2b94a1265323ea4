/**
 * The login limit cannot be raced, the password cost is OWASP's minimum for
 * scrypt, and an older, cheaper hash is replaced on the next login.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthService } from '../../src-server/auth/service';
import { DEFAULT_LOG2N, PasswordHasher } from '../../src-server/auth/passwords';
import { openSqliteStorage } from '../../src-server/storage/sqlite';
import type { Storage } from '../../src-server/storage/types';
import { HttpError } from '../../src-server/http/errors';
import { tempDir } from '../support/tmp';

let tmp: ReturnType<typeof tempDir>;
let storage: Storage;

beforeEach(() => {
  tmp = tempDir('copydesk-login-');
  storage = openSqliteStorage(join(tmp.dir, 'server.db'));
});
afterEach(async () => {
  await storage.close();
  tmp.cleanup();
});

const storedHash = (name: string) =>
  storage.read((tx) => tx.getUserByName(name)).then((u) => u?.passwordHash ?? '');

async function outcome(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    if (e instanceof HttpError) return e.status;
    throw e;
  }
}

describe('login rate limit under parallel attempts', () => {
  it('checks at most 5 passwords of 200 parallel wrong logins', async () => {
    const auth = new AuthService(storage, { passwords: { log2N: 10 } });
    await auth.createUser('editor', 'correct horse', 'editor');
    const verify = vi.spyOn(auth.passwords, 'verify');
    const statuses = await Promise.all(
      Array.from({ length: 200 }, () => outcome(auth.login('editor', 'wrong', '10.0.0.1'))),
    );
    expect(verify).toHaveBeenCalledTimes(5);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(195);
  });

  it('refuses the right password after 40 parallel wrong guesses', async () => {
    const auth = new AuthService(storage, { passwords: { log2N: 10 } });
    await auth.createUser('editor', 'correct horse', 'editor');
    const guesses = Array.from({ length: 40 }, () =>
      outcome(auth.login('editor', 'wrong', '10.0.0.1')),
    );
    const right = outcome(auth.login('editor', 'correct horse', '10.0.0.1'));
    expect((await Promise.all(guesses)).filter((s) => s === 401)).toHaveLength(5);
    expect(await right).toBe(429);
    // Another address is not locked out by the attacker's.
    expect(await outcome(auth.login('editor', 'correct horse', '10.0.0.2'))).toBe(200);
  });

  it('counts unknown users the same way', async () => {
    const auth = new AuthService(storage, { passwords: { log2N: 10 } });
    const verify = vi.spyOn(auth.passwords, 'verify');
    const statuses = await Promise.all(
      Array.from({ length: 30 }, () => outcome(auth.login('nobody', 'x', '10.0.0.1'))),
    );
    expect(verify).toHaveBeenCalledTimes(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
  });
});

describe('password cost', () => {
  it('hashes at N = 2^17 by default (OWASP minimum for scrypt)', async () => {
    expect(DEFAULT_LOG2N).toBeGreaterThanOrEqual(17);
    const hasher = new PasswordHasher();
    const hash = await hasher.hash('correct horse');
    expect(hash.split('$').slice(0, 4)).toEqual(['scrypt', String(2 ** 17), '8', '1']);
    expect(await hasher.verify('correct horse', hash)).toEqual({ ok: true, needsRehash: false });
    expect((await hasher.verify('wrong', hash)).ok).toBe(false);
  });

  it('refuses a cost below the configurable floor', () => {
    expect(() => new PasswordHasher({ log2N: 4 })).toThrow(/scrypt cost/);
  });

  it('replaces an older, cheaper hash on login at the production cost', async () => {
    const old = new AuthService(storage, { passwords: { log2N: 14 } });
    await old.createUser('chief', 'correct horse', 'desk_chief');
    expect((await storedHash('chief')).split('$')[1]).toBe(String(2 ** 14));

    const production = new AuthService(storage);
    await production.login('chief', 'correct horse', '10.0.0.1');
    const upgraded = await storedHash('chief');
    expect(upgraded.split('$')[1]).toBe(String(2 ** 17));
    // The new hash verifies; a wrong password does not rehash anything.
    await production.login('chief', 'correct horse', '10.0.0.1');
    expect(await outcome(production.login('chief', 'wrong', '10.0.0.1'))).toBe(401);
    expect(await storedHash('chief')).toBe(upgraded);
  });
});
