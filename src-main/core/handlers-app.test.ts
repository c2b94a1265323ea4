import { afterEach, describe, expect, it } from 'vitest';
import { createDesktopApi } from '../../src-shared/api';
import { APP_VERSION } from '../../src-shared/version';
import { openCore } from './core';
import { logFolder, openDeskLog } from './log/desk-log';
import type { CoreOptions } from './types';
import { tempDir } from '../../tests/support/tmp';

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function core(extra: Partial<CoreOptions> = {}) {
  const t = tempDir('copydesk-about-');
  const c = await openCore({
    profileDir: t.dir,
    host: 'browser',
    backgroundIntegrityCheck: false,
    sync: { auto: false },
    ...extra,
  });
  cleanups.push(t.cleanup, () => c.close());
  const api = createDesktopApi({ call: (m, i) => c.call(m, i), onEvent: (l) => c.onEvent(l) });
  return { dir: t.dir, api };
}

describe('app.diagnostics', () => {
  it('reports versions, system, sync state and the last logged errors, and no content', async () => {
    const { dir, api } = await core();
    await api['articles.create']({ fields: { headline: 'Geheimnisvolle Kürbissuppe' } });
    const main = await openDeskLog(dir, { source: 'main' });
    main.error('render-process-gone', new Error('oom'), { reason: 'oom' });
    await main.close();

    const d = await api['app.diagnostics']({});
    expect(d.version).toBe(APP_VERSION);
    expect(d.host).toBe('browser');
    expect(d.os.platform).toBe(process.platform);
    expect(d.runtime.node).toBe(process.versions.node);
    expect(d.schemaVersion).toBeGreaterThan(0);
    expect(d.protocolVersion).toBeGreaterThan(0);
    expect(d.logFolder).toBe(logFolder(dir));
    expect(d.sync).toMatchObject({ signedIn: false, pending: 1, conflicts: 0, serverUrl: null });
    expect(d.recentErrors).toEqual([
      expect.objectContaining({ source: 'main', event: 'render-process-gone', message: 'oom' }),
    ]);
    expect(JSON.stringify(d)).not.toContain('Kürbissuppe');
  });
});

describe('app.openLogFolder', () => {
  it("opens the profile's log folder through the host, or says where it is", async () => {
    const opened: string[] = [];
    const withOpener = await core({
      openFolder: (p) => {
        opened.push(p);
        return Promise.resolve(true);
      },
    });
    expect(await withOpener.api['app.openLogFolder']({})).toEqual({
      opened: true,
      path: logFolder(withOpener.dir),
    });
    expect(opened).toEqual([logFolder(withOpener.dir)]);

    const without = await core();
    expect(await without.api['app.openLogFolder']({})).toEqual({
      opened: false,
      path: logFolder(without.dir),
    });
  });
});
