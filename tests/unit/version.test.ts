/**
 * One version: what the app (app.info, shown in Settings and About), the sync client's header and
 * the server's health report is package.json's version, read at build time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_VERSION } from '../../src-shared/version';
import { SyncHttp } from '../../src-main/core/sync/http';
import { openCore } from '../../src-main/core/core';
import { tempDir } from '../support/tmp';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('one version', () => {
  let server: Server;
  let seen: IncomingHttpHeaders[] = [];
  let url = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('is a real semver and the one in package.json', () => {
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(APP_VERSION).toBe(pkg.version);
  });

  it('is what app.info reports', async () => {
    const { dir, cleanup } = tempDir('copydesk-version-');
    const core = await openCore({ profileDir: dir, host: 'cli', backgroundIntegrityCheck: false });
    try {
      const r = await core.call('app.info', {});
      expect(r.ok && (r.value as { version: string }).version).toBe(pkg.version);
    } finally {
      await core.close();
      cleanup();
    }
  });

  it('is sent by the sync client with every request', async () => {
    seen = [];
    const client = new SyncHttp(url, 'tok');
    expect(await client.hasBlob('a'.repeat(64))).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.['user-agent']).toBe(`Copydesk/${pkg.version}`);
  });
});
