/**
 * In browser mode (src-main/harness/server.ts): the same app error shape for
 * framework errors, malformed HTTP, other charsets and deep JSON, and the desk database unchanged
 * after each refused request.
 */
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databasePath, openCore } from '../../../src-main/core/core';
import type { CoreHandle } from '../../../src-main/core/types';
import { startHarness, type Harness } from '../../../src-main/harness/server';
import { tempDir } from '../../support/tmp';
import { fileFingerprint, rawRequest } from '../helpers';
import { expectAppError } from './support';

let tmp: ReturnType<typeof tempDir>;
let core: CoreHandle;
let harness: Harness;
let base = '';

beforeAll(async () => {
  tmp = tempDir('copydesk-hostile-bm-');
  const rendererDir = join(tmp.dir, 'renderer');
  mkdirSync(rendererDir);
  core = await openCore({
    profileDir: join(tmp.dir, 'profile'),
    host: 'cli',
    backgroundIntegrityCheck: false,
  });
  harness = await startHarness({ core, rendererDir, port: 0 });
  base = `http://127.0.0.1:${harness.port}`;
});
afterAll(async () => {
  await harness?.close();
  await core?.close();
  tmp?.cleanup();
});

async function unchanged<T>(act: () => Promise<T>): Promise<T> {
  const file = databasePath(join(tmp.dir, 'profile'));
  const before = fileFingerprint(file);
  const result = await act();
  expect(fileFingerprint(file)).toEqual(before);
  return result;
}

const call = (body: string, contentType = 'application/json') =>
  rawRequest(`${base}/api/call`, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-copydesk-token': harness.token },
    body,
  });

describe('browser mode errors', () => {
  it('answers over-long and undecodable paths in the app shape', async () => {
    for (const [path, status] of [
      [`/assets/${'a'.repeat(5000)}`, 404],
      ['/%', 400],
      ['/assets/%E0%A4%A', 400],
    ] as const) {
      const res = await unchanged(() =>
        rawRequest(`${base}${path}`, {
          method: 'GET',
          headers: { 'x-copydesk-token': harness.token },
        }),
      );
      expectAppError(res, status);
    }
  });

  it('answers unknown routes and methods in the app shape', async () => {
    const res = await rawRequest(`${base}/api/nothing`, {
      method: 'DELETE',
      headers: { 'x-copydesk-token': harness.token },
    });
    expectAppError(res, 404, 'not_found');
  });

  it('refuses deep JSON, other charsets and broken JSON without touching the database', async () => {
    const deep = `{"method":"articles.list","input":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    expectAppError(await unchanged(() => call(deep)), 400, 'invalid_input');
    expectAppError(
      await unchanged(() =>
        call('{"method":"articles.list","input":{}}', 'application/json; charset=latin1'),
      ),
      415,
      'unsupported_media_type',
    );
    expectAppError(await unchanged(() => call('{"method":')), 400, 'invalid_json');
  });

  it('answers malformed HTTP in the app shape', async () => {
    const raw = await new Promise<string>((resolve) => {
      let out = '';
      const socket = connect(harness.port, '127.0.0.1', () => socket.write('NONSENSE\r\n\r\n'));
      socket.setEncoding('utf8');
      socket.on('data', (d: string) => (out += d));
      socket.on('close', () => resolve(out));
      socket.on('error', () => resolve(out));
    });
    const [head = '', text = ''] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400/);
    expectAppError({ status: 400, text }, 400, 'invalid_input');
  });

  it('still serves a valid call', async () => {
    const res = await call('{"method":"articles.list","input":{"limit":5}}');
    expect(res.status).toBe(200);
  });
});
