/**
 * In Electron the sync token is kept with safeStorage. Main encrypts and
 * decrypts (secret-store.ts); the core worker asks over its port (worker-protocol.ts) and keeps
 * only ciphertext in the profile. The Electron binary cannot run here, so safeStorage is a fake
 * with the same interface; the worker is a real thread running the real core.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EncryptedTokenStore } from '../../src-main/core/sync/tokens-encrypted';
import { startCoreWorker, type WorkerCoreClient } from '../../src-main/core/worker-client';
import {
  answerSecretRequest,
  MainSecretClient,
  SecretReply,
  type MainSecrets,
} from '../../src-main/core/worker-protocol';
import { mainSecrets, type SafeStorageLike } from '../../src-main/electron/secret-store';

const repo = join(import.meta.dirname, '../..');
let scratch: string;
let bootstrap: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'copydesk-secrets-'));
  bootstrap = join(scratch, 'bootstrap.mjs');
  const require = createRequire(join(repo, 'package.json'));
  const pkgPath = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const api = pathToFileURL(join(dirname(pkgPath), pkg.exports['./esm/api']!.import!.default!));
  await writeFile(
    bootstrap,
    [
      `const { register } = await import(${JSON.stringify(api.href)});`,
      `register();`,
      `await import(${JSON.stringify(pathToFileURL(join(repo, 'src-main/core/worker.ts')).href)});`,
    ].join('\n'),
  );
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A stand-in for Electron safeStorage: reversible, but never the plaintext. */
function fakeSafeStorage(opts: { available?: boolean; backend?: string } = {}) {
  const log: string[] = [];
  const storage: SafeStorageLike = {
    isEncryptionAvailable: () => opts.available ?? true,
    getSelectedStorageBackend: () =>
      (opts.backend ?? 'gnome_libsecret') as ReturnType<
        SafeStorageLike['getSelectedStorageBackend']
      >,
    encryptString: (plain) => {
      log.push('encrypt');
      return Buffer.from(`v10:${Buffer.from(plain).reverse().toString('hex')}`);
    },
    decryptString: (cipher) => {
      log.push('decrypt');
      const s = cipher.toString();
      if (!s.startsWith('v10:')) throw new Error('Error while decrypting the ciphertext provided');
      return Buffer.from(s.slice(4), 'hex').reverse().toString();
    },
  };
  return { storage, log };
}

function secretsOf(storage: SafeStorageLike, platform: NodeJS.Platform = 'linux'): MainSecrets {
  return mainSecrets(storage, { platform }, () => Promise.resolve());
}

/** Worker-side client and main-side answers joined directly (what the port carries). */
function channel(secrets: MainSecrets): MainSecretClient {
  const client: MainSecretClient = new MainSecretClient((req) => {
    const wire = structuredClone(req);
    void answerSecretRequest(wire, secrets).then((reply) => {
      if (reply) client.receive(SecretReply.parse(structuredClone(reply)));
    });
  });
  return client;
}

async function profile(): Promise<string> {
  return mkdtemp(join(scratch, 'profile-'));
}

