import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../core/core';
import type { CoreHandle } from '../core/types';
import { startHarness, type Harness } from './server';
import { tempDir } from '../../tests/support/tmp';

let tmp: ReturnType<typeof tempDir>;
let rendererDir = '';
let core: CoreHandle;
let harness: Harness;

beforeAll(async () => {
  tmp = tempDir('copydesk-harness-files-');
  rendererDir = join(tmp.dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<p>first build</p>');
  writeFileSync(join(rendererDir, 'assets', 'main-abc123.js'), 'console.log("first");');
  core = await openCore({
    profileDir: join(tmp.dir, 'profile'),
    host: 'cli',
    backgroundIntegrityCheck: false,
  });
  harness = await startHarness({ core, rendererDir, port: 0 });
});
afterAll(async () => {
  await harness?.close();
  await core?.close();
  tmp?.cleanup();
});

const get = (path: string) =>
  fetch(`http://127.0.0.1:${harness.port}${path}`, {
    headers: { 'x-copydesk-token': harness.token },
  });

describe('browser mode serves the built renderer', () => {
  it('sends the security headers with the page, its scripts and refusals alike', async () => {
    for (const res of [await get('/'), await get('/assets/main-abc123.js'), await get('/nope')]) {
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('reads a content-hashed asset once and answers it from memory after that', async () => {
    const first = await get('/assets/main-abc123.js');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await first.text()).toBe('console.log("first");');
    // A hashed name never changes its content; the disk is not asked again.
    rmSync(join(rendererDir, 'assets', 'main-abc123.js'));
    const again = await get('/assets/main-abc123.js');
    expect(again.status).toBe(200);
    expect(await again.text()).toBe('console.log("first");');
  });

  it('reads index.html from disk on every request (a rebuild shows at the next load)', async () => {
    expect(await (await get('/')).text()).toBe('<p>first build</p>');
    writeFileSync(join(rendererDir, 'index.html'), '<p>second build</p>');
    expect(await (await get('/')).text()).toBe('<p>second build</p>');
  });

  it('does not remember a missing asset: it is served once it exists', async () => {
    expect((await get('/assets/late-def456.js')).status).toBe(404);
    writeFileSync(join(rendererDir, 'assets', 'late-def456.js'), 'late');
    const late = await get('/assets/late-def456.js');
    expect(late.status).toBe(200);
    expect(await late.text()).toBe('late');
  });
});
