/* eslint-disable @typescript-eslint/no-unsafe-call -- JSON responses are `any`; the assertions check their shape */
/** The backend as a real process: startup line, demo data, health, SIGTERM, user CLI. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, http, login, pngBytes, spawnServer, type ServerProcess } from './helpers';
import { APP_VERSION } from '../../src-shared/version';
import { createTestDatabase } from '../support/postgres';
import { testPgAdminUrl } from '../support/pgTestRun';
import { nodeArgsFor } from '../support/test-bin';

const exec = promisify(execFile);
const cli = (args: string[], input?: string) => {
  const p = exec(process.execPath, [...nodeArgsFor('src-server/cli.ts'), ...args], {
    cwd: ROOT,
  });
  if (input !== undefined) {
    p.child.stdin?.end(input);
  }
  return p;
};

describe('server process', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await spawnServer(['--demo']);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('prints exactly one line on stdout with the real port, and a demo warning on stderr', () => {
    expect(server.stdout()).toMatch(/^Copydesk server listening on http:\/\/127\.0\.0\.1:\d+\n$/);
    expect(server.url).not.toMatch(/:0$/);
    expect(server.stderr()).toMatch(/demo/i);
    expect(server.stderr()).toMatch(/password = user name/);
    // No process warning ("(node:PID) [CODE] …Warning: …") greets the operator; fastify's
    // FSTDEP022 about a router option passed the old way did.
    expect(server.stderr()).not.toMatch(/\(node:\d+\)/);
  });

  it('resolves slugs longer than the router’s default of 100 characters (stored before the limit of 80)', async () => {
    // Fastify answers 414 to a longer path parameter unless its router allows more.
    const r = await http(`${server.url}/articles/${'a'.repeat(150)}`);
    expect(r.status).toBe(404);
  });

  it('answers health', async () => {
    const r = await http(`${server.url}/api/v1/health`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: true, version: APP_VERSION });
  });

  it('--demo creates the four users with their roles and the four sections', async () => {
    const roles: Record<string, string> = {
      editor: 'editor',
      photo: 'photo_editor',
      chief: 'desk_chief',
      admin: 'admin',
    };
    for (const [name, role] of Object.entries(roles)) {
      const r = await http(`${server.url}/api/v1/auth/login`, {
        json: { username: name, password: name },
      });
      expect(r.status).toBe(200);
      expect(r.body.user).toMatchObject({ username: name, role });
    }
    // Each with a display name, which `user list` shows after the state.
    if (server.databaseUrl) process.env.COPYDESK_DATABASE_URL = server.databaseUrl;
    try {
      const list = await cli(['user', 'list', '--data', server.dataDir]);
      expect(list.stdout.trim().split('\n')).toEqual([
        'admin\tadmin\tactive\tPaul Admin',
        'chief\tdesk_chief\tactive\tMiriam Krause',
        'editor\teditor\tactive\tAnna Berg',
        'photo\tphoto_editor\tactive\tJonas Licht',
      ]);
    } finally {
      delete process.env.COPYDESK_DATABASE_URL;
    }
    const token = await login(server.url, 'editor');
    const s = await http(`${server.url}/api/v1/sections`, { token });
    expect(s.body.items.map((x: { name: string }) => x.name).sort()).toEqual([
      'Digitalisierung',
      'Politik',
      'Verwaltung',
      'Wirtschaft',
    ]);
  });
});

describe('shutdown and CLI', () => {
  it('SIGTERM finishes the request in flight, closes the database and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-sigterm-'));
    try {
      const server = await spawnServer(['--demo'], dir);
      const token = await login(server.url, 'photo');
      const { bytes, sha256 } = pngBytes(7);
      const { port } = new URL(server.url);
      const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method: 'PUT',
            path: `/api/v1/blobs/${sha256}`,
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'image/png',
              'content-length': bytes.length,
              // The server answers "100 Continue" once it has read the headers: from then on
              // the request is in flight, however slow the machine.
              expect: '100-continue',
            },
          },
          (res) => {
            let b = '';
            res
              .setEncoding('utf8')
              .on('data', (d: string) => (b += d))
              .on('end', () => resolve({ status: res.statusCode ?? 0, body: b }));
          },
        );
        req.on('error', reject);
        req.once('continue', () => {
          req.write(bytes.subarray(0, 10));
          server.child.kill('SIGTERM');
          // The rest of the body follows after the signal.
          setTimeout(() => req.end(bytes.subarray(10)), 300);
        });
        req.flushHeaders();
      });
      const r = await response;
      expect(r.status).toBe(201);
      expect(JSON.parse(r.body)).toMatchObject({ sha256, created: true });
      expect(await server.stop()).toBe(0);
      expect(existsSync(join(dir, 'copydesk-server.db-wal'))).toBe(false); // closed cleanly (checkpointed)
      expect(existsSync(join(dir, 'blobs', sha256.slice(0, 2), sha256))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('user add (password from --password or stdin), list, then the user can log in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-cli-'));
    // On PostgreSQL the user commands find the database through COPYDESK_DATABASE_URL.
    const adminUrl = testPgAdminUrl();
    const databaseUrl = adminUrl ? await createTestDatabase(adminUrl) : undefined;
    if (databaseUrl) process.env.COPYDESK_DATABASE_URL = databaseUrl;
    try {
      const a = await cli([
        'user',
        'add',
        'anna',
        '--role',
        'desk_chief',
        '--data',
        dir,
        '--password',
        'geheim123',
        '--name',
        'Anna Berg',
      ]);
      expect(a.stdout).toMatch(/created anna \(desk_chief\)/);
      const b = await cli(
        ['user', 'add', 'bernd', '--role', 'editor', '--data', dir],
        'stdinpass9\n',
      );
      expect(b.stdout).toMatch(/created bernd \(editor\)/);
      await expect(
        cli(['user', 'add', 'carl', '--role', 'king', '--data', dir, '--password', 'xxxxxxxxx']),
      ).rejects.toMatchObject({ code: 2 });
      await expect(
        cli(['user', 'add', 'anna', '--role', 'editor', '--data', dir, '--password', 'xxxxxxxxx']),
      ).rejects.toMatchObject({ code: 2 });
      // A name with a line break is refused (exit 2) and changes nothing. (Both at once: each
      // command starts tsx, the slow part.)
      const [renamed, refused] = await Promise.allSettled([
        cli(['user', 'set', 'bernd', '--name', ' Bernd Brot ', '--data', dir]),
        cli(['user', 'set', 'anna', '--name', 'Anna\nBerg', '--data', dir]),
      ]);
      expect(renamed).toMatchObject({ status: 'fulfilled', value: { stdout: 'updated bernd\n' } });
      expect(refused).toMatchObject({
        status: 'rejected',
        reason: { code: 2, stderr: expect.stringMatching(/invalid --name: no tabs, line breaks/) },
      });
      const list = await cli(['user', 'list', '--data', dir]);
      expect(list.stdout.trim().split('\n').sort()).toEqual([
        'anna\tdesk_chief\tactive\tAnna Berg',
        'bernd\teditor\tactive\tBernd Brot',
      ]);
      const server = await spawnServer(databaseUrl ? ['--database', databaseUrl] : [], dir);
      try {
        expect(
          (
            await http(`${server.url}/api/v1/auth/login`, {
              json: { username: 'bernd', password: 'stdinpass9' },
            })
          ).status,
        ).toBe(200);
        expect(
          (
            await http(`${server.url}/api/v1/auth/login`, {
              json: { username: 'anna', password: 'geheim123' },
            })
          ).body.user.role,
        ).toBe('desk_chief');
        // no demo users without --demo
        expect(
          (
            await http(`${server.url}/api/v1/auth/login`, {
              json: { username: 'editor', password: 'editor' },
            })
          ).status,
        ).toBe(401);
      } finally {
        await server.stop();
      }
    } finally {
      delete process.env.COPYDESK_DATABASE_URL;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000); // seven CLI starts (tsx each): over 70 s on a busy machine
});
