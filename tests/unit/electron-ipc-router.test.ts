import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallResult, CoreEvent } from '../../src-shared/api';
import { openCore } from '../../src-main/core/core';
import type { CoreHandle } from '../../src-main/core/types';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../src-main/electron/ipc-channels';
import {
  forwardCoreEvents,
  installIpcRouter,
  senderInfo,
} from '../../src-main/electron/ipc-router';
import {
  checkSender,
  routeCall,
  validateCallRequest,
  type SenderInfo,
} from '../../src-main/electron/ipc-validation';

const GOOD_SENDER: SenderInfo = {
  frameUrl: 'app://copydesk/index.html',
  isMainFrame: true,
  fromOurWindow: true,
};

/** The real core, wrapped only to count what reaches it. */
function countingCore(core: CoreHandle) {
  const calls: { method: string; input: unknown }[] = [];
  return {
    calls,
    call(method: string, input: unknown) {
      calls.push({ method, input });
      return core.call(method, input);
    },
  };
}

let dir: string;
let core: CoreHandle;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-ipc-'));
  core = await openCore({ profileDir: dir, host: 'electron', backgroundIntegrityCheck: false });
});
afterEach(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

function errorCode(result: CallResult): string | null {
  return result.ok ? null : result.error.code;
}

describe('checkSender', () => {
  it('accepts the main frame of our window on app://copydesk', () => {
    expect(checkSender(GOOD_SENDER).ok).toBe(true);
    expect(checkSender({ ...GOOD_SENDER, frameUrl: 'app://copydesk/' }).ok).toBe(true);
  });

  it.each([
    ['another origin', { frameUrl: 'https://evil.example/index.html' }],
    ['a look-alike host', { frameUrl: 'app://copydesk.evil/index.html' }],
    ['user info trick', { frameUrl: 'app://copydesk@evil/index.html' }],
    ['a file page', { frameUrl: 'file:///work/main/out/renderer/index.html' }],
    ['a data page', { frameUrl: 'data:text/html,hi' }],
    ['about:blank', { frameUrl: 'about:blank' }],
    ['a destroyed frame', { frameUrl: null }],
    ['a subframe', { isMainFrame: false }],
    ['a window we did not create', { fromOurWindow: false }],
  ])('rejects %s as unauthorized', (_name, change) => {
    const r = checkSender({ ...GOOD_SENDER, ...change });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(errorCode(r.result)).toBe('unauthorized');
  });
});

describe('validateCallRequest', () => {
  it('applies the method schema (defaults included)', () => {
    expect(validateCallRequest({ method: 'articles.list', input: {} })).toEqual({
      ok: true,
      value: { method: 'articles.list', input: { offset: 0, limit: 100 } },
    });
  });

  it.each([
    ['not an object', 'articles.list'],
    ['null', null],
    ['extra envelope keys', { method: 'articles.list', input: {}, sender: 'main' }],
    ['a non-string method', { method: 42, input: {} }],
    ['an over-long method', { method: 'x'.repeat(101), input: {} }],
  ])('refuses a malformed envelope: %s', (_name, raw) => {
    const r = validateCallRequest(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(errorCode(r.result)).toBe('invalid_input');
  });

  it.each(['articles.drop', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''])(
    'refuses the unknown method %j',
    (method) => {
      const r = validateCallRequest({ method, input: {} });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(errorCode(r.result)).toBe('unknown_method');
    },
  );

  it('refuses bad input with readable issues', () => {
    const r = validateCallRequest({
      method: 'articles.get',
      input: { id: 'not-a-uuid', extra: 1 },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const paths = r.result.ok ? [] : (r.result.error.issues ?? []).map((i) => i.path);
    expect(paths).toContain('id');
  });
});

describe('routeCall', () => {
  it('forwards a valid call from our page to the core', async () => {
    const counted = countingCore(core);
    const created = await routeCall(
      GOOD_SENDER,
      { method: 'articles.create', input: { fields: { headline: 'Kreistag tagt' } } },
      counted,
    );
    expect(created).toMatchObject({
      ok: true,
      value: { headline: 'Kreistag tagt', status: 'draft' },
    });
    const listed = await routeCall(GOOD_SENDER, { method: 'articles.list', input: {} }, counted);
    expect(listed).toMatchObject({ ok: true, value: { total: 1 } });
    expect(counted.calls.map((c) => c.method)).toEqual(['articles.create', 'articles.list']);
  });

  it.each([
    [
      'a foreign sender',
      { ...GOOD_SENDER, frameUrl: 'https://evil.example/' },
      { method: 'articles.list', input: {} },
      'unauthorized',
    ],
    [
      'an unknown method',
      GOOD_SENDER,
      { method: 'db.exec', input: { sql: 'DROP TABLE articles' } },
      'unknown_method',
    ],
    [
      'bad input',
      GOOD_SENDER,
      { method: 'articles.create', input: { fields: { headline: 7 } } },
      'invalid_input',
    ],
    [
      'unknown input keys',
      GOOD_SENDER,
      { method: 'articles.list', input: { limit: 5, sql: 'x' } },
      'invalid_input',
    ],
  ])('stops %s before the core', async (_name, sender, raw, code) => {
    const counted = countingCore(core);
    const result = await routeCall(sender, raw, counted);
    expect(errorCode(result)).toBe(code);
    expect(counted.calls).toEqual([]);
    const listed = await core.call('articles.list', {});
    expect(listed).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('turns a throwing or malformed core answer into an internal error', async () => {
    const throwing = { call: () => Promise.reject(new Error('boom')) };
    expect(await routeCall(GOOD_SENDER, { method: 'app.info', input: {} }, throwing)).toMatchObject(
      {
        ok: false,
        error: { code: 'internal', message: expect.stringContaining('boom') as string },
      },
    );
    const malformed = { call: () => Promise.resolve({ ok: 'yes' } as unknown as CallResult) };
    expect(
      errorCode(await routeCall(GOOD_SENDER, { method: 'app.info', input: {} }, malformed)),
    ).toBe('internal');
  });
});

/** Records ipcMain.handle registrations the way Electron keeps them: one handler per channel. */
class RecordingIpcMain {
  handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: unknown, ...args: unknown[]) => unknown) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
}

describe('installIpcRouter', () => {
  const ourContents = { id: 1 };
  const otherContents = { id: 2 };
  const mainFrame = (url: string) => ({ url, parent: null });
  const invoke = (ipc: RecordingIpcMain, event: unknown, raw: unknown) =>
    ipc.handlers.get(CALL_CHANNEL)!(event, raw) as Promise<CallResult>;

  it('registers exactly one channel and checks each sender', async () => {
    const ipc = new RecordingIpcMain();
    const counted = countingCore(core);
    const remove = installIpcRouter({
      ipcMain: ipc as never,
      core: counted,
      isOurWebContents: (c) => c === (ourContents as never),
    });
    expect([...ipc.handlers.keys()]).toEqual([CALL_CHANNEL]);
    const raw = { method: 'articles.list', input: {} };

    const good = await invoke(
      ipc,
      { sender: ourContents, senderFrame: mainFrame('app://copydesk/index.html') },
      raw,
    );
    expect(good).toMatchObject({ ok: true, value: { total: 0 } });

    const rejected = await Promise.all([
      invoke(
        ipc,
        { sender: otherContents, senderFrame: mainFrame('app://copydesk/index.html') },
        raw,
      ),
      invoke(ipc, { sender: ourContents, senderFrame: mainFrame('https://evil.example/') }, raw),
      invoke(
        ipc,
        {
          sender: ourContents,
          senderFrame: { url: 'app://copydesk/index.html', parent: mainFrame('app://copydesk/') },
        },
        raw,
      ),
      invoke(ipc, { sender: ourContents, senderFrame: null }, raw),
    ]);
    expect(rejected.map(errorCode)).toEqual([
      'unauthorized',
      'unauthorized',
      'unauthorized',
      'unauthorized',
    ]);
    expect(counted.calls).toHaveLength(1);

    remove();
    expect(ipc.handlers.size).toBe(0);
  });

  it('describes senders from the event', () => {
    const info = senderInfo(
      { sender: ourContents, senderFrame: mainFrame('app://copydesk/x') } as never,
      (c) => c === (ourContents as never),
    );
    expect(info).toEqual({ frameUrl: 'app://copydesk/x', isMainFrame: true, fromOurWindow: true });
  });
});

describe('forwardCoreEvents', () => {
  it('sends core events only to live windows showing our page', async () => {
    const received: Record<string, unknown[][]> = { ours: [], foreign: [], gone: [] };
    const receiver = (name: string, url: string, destroyed = false) => ({
      getURL: () => url,
      isDestroyed: () => destroyed,
      send: (...args: unknown[]) => received[name]!.push(args),
    });
    const targets = [
      receiver('ours', 'app://copydesk/index.html'),
      receiver('foreign', 'https://evil.example/'),
      receiver('gone', 'app://copydesk/index.html', true),
    ];
    const stop = forwardCoreEvents(core, () => targets);
    const created = await core.call('articles.create', {});
    expect(created.ok).toBe(true);
    const id = created.ok ? (created.value as { id: string }).id : '';
    const expected: CoreEvent = { type: 'article.created', id, origin: 'local' };
    expect(received.ours).toEqual([[EVENT_CHANNEL, expected]]);
    expect(received.foreign).toEqual([]);
    expect(received.gone).toEqual([]);

    stop();
    await core.call('articles.create', {});
    expect(received.ours).toHaveLength(1);
  });
});
