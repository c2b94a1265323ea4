/**
 * The newsroom's time zone: `--time-zone` / COPYDESK_TIME_ZONE (default Europe/Berlin) and
 * GET /api/v1/newsroom. A zone the runtime does not know stops the server with a clear message
 * (exit code 2) before it opens anything. Runs on SQLite and, in server-pg, on PostgreSQL.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-server/server';
import { NewsroomInfo } from '../../src-shared/newsroom';
import { createTestDatabase } from '../support/postgres';
import { testPgAdminUrl } from '../support/pgTestRun';
import { ROOT, http, spawnServer } from './helpers';
import { nodeArgsFor } from '../support/test-bin';

const exec = promisify(execFile);

describe('newsroom time zone', () => {
  let dir: string;
  let server: RunningServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-newsroom-'));
    const adminUrl = testPgAdminUrl();
    server = await startServer({
      dataDir: dir,
      port: 0,
      schedulerIntervalMs: 0,
      log: () => undefined,
      ...(adminUrl ? { databaseUrl: await createTestDatabase(adminUrl) } : {}),
    });
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers Europe/Berlin by default, in the shared schema, without sign-in', async () => {
    const r = await http(`${server.url}/api/v1/newsroom`);
    expect(r.status).toBe(200);
    expect(NewsroomInfo.parse(r.body)).toEqual({ timeZone: 'Europe/Berlin' });
  });

  it('answers the zone given with --time-zone, and COPYDESK_TIME_ZONE when no flag is given', async () => {
    const flagged = await spawnServer(['--time-zone', 'America/New_York']);
    try {
      expect((await http(`${flagged.url}/api/v1/newsroom`)).body).toEqual({
        timeZone: 'America/New_York',
      });
    } finally {
      await flagged.stop();
    }
    const before = process.env.COPYDESK_TIME_ZONE;
    process.env.COPYDESK_TIME_ZONE = 'Asia/Tokyo';
    try {
      const fromEnv = await spawnServer([]);
      try {
        expect((await http(`${fromEnv.url}/api/v1/newsroom`)).body).toEqual({
          timeZone: 'Asia/Tokyo',
        });
      } finally {
        await fromEnv.stop();
      }
    } finally {
      if (before === undefined) delete process.env.COPYDESK_TIME_ZONE;
      else process.env.COPYDESK_TIME_ZONE = before;
    }
  });

  it('refuses an unknown zone: exit code 2, a clear message, no data folder written', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'copydesk-badzone-')), 'data');
    try {
      const run = exec(
        process.execPath,
        [...nodeArgsFor('src-server/cli.ts'), '--data', data, '--time-zone', 'Europe/Berlinn'],
        { cwd: ROOT },
      );
      await expect(run).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/--time-zone: unknown time zone "Europe\/Berlinn"/),
      });
      expect(existsSync(data)).toBe(false);
      await expect(
        startServer({ dataDir: data, port: 0, timeZone: 'Mars/Olympus', log: () => undefined }),
      ).rejects.toThrow(/Unknown time zone "Mars\/Olympus"/);
      expect(existsSync(data)).toBe(false);
    } finally {
      rmSync(join(data, '..'), { recursive: true, force: true });
    }
  });
});
