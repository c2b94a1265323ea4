import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  checkExternalUrl,
  decideNavigation,
  decideWindowOpen,
} from '../../src-main/electron/external-links';
import { denyAllPermissions, hardenWebContents } from '../../src-main/electron/harden';

describe('checkExternalUrl', () => {
  it.each([
    ['https://www.lwl.org/pressemitteilungen?id=1', 'https://www.lwl.org/pressemitteilungen?id=1'],
    ['HTTPS://Example.ORG/Path', 'https://example.org/Path'],
    ['mailto:redaktion@example.org', 'mailto:redaktion@example.org'],
    ['MAILTO:redaktion@example.org?subject=Hallo', 'MAILTO:redaktion@example.org?subject=Hallo'],
  ])('lets %s open outside', (raw, expected) => {
    expect(checkExternalUrl(raw)).toEqual({ ok: true, url: expected });
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000https://example.org',
    'https://example.org/\u0007',
    'https://example.org ',
    'jav&#x61;script:alert(1)',
    'file:///etc/passwd',
    'FILE:///C:/Windows/System32/calc.exe',
    'http://example.org/',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'smb://evil/share',
    'ms-msdt:/id PCWDiagnostic',
    'app://copydesk/index.html',
    'https://user:pass@example.org/',
    'https://user@example.org/',
    '//example.org/x',
    'example.org',
    '',
  ])('refuses %j', (raw) => {
    const r = checkExternalUrl(raw);
    expect(r.ok).toBe(false);
  });

  it('refuses absurdly long URLs', () => {
    expect(checkExternalUrl(`https://example.org/${'a'.repeat(9000)}`).ok).toBe(false);
    expect(checkExternalUrl(`https://example.org/${'a'.repeat(100)}`).ok).toBe(true);
  });

  it('refuses values that are not strings', () => {
    expect(checkExternalUrl(undefined).ok).toBe(false);
    expect(checkExternalUrl({ toString: () => 'https://example.org' }).ok).toBe(false);
  });
});

describe('navigation and window.open decisions', () => {
  it('allows navigation only within app://copydesk', () => {
    expect(decideNavigation('app://copydesk/index.html#/article/1')).toEqual({ allow: true });
    expect(decideNavigation('app://copydesk.evil/index.html')).toEqual({
      allow: false,
      openExternal: null,
    });
    expect(decideNavigation('https://example.org/')).toEqual({
      allow: false,
      openExternal: 'https://example.org/',
    });
    expect(decideNavigation('file:///etc/passwd')).toEqual({ allow: false, openExternal: null });
  });

  it('never allows a new window, even for our own origin', () => {
    expect(decideWindowOpen('app://copydesk/index.html')).toEqual({
      allow: false,
      openExternal: null,
    });
    expect(decideWindowOpen('https://example.org/a')).toEqual({
      allow: false,
      openExternal: 'https://example.org/a',
    });
    expect(decideWindowOpen('javascript:alert(1)')).toEqual({ allow: false, openExternal: null });
  });
});

/** Stands in for Electron's WebContents: an emitter plus the window-open hook. */
class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  /** Emits like Electron does and reports whether a listener prevented the default. */
  fire(name: string, url: string): boolean {
    let prevented = false;
    this.emit(name, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

describe('hardenWebContents', () => {
  const setup = () => {
    const contents = new FakeContents();
    const opened: string[] = [];
    hardenWebContents(contents as never, (url) => opened.push(url));
    return { contents, opened };
  };

  it('blocks navigation away from the app and opens only safe links externally', () => {
    const { contents, opened } = setup();
    for (const name of ['will-navigate', 'will-frame-navigate']) {
      expect(contents.fire(name, 'app://copydesk/index.html')).toBe(false);
      expect(contents.fire(name, 'https://example.org/story')).toBe(true);
      expect(contents.fire(name, 'file:///etc/passwd')).toBe(true);
    }
    expect(contents.fire('will-redirect', 'https://example.org/elsewhere')).toBe(true);
    expect(opened).toEqual(['https://example.org/story', 'https://example.org/story']);
  });

  it('denies every window.open and hands only https/mailto to the system', () => {
    const { contents, opened } = setup();
    const open = contents.windowOpenHandler!;
    expect(open({ url: 'https://example.org/a' })).toEqual({ action: 'deny' });
    expect(open({ url: 'app://copydesk/index.html' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(open({ url: 'mailto:desk@example.org' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.org/a', 'mailto:desk@example.org']);
  });

  it('prevents webview attachment', () => {
    const { contents } = setup();
    expect(contents.fire('will-attach-webview', 'https://example.org')).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  it('answers every permission request and check with no', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      setDevicePermissionHandler: (h: never) => (handlers.device = h),
    };
    denyAllPermissions(session);
    const answers: boolean[] = [];
    const request = handlers.request as (c: unknown, p: string, cb: (ok: boolean) => void) => void;
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ]) {
      request({}, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(
      (handlers.check as (...a: unknown[]) => boolean)({}, 'media', 'app://copydesk', {}),
    ).toBe(false);
    expect((handlers.device as (...a: unknown[]) => boolean)({ deviceType: 'hid' })).toBe(false);
  });
});
