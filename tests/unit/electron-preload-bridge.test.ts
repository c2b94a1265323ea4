import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDesktopApi, type CoreEvent } from '../../src-shared/api';
import { openCore } from '../../src-main/core/core';
import type { CoreHandle } from '../../src-main/core/types';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../src-main/electron/ipc-channels';
import { forwardCoreEvents, installIpcRouter } from '../../src-main/electron/ipc-router';
import { createBridge } from '../../src-main/preload/bridge';

/**
 * Electron's two IPC halves reduced to what the bridge and router use: invoke goes to the one
 * registered handler (with a sender event the test controls), send reaches `on` listeners.
 */
function ipcPair(senderUrl: string) {
  const contents = { id: 1 };
  const renderer = new EventEmitter();
  let handler: ((event: unknown, raw: unknown) => Promise<unknown>) | null = null;
  const ipcMain = {
    handle: (channel: string, h: typeof handler) => {
      expect(channel).toBe(CALL_CHANNEL);
      handler = h;
    },
    removeHandler: () => (handler = null),
  };
  const ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]) => {
      if (channel !== CALL_CHANNEL || !handler)
        return Promise.reject(new Error(`No handler registered for '${channel}'`));
      // Electron structured-clones arguments and results; so do we.
      return handler(
        { sender: contents, senderFrame: { url: senderUrl, parent: null } },
        structuredClone(args[0]),
      ).then((r) => structuredClone(r));
    },
    on: (channel: string, l: (...a: unknown[]) => void) => renderer.on(channel, l),
    removeListener: (channel: string, l: (...a: unknown[]) => void) =>
      renderer.removeListener(channel, l),
  };
  const webContents = {
    getURL: () => senderUrl,
    isDestroyed: () => false,
    send: (channel: string, payload: unknown) =>
      renderer.emit(channel, { sender: 'ipc-internals' }, structuredClone(payload)),
  };
  return { ipcMain, ipcRenderer, contents, webContents, renderer };
}

let dir: string;
let core: CoreHandle;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-bridge-'));
  core = await openCore({ profileDir: dir, host: 'electron', backgroundIntegrityCheck: false });
});
afterEach(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

describe('preload bridge over the IPC router', () => {
  it('carries typed calls and events between the renderer API and the real core', async () => {
    const pair = ipcPair('app://copydesk/index.html');
    installIpcRouter({
      ipcMain: pair.ipcMain as never,
      core,
      isOurWebContents: (c) => c === (pair.contents as never),
    });
    forwardCoreEvents(core, () => [pair.webContents]);
    const bridge = createBridge(pair.ipcRenderer as never);
    const api = createDesktopApi(bridge);

    const events: CoreEvent[] = [];
    const stop = bridge.onEvent((e) => events.push(e));
    const article = await api['articles.create']({
      fields: { headline: 'Münster/LWL: Neue Ausstellung' },
    });
    expect(article.headline).toBe('Münster/LWL: Neue Ausstellung');
    const list = await api['articles.list']({});
    expect(list.items.map((i) => i.id)).toEqual([article.id]);
    expect(events).toEqual([{ type: 'article.created', id: article.id, origin: 'local' }]);

    stop();
    await api['articles.create']({});
    expect(events).toHaveLength(1);
    expect(pair.renderer.listenerCount(EVENT_CHANNEL)).toBe(0);
  });

  it('never hands the IPC event object to the page', async () => {
    const pair = ipcPair('app://copydesk/index.html');
    forwardCoreEvents(core, () => [pair.webContents]);
    const seen: unknown[][] = [];
    createBridge(pair.ipcRenderer as never).onEvent((...args: unknown[]) => seen.push(args));
    await core.call('articles.create', {});
    expect(seen).toHaveLength(1);
    expect(seen[0]).toHaveLength(1);
    expect(seen[0]![0]).toMatchObject({ type: 'article.created' });
  });

  it('turns IPC failures into transport errors instead of throwing', async () => {
    const pair = ipcPair('app://copydesk/index.html');
    const bridge = createBridge(pair.ipcRenderer as never);
    const result = await bridge.call('articles.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'transport' } });
  });

  it('gets an unauthorized answer when the page is not ours', async () => {
    const pair = ipcPair('https://evil.example/');
    installIpcRouter({ ipcMain: pair.ipcMain as never, core, isOurWebContents: () => true });
    const result = await createBridge(pair.ipcRenderer as never).call('articles.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('refuses a listener that is not a function', () => {
    const pair = ipcPair('app://copydesk/index.html');
    expect(() => createBridge(pair.ipcRenderer as never).onEvent('alert(1)' as never)).toThrow(
      TypeError,
    );
  });
});

describe('the sandboxed preload bundle', () => {
  // A sandboxed preload can require only 'electron' (and a few Node shims); zod or any other
  // package would fail at load time. Every runtime import must stay within this allowlist.
  const allowedRuntimeImports = new Set(['electron', './bridge', '../electron/ipc-channels']);

  async function runtimeImports(file: string): Promise<string[]> {
    const source = await readFile(file, 'utf8');
    return [...source.matchAll(/^import\s+(?!type\s)[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  }

  it('imports at runtime only electron and dependency-free local modules', async () => {
    const preloadDir = join(import.meta.dirname, '../../src-main/preload');
    const files = (await readdir(preloadDir)).filter((f) => f.endsWith('.ts'));
    expect(files).toContain('index.ts');
    for (const file of files) {
      for (const spec of await runtimeImports(join(preloadDir, file))) {
        expect(allowedRuntimeImports, `${file} imports ${spec}`).toContain(spec);
      }
    }
    const channels = join(import.meta.dirname, '../../src-main/electron/ipc-channels.ts');
    expect(await runtimeImports(channels)).toEqual([]);
  });
});