describe('EncryptedTokenStore (worker side) with safeStorage in main', () => {
  it('keeps only ciphertext on disk, mode 0600, and reads it back in a new session', async () => {
    const dir = await profile();
    const { storage, log } = fakeSafeStorage();
    const store = new EncryptedTokenStore(dir, channel(secretsOf(storage)));
    await store.ready();
    expect(store.load()).toBeNull();
    store.save('tok-Geheimnis-123');
    expect(store.load()).toBe('tok-Geheimnis-123');
    await store.flush();
    const file = join(dir, 'sync-token.enc');
    expect(readFileSync(file, 'utf8')).not.toContain('Geheimnis');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dir, 'sync-token'))).toBe(false);

    const next = new EncryptedTokenStore(dir, channel(secretsOf(storage)));
    await next.ready();
    expect(next.load()).toBe('tok-Geheimnis-123');
    expect(log).toEqual(['encrypt', 'decrypt']);

    next.clear();
    expect(next.load()).toBeNull();
    expect(existsSync(file)).toBe(false);
  });

  it('a clear right after a save is not undone by the slower encryption', async () => {
    const dir = await profile();
    const { storage } = fakeSafeStorage();
    const slow: MainSecrets = {
      encrypt: async (p) => {
        await new Promise((r) => setTimeout(r, 50));
        return secretsOf(storage).encrypt(p);
      },
      decrypt: (c) => secretsOf(storage).decrypt(c),
    };
    const store = new EncryptedTokenStore(dir, channel(slow));
    store.save('old');
    store.clear();
    await store.flush();
    expect(existsSync(join(dir, 'sync-token.enc'))).toBe(false);
  });

  it('moves a plaintext token of the browser/CLI host into the keychain', async () => {
    const dir = await profile();
    writeFileSync(join(dir, 'sync-token'), 'tok-plain', { mode: 0o600 });
    const store = new EncryptedTokenStore(dir, channel(secretsOf(fakeSafeStorage().storage)));
    await store.ready();
    expect(store.load()).toBe('tok-plain');
    expect(existsSync(join(dir, 'sync-token'))).toBe(false);
    expect(readFileSync(join(dir, 'sync-token.enc'), 'utf8')).not.toContain('tok-plain');
  });

  it('without a usable keychain the token lives for the session only and the reason is told', async () => {
    for (const fake of [
      fakeSafeStorage({ available: false }),
      fakeSafeStorage({ backend: 'basic_text' }),
    ]) {
      const dir = await profile();
      const errors: string[] = [];
      const store = new EncryptedTokenStore(dir, channel(secretsOf(fake.storage)), (m) =>
        errors.push(m),
      );
      store.save('tok');
      await store.flush();
      expect(store.load()).toBe('tok');
      expect(existsSync(join(dir, 'sync-token.enc'))).toBe(false);
      expect(existsSync(join(dir, 'sync-token'))).toBe(false);
      expect(errors[0]).toMatch(/could not be saved in the system keychain: .*(keychain|keyring)/);
      expect(fake.log).toEqual([]);
    }
  });

  it('a ciphertext from another keychain means signing in again', async () => {
    const dir = await profile();
    writeFileSync(join(dir, 'sync-token.enc'), Buffer.from('other').toString('base64'));
    const errors: string[] = [];
    const store = new EncryptedTokenStore(dir, channel(secretsOf(fakeSafeStorage().storage)), (m) =>
      errors.push(m),
    );
    await store.ready();
    expect(store.load()).toBeNull();
    expect(errors[0]).toMatch(/could not be decrypted/);
  });
});

describe('the secret request on the worker protocol', () => {
  it('main answers only well-formed requests', async () => {
    const secrets = secretsOf(fakeSafeStorage().storage);
    for (const bad of [
      null,
      { kind: 'secret', id: 1, op: 'leak', value: 'x' },
      { kind: 'secret', id: -1, op: 'encrypt', value: 'x' },
      { kind: 'secret', id: 1, op: 'encrypt', value: 'x'.repeat(70_000) },
      { kind: 'secret', id: 1, op: 'encrypt', value: 'x', extra: true },
    ]) {
      expect(await answerSecretRequest(bad, secrets)).toBeNull();
    }
    expect(
      await answerSecretRequest({ kind: 'secret', id: 2, op: 'encrypt', value: 'x' }, undefined),
    ).toMatchObject({ id: 2, ok: false });
  });

  it('a request main never answers fails after its timeout', async () => {
    const client = new MainSecretClient(() => undefined, 20);
    await expect(client.encrypt('x')).rejects.toThrow(/did not answer/);
  });
});

describe('the real core worker with safeStorage in main', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    // Just enough of a Copydesk server for a sign-in.
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/api/v1/auth/login') {
        res.end(
          JSON.stringify({
            token: 'tok-from-server-42',
            expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
            user: { id: 'u1', username: 'editor', role: 'editor' },
          }),
        );
      } else {
        res.end('{}');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  function start(dir: string, secrets: MainSecrets): WorkerCoreClient {
    return startCoreWorker(
      { profileDir: dir, host: 'electron', backgroundIntegrityCheck: false, sync: { auto: false } },
      { workerPath: bootstrap, secrets },
    );
  }

  it('signs in, stores the token through main, and is still signed in after a restart', async () => {
    const dir = await profile();
    const { storage, log } = fakeSafeStorage();
    const first = start(dir, secretsOf(storage));
    const login = await first.call('sync.login', {
      serverUrl: url,
      username: 'editor',
      password: 'editor',
    });
    expect(login).toMatchObject({ ok: true, value: { user: { username: 'editor' } } });
    await first.close();
    const enc = readFileSync(join(dir, 'sync-token.enc'), 'utf8');
    expect(enc).not.toContain('tok-from-server-42');
    expect(existsSync(join(dir, 'sync-token'))).toBe(false);
    expect(log).toEqual(['encrypt']);

    const second = start(dir, secretsOf(storage));
    expect(await second.call('sync.status', {})).toMatchObject({
      ok: true,
      value: { user: { username: 'editor' }, serverUrl: url },
    });
    expect(log).toEqual(['encrypt', 'decrypt']);
    await second.call('sync.logout', {});
    expect(existsSync(join(dir, 'sync-token.enc'))).toBe(false);
    await second.close();
  });
});
