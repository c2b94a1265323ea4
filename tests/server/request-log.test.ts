/**
 * The backend's request log (the real process, as `npm run server` runs it): one structured JSON
 * line per request on stderr, stdout untouched, and no token or password anywhere in it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Client, http, login, ROOT, spawnServer, type ServerProcess } from './helpers';
import { loggableUrl, MASK } from '../../src-server/http/request-log';

const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { version: string };

interface RequestLine {
  level: number;
  msg: string;
  reqId: string;
  responseTime: number;
  req: { method: string; url: string; client: string };
  res: { statusCode: number };
}

function requestLines(stderr: string): RequestLine[] {
  return stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as RequestLine)
    .filter((l) => l.req !== undefined);
}

describe('request log', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await spawnServer(['--demo']);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('writes one line per request with method, path, status and time, and never a token', async () => {
    const token = await login(server.url, 'chief');
    const client = new Client(server.url, token);
    expect((await client.pull()).status).toBe(200);
    expect((await http(`${server.url}/api/v1/sync/pull?protocolVersion=1`)).status).toBe(401);
    // A token in the query string (as a WebSocket upgrade or a pasted link would carry it).
    const nf = await http(`${server.url}/api/v1/nowhere?token=${token}&page=2`, {
      headers: { 'user-agent': `Copydesk/${pkg.version}` },
    });
    expect(nf.status).toBe(404);
    await new Promise((r) => setTimeout(r, 200)); // let stderr drain

    const log = server.stderr();
    expect(log).not.toContain(token);
    expect(log).not.toContain('"password"');
    expect(log).not.toContain('password":"chief');
    expect(server.stdout()).toMatch(/^Copydesk server listening on http:\/\/127\.0\.0\.1:\d+\n$/);

    const lines = requestLines(log);
    expect(lines.map((l) => [l.req.method, l.req.url.split('?')[0], l.res.statusCode])).toEqual([
      ['POST', '/api/v1/auth/login', 200],
      ['GET', '/api/v1/sync/pull', 200],
      ['GET', '/api/v1/sync/pull', 401],
      ['GET', '/api/v1/nowhere', 404],
    ]);
    for (const l of lines) {
      expect(typeof l.reqId).toBe('string');
      expect(l.responseTime).toBeGreaterThanOrEqual(0);
    }
    expect(lines[3]?.req.url).toBe(`/api/v1/nowhere?token=${encodeURIComponent(MASK)}&page=2`);
    expect(lines[3]?.req.client).toBe(`Copydesk/${pkg.version}`);
  });

  it('answers health with the version from package.json', async () => {
    expect((await http(`${server.url}/api/v1/health`)).body).toEqual({
      ok: true,
      version: pkg.version,
    });
  });
});

describe('loggableUrl', () => {
  it('masks credential-like query parameters and keeps the rest', () => {
    expect(loggableUrl('/a/b')).toBe('/a/b');
    expect(loggableUrl('/ws?access_token=abc&cursor=5')).toBe(
      `/ws?access_token=${encodeURIComponent(MASK)}&cursor=5`,
    );
    expect(loggableUrl('/x?Password=p&sessionId=s&q=1')).not.toMatch(/=p&|=s&/);
    expect(loggableUrl('/x?')).toBe('/x');
  });
});
