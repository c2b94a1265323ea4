import { describe, expect, it } from 'vitest';
import {
  CrashLoopGuard,
  crashReporterSettings,
  reloadUrlAfterCrash,
} from '../../src-main/electron/crash';

describe('crash handling', () => {
  it('keeps minidumps local unless a collector URL is configured', () => {
    expect(crashReporterSettings({})).toMatchObject({ uploadToServer: false, submitURL: '' });
    expect(crashReporterSettings({ COPYDESK_CRASH_REPORT_URL: 'not a url' })).toMatchObject({
      uploadToServer: false,
    });
    expect(
      crashReporterSettings({ COPYDESK_CRASH_REPORT_URL: 'https://crash.newsroom.example/submit' }),
    ).toMatchObject({ uploadToServer: true, submitURL: 'https://crash.newsroom.example/submit' });
  });

  it('reloads the article the window showed, and only our own pages', () => {
    const article = 'app://copydesk/index.html#article=0b5f3c1e-2d4a-4e6b-9c8d-7a6f5e4d3c2b';
    expect(reloadUrlAfterCrash(article)).toBe(article);
    expect(reloadUrlAfterCrash('https://evil.example/')).toBe('app://copydesk/index.html');
    expect(reloadUrlAfterCrash('')).toBe('app://copydesk/index.html');
  });

  it('stops reloading after three crashes in two minutes, and forgives old ones', () => {
    const g = new CrashLoopGuard();
    expect(g.mayReload(0)).toBe(true);
    expect(g.mayReload(10_000)).toBe(true);
    expect(g.mayReload(20_000)).toBe(false);
    const h = new CrashLoopGuard();
    expect(h.mayReload(0)).toBe(true);
    expect(h.mayReload(10_000)).toBe(true);
    expect(h.mayReload(200_000)).toBe(true);
  });
});
