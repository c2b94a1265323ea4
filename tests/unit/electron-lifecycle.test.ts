import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../src-main/electron/menu';
import { resolveProfileDir } from '../../src-main/electron/profile';
import { APP_SCHEME_PRIVILEGES } from '../../src-main/electron/app-protocol';
import type { MenuItemConstructorOptions } from 'electron';

describe('resolveProfileDir', () => {
  const fallback = '/home/ed/.config/Copydesk';
  it('uses --profile DIR or --profile=DIR, resolved against the working folder', () => {
    expect(resolveProfileDir(['out/main/index.js', '--profile', '/tmp/p1'], fallback, '/w')).toBe(
      '/tmp/p1',
    );
    expect(resolveProfileDir(['.', '--profile=rel/p2'], fallback, '/w')).toBe('/w/rel/p2');
    expect(resolveProfileDir(['.', '--profile', 'a', '--profile', 'b'], fallback, '/w')).toBe(
      '/w/b',
    );
  });

  it('falls back to userData without the flag', () => {
    expect(resolveProfileDir(['.', '--inspect=0', '--profiles'], fallback, '/w')).toBe(fallback);
  });

  it.each([[['--profile']], [['--profile', '']], [['--profile', '--inspect']], [['--profile=']]])(
    'refuses a missing folder: %j',
    (argv) => {
      expect(() => resolveProfileDir(argv, fallback, '/w')).toThrow(/--profile/);
    },
  );
});

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [
    ...(i.role ? [i.role] : []),
    ...(Array.isArray(i.submenu) ? roles(i.submenu) : []),
  ]);
}

describe('buildMenuTemplate', () => {
  it('always has the edit roles', () => {
    const r = roles(buildMenuTemplate({ isMac: false, isDev: false }));
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'])
      expect(r).toContain(role);
  });

  it('offers reload and dev tools only in development', () => {
    expect(roles(buildMenuTemplate({ isMac: false, isDev: false }))).not.toContain('reload');
    expect(roles(buildMenuTemplate({ isMac: false, isDev: false }))).not.toContain(
      'toggleDevTools',
    );
    expect(roles(buildMenuTemplate({ isMac: false, isDev: true }))).toContain('reload');
  });

  it('adds the app menu on macOS only', () => {
    expect(roles(buildMenuTemplate({ isMac: true, isDev: false }))).toContain('appMenu');
    expect(roles(buildMenuTemplate({ isMac: false, isDev: false }))).not.toContain('appMenu');
  });
});

describe('app:// scheme privileges', () => {
  it('is a secure standard scheme that does not bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true },
    });
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).not.toBe(true);
    expect(APP_SCHEME_PRIVILEGES.privileges?.allowServiceWorkers).not.toBe(true);
    expect(APP_SCHEME_PRIVILEGES.privileges?.corsEnabled).not.toBe(true);
  });
});
