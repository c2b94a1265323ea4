import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  readUpdateConfig,
  UpdateController,
  type OpenWork,
  type UpdateConfig,
  type UpdaterLike,
} from '../../src-main/electron/updates';

/**
 * A stand-in for electron-updater's autoUpdater against a fake feed: checkForUpdates "reads" the
 * feed and, when it names a newer version than the running one, "downloads" it and emits
 * update-downloaded, as the real one does with autoDownload.
 */
class FakeUpdater extends EventEmitter implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  feed: { provider: string; url: string; channel: string } | null = null;
  checks = 0;
  installs = 0;
  constructor(
    private readonly running: string,
    public feedVersion: string | Error,
  ) {
    super();
  }
  setFeedURL(options: { provider: 'generic'; url: string; channel: string }) {
    this.feed = options;
  }
  checkForUpdates() {
    this.checks++;
    if (!this.feed) return Promise.reject(new Error('no feed'));
    if (this.feedVersion instanceof Error) {
      this.emit('error', this.feedVersion);
      return Promise.reject(this.feedVersion);
    }
    if (this.feedVersion > this.running && this.autoDownload)
      queueMicrotask(() => this.emit('update-downloaded', { version: this.feedVersion }));
    return Promise.resolve({});
  }
  quitAndInstall() {
    this.installs++;
  }
}

const config = (over: Partial<UpdateConfig> = {}): UpdateConfig => ({
  url: 'https://updates.newsroom.example/copydesk/',
  channel: 'latest',
  checkEveryHours: 4,
  ...over,
});

function setup(opts: {
  config?: UpdateConfig;
  feed?: string | Error;
  answers?: ('restart' | 'later')[];
}) {
  const updater = new FakeUpdater('0.1.0', opts.feed ?? '0.2.0');
  let work: OpenWork = { unsaved: false, unsynced: 0 };
  const asked: string[] = [];
  const answers = [...(opts.answers ?? ['restart'])];
  const events: string[] = [];
  const controller = new UpdateController({
    updater,
    config: opts.config ?? config(),
    openWork: () => Promise.resolve(work),
    ask: (v) => {
      asked.push(v);
      return Promise.resolve(answers.shift() ?? 'later');
    },
    log: { info: (e) => events.push(e), error: (e) => events.push(e) },
    retryMs: 60_000,
    laterMs: 3_600_000,
  });
  return {
    updater,
    controller,
    asked,
    events,
    setWork: (w: OpenWork) => {
      work = w;
    },
  };
}

const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('update configuration', () => {
  it('is off by default', () => {
    expect(readUpdateConfig(null, {})).toEqual({
      ok: true,
      config: { url: null, channel: 'latest', checkEveryHours: 4 },
    });
  });

  it('takes the URL from copydesk.json or, overriding it, the environment', () => {
    const file = JSON.stringify({ updates: { url: 'https://a.example/cd/', channel: 'beta' } });
    expect(readUpdateConfig(file, {})).toMatchObject({
      ok: true,
      config: { url: 'https://a.example/cd/', channel: 'beta' },
    });
    expect(
      readUpdateConfig(file, { COPYDESK_UPDATE_URL: 'http://10.0.0.5/copydesk/' }),
    ).toMatchObject({ ok: true, config: { url: 'http://10.0.0.5/copydesk/', channel: 'beta' } });
  });

  it.each([
    ['{not json', /not valid JSON/],
    [JSON.stringify({ updates: { url: 'file:///etc/passwd' } }), /http/],
    [JSON.stringify({ updates: { url: 'https://a.example/', channel: '../x' } }), /channel/],
    [
      JSON.stringify({ updates: { url: 'https://a.example/', surprise: 1 } }),
      /surprise|Unrecognized/i,
    ],
  ])('refuses a bad configuration with a clear error: %s', (text, message) => {
    const r = readUpdateConfig(text, {});
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(message);
  });
});

describe('update controller', () => {
  it('does nothing without a URL: no feed, no check', async () => {
    const t = setup({ config: config({ url: null }) });
    expect(t.controller.start()).toBe(false);
    await vi.advanceTimersByTimeAsync(24 * 3600_000);
    expect(t.updater.feed).toBeNull();
    expect(t.updater.checks).toBe(0);
    expect(t.controller.state).toBe('off');
  });

  it('checks the configured feed, downloads, asks, and restarts only after "restart"', async () => {
    const t = setup({ answers: ['restart'] });
    expect(t.controller.start()).toBe(true);
    expect(t.updater.feed).toEqual({
      provider: 'generic',
      url: 'https://updates.newsroom.example/copydesk/',
      channel: 'latest',
    });
    expect(t.updater.autoInstallOnAppQuit).toBe(false);
    await flush();
    expect(t.asked).toEqual(['0.2.0']);
    expect(t.updater.installs).toBe(1);
    expect(t.controller.state).toBe('installing');
  });

  it('checks again on its interval, and finds nothing newer without asking', async () => {
    const t = setup({ feed: '0.1.0' });
    t.controller.start();
    await flush();
    await vi.advanceTimersByTimeAsync(4 * 3600_000 + 1);
    expect(t.updater.checks).toBe(2);
    expect(t.asked).toEqual([]);
    t.controller.stop();
  });

  it('never asks while changes are unsynced or unsaved; asks once they are safe', async () => {
    const t = setup({ answers: ['restart'] });
    t.setWork({ unsaved: false, unsynced: 3 });
    t.controller.start();
    await flush();
    expect(t.asked).toEqual([]);
    expect(t.controller.state).toBe('waiting-for-work');
    t.setWork({ unsaved: true, unsynced: 0 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.asked).toEqual([]);
    t.setWork({ unsaved: false, unsynced: 0 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.asked).toEqual(['0.2.0']);
    expect(t.updater.installs).toBe(1);
  });

  it('does not restart when work appeared while the question was open', async () => {
    const t = setup({ answers: ['restart'] });
    const ask = t.controller['deps'].ask;
    t.controller['deps'].ask = async (v) => {
      const a = await ask(v);
      t.setWork({ unsaved: false, unsynced: 1 });
      return a;
    };
    t.controller.start();
    await flush();
    expect(t.asked).toEqual(['0.2.0']);
    expect(t.updater.installs).toBe(0);
    expect(t.controller.state).toBe('waiting-for-work');
  });

  it('after "later" asks again only after the postponement', async () => {
    const t = setup({ answers: ['later', 'restart'] });
    t.controller.start();
    await flush();
    expect(t.asked).toEqual(['0.2.0']);
    expect(t.updater.installs).toBe(0);
    await vi.advanceTimersByTimeAsync(3_599_000);
    expect(t.asked).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(t.asked).toHaveLength(2);
    expect(t.updater.installs).toBe(1);
  });

  it('logs a feed that cannot be read and keeps running', async () => {
    const t = setup({ feed: new Error('404 latest-linux.yml') });
    t.controller.start();
    await flush();
    expect(t.events).toContain('updates.failed');
    expect(t.controller.state).toBe('idle');
    t.controller.stop();
  });
});
