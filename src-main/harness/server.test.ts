import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
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

describe('browser mode presence is per window', () => {
  it('a window that closes takes its open article along, even without saying so', async () => {
    const opened: unknown[] = [];
    const spying: CoreHandle = {
      call: (method, input) => {
        if (method === 'presence.open') opened.push((input as { articleId: unknown }).articleId);
        return core.call(method, input);
      },
      onEvent: (listener) => core.onEvent(listener),
      close: () => Promise.resolve(),
    };
    const h = await startHarness({ core: spying, rendererDir, port: 0 });
    try {
      const a1 = '00000000-0000-4000-8000-000000000001';
      const a2 = '00000000-0000-4000-8000-000000000002';
      const connect = async (windowId: string) => {
        const ws = new WebSocket(
          `ws://127.0.0.1:${h.port}/api/events?token=${h.token}&window=${windowId}`,
        );
        await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
        return ws;
      };
      const open = async (windowId: string, articleId: string | null) => {
        const res = await fetch(`http://127.0.0.1:${h.port}/api/call`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-copydesk-token': h.token,
            'x-copydesk-window': windowId,
          },
          body: JSON.stringify({ method: 'presence.open', input: { articleId } }),
        });
        expect(res.status).toBe(200);
      };
      const w1 = await connect('w1');
      const w2 = await connect('w2');
      await open('w1', a1);
      await open('w2', a2);
      expect(opened).toEqual([a1, a2]);
      // w2 goes without its closing call (a torn-down page): w1's article is the open one again.
      w2.close();
      await expect.poll(() => opened.length).toBe(3);
      expect(opened[2]).toBe(a1);
      // A call without a valid window id is the core's business, invalid input included.
      const bad = await fetch(`http://127.0.0.1:${h.port}/api/call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-copydesk-token': h.token },
        body: JSON.stringify({ method: 'presence.open', input: { articleId: 'nope' } }),
      });
      expect(((await bad.json()) as { ok: boolean }).ok).toBe(false);
      w1.close();
      await expect.poll(() => opened.at(-1)).toBeNull();
    } finally {
      await h.close();
    }
  });
});

describe('browser mode events', () => {
  it("a window's event socket brings what changed between its first call and its opening", async () => {
    const call = (method: string, input: unknown) =>
      fetch(`http://127.0.0.1:${harness.port}/api/call`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-copydesk-token': harness.token,
          'x-copydesk-window': 'late-socket',
        },
        body: JSON.stringify({ method, input }),
      }).then((r) => r.json() as Promise<{ ok: boolean; value: { id: string } }>);
    // The window reads (its first call), then the article is created and moved to the trash
    // elsewhere, all before its event socket is open.
    await call('articles.list', {});
    const created = await call('articles.create', {});
    await core.call('articles.delete', { id: created.value.id });
    const ws = new WebSocket(
      `ws://127.0.0.1:${harness.port}/api/events?token=${harness.token}&window=late-socket`,
    );
    const received: { type: string; id?: string }[] = [];
    ws.on('message', (m: Buffer) => received.push(JSON.parse(m.toString()) as { type: string }));
    await expect
      .poll(() => received.filter((e) => e.id === created.value.id).map((e) => e.type))
      .toEqual(['article.created', 'article.deleted']);
    ws.close();
  });
});
