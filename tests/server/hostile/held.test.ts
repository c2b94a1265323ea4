/**
 * What the hostile review found already holding, kept so: roles, token checks, path traversal
 * and script injection. Every refused request leaves the server database unchanged.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  body,
  completeFields,
  http,
  login,
  rawRequest,
  spawnServer,
  type ServerProcess,
} from '../helpers';
import { expectAppError, publishArticle, refusedWithoutChange } from './support';

let server: ServerProcess;
let editor: Client;
let chief: Client;

beforeAll(async () => {
  server = await spawnServer(['--demo']);
  editor = new Client(server.url, await login(server.url, 'editor'));
  chief = new Client(server.url, await login(server.url, 'chief'));
});
afterAll(() => server?.stop());

describe('roles', () => {
  it('an editor cannot manage users', async () => {
    const res = await refusedWithoutChange(server, () =>
      http(`${server.url}/api/v1/users`, {
        token: editor.token,
        json: { username: 'mallory', password: 'password123', role: 'admin' },
      }),
    );
    expectAppError(res, 403, 'forbidden');
  });

  it('an editor cannot approve or publish', async () => {
    const id = randomUUID();
    const created = await editor.push([
      { name: 'article.create', args: { id, fields: completeFields(), body: body('Text.') } },
      { name: 'article.transition', args: { id, from: 'draft', to: 'in_review' } },
    ]);
    const outcomes = created.body.outcomes as { status: string }[];
    expect(outcomes.map((o) => o.status)).toEqual(['applied', 'applied']);
    const r = await editor.push([
      { name: 'article.transition', args: { id, from: 'in_review', to: 'approved' } },
    ]);
    expect(r.body.outcomes[0].status).toBe('rejected');
    expect((await http(`${server.url}/api/v1/published`)).body.items).toEqual([]);
  });
});

describe('token checks', () => {
  it.each([
    ['no token', undefined],
    ['a malformed token', 'short'],
    ['an unknown token', 'A'.repeat(43)],
  ])('%s gets 401 on every private endpoint', async (_name, token) => {
    for (const path of [
      '/api/v1/auth/me',
      '/api/v1/sync/pull?protocolVersion=1',
      '/api/v1/users',
    ]) {
      const res = await refusedWithoutChange(server, () =>
        rawRequest(`${server.url}${path}`, {
          method: 'GET',
          headers: token ? { authorization: `Bearer ${token}` } : {},
        }),
      );
      expectAppError(res, 401, 'unauthorized');
    }
  });

  it('a logged-out token stops working', async () => {
    const token = await login(server.url, 'photo');
    expect((await http(`${server.url}/api/v1/auth/logout`, { method: 'POST', token })).status).toBe(
      200,
    );
    const res = await refusedWithoutChange(server, () =>
      rawRequest(`${server.url}/api/v1/auth/me`, {
        method: 'GET',
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    expectAppError(res, 401, 'unauthorized');
  });
});

describe('path traversal', () => {
  it.each([
    '/api/v1/blobs/..%2F..%2Fcopydesk-server.db',
    '/api/v1/blobs/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/static/..%2F..%2Fcopydesk-server.db',
    '/media/..%2Fcopydesk-server.db/640.webp',
  ])('%s reads nothing outside', async (path) => {
    const res = await refusedWithoutChange(server, () =>
      rawRequest(`${server.url}${path}`, {
        method: 'GET',
        headers: { authorization: `Bearer ${chief.token}` },
      }),
    );
    expect([400, 404]).toContain(res.status);
    expectAppError(res, res.status);
    expect(res.text).not.toContain('SQLite format');
  });
});

describe('script injection', () => {
  it('a published headline, teaser and body with markup are escaped on every page and the feed', async () => {
    const xss = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    await publishArticle(
      chief,
      randomUUID(),
      {
        headline: `Angriff ${xss}`,
        teaser: `Vorspann ${xss}`,
        tags: ['Politik', xss.slice(0, 70)],
      },
      body(`Text ${xss}`),
    );
    const slug = (await http(`${server.url}/api/v1/published`)).body.items[0].slug as string;
    for (const path of ['/', `/articles/${slug}`, '/sections/politik', '/feed.xml']) {
      const res = await http(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.text, path).not.toContain('<script>');
      expect(res.text, path).not.toMatch(/<img src=x/i);
    }
    const page = await http(`${server.url}/articles/${slug}`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
