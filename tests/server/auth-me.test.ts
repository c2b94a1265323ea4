/**
 * GET /api/v1/auth/me: who is signed in. Clients that name schemaVersion 2026-12-w or later get
 * the user's display name when there is one; older clients (strict parsers) get none.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  MeResponse,
  PublicUser,
  SCHEMA_VERSION,
  UserNamesResponse,
} from '../../src-shared/protocol';
import { z } from 'zod';
import { http, login, spawnServer, type ServerProcess } from './helpers';

let server: ServerProcess;
let editor: string;

beforeAll(async () => {
  server = await spawnServer();
  editor = await login(server.url, 'editor');
});
afterAll(async () => {
  await server?.stop();
});

const me = (token: string, query = '') => http(`${server.url}/api/v1/auth/me${query}`, { token });

it('names the display name to clients that know it', async () => {
  const r = await me(editor, `?schemaVersion=${SCHEMA_VERSION}`);
  expect(r.status).toBe(200);
  expect(MeResponse.parse(r.body).user).toMatchObject({
    username: 'editor',
    displayName: 'Anna Berg',
    role: 'editor',
  });
});

it('sends no display name to older clients: their strict parser reads the answer', async () => {
  for (const query of ['', '?schemaVersion=2026-12-v']) {
    const r = await me(editor, query);
    expect(r.status).toBe(200);
    const old = z.strictObject({ user: PublicUser }).parse(r.body);
    expect(old.user.username).toBe('editor');
  }
});

it('a user without a display name gets none', async () => {
  const admin = await login(server.url, 'admin');
  const created = await http(`${server.url}/api/v1/users`, {
    token: admin,
    json: { username: 'plain', password: 'plain-password', role: 'editor' },
  });
  expect(created.status).toBeLessThan(300);
  const r = await me(
    await login(server.url, 'plain', 'plain-password'),
    `?schemaVersion=${SCHEMA_VERSION}`,
  );
  expect(r.status).toBe(200);
  expect(MeResponse.parse(r.body).user).not.toHaveProperty('displayName');
});

it('refuses a malformed schemaVersion with a clear error', async () => {
  const r = await me(editor, `?schemaVersion=${'x'.repeat(41)}`);
  expect(r.status).toBe(400);
  expect(JSON.stringify(r.body)).toContain('query');
});

it('GET /api/v1/users/names lists every display name for any signed-in user, none without sign-in', async () => {
  const names = (token?: string) => http(`${server.url}/api/v1/users/names`, { token });
  const r = await names(editor);
  expect(r.status).toBe(200);
  const items = UserNamesResponse.parse(r.body).items;
  expect(Object.fromEntries(items.map((i) => [i.username, i.displayName]))).toEqual({
    admin: 'Paul Admin',
    chief: 'Miriam Krause',
    editor: 'Anna Berg',
    photo: 'Jonas Licht',
  });
  expect((await names()).status).toBe(401);
  expect((await names('not-a-token')).status).toBe(401);
});
