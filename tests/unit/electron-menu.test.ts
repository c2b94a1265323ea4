import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, menuLanguage, type MenuActions } from '../../src-main/electron/menu';

type Item = MenuItemConstructorOptions;
const sub = (i: Item | undefined): Item[] => (Array.isArray(i?.submenu) ? i.submenu : []);
const byLabel = (items: Item[], label: string) => items.find((i) => i.label === label);
const labels = (items: Item[]): string[] =>
  items.flatMap((i) => [...(i.label ? [i.label] : []), ...labels(sub(i))]);

function actions(): MenuActions & Record<string, ReturnType<typeof vi.fn>> {
  return {
    showShortcuts: vi.fn(),
    openLogFolder: vi.fn(),
    showAbout: vi.fn(),
    checkForUpdates: vi.fn(),
  } as never;
}

describe('application menu', () => {
  it('has Edit, View with zoom and full screen, Window and Help in the packaged app', () => {
    const t = buildMenuTemplate({ isMac: false, isDev: false, language: 'en' });
    expect(t.map((i) => i.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    const view = sub(byLabel(t, 'View'));
    expect(view.filter((i) => i.visible !== false).map((i) => i.role ?? i.type)).toEqual([
      'zoomIn',
      'zoomOut',
      'resetZoom',
      'separator',
      'togglefullscreen',
    ]);
    // Ctrl+= and the keypad zoom as well (Ctrl+Plus needs Shift on most keyboards).
    expect(
      view.filter((i) => i.visible === false).map((i) => `${i.role} ${String(i.accelerator)}`),
    ).toEqual([
      'zoomIn CommandOrControl+=',
      'zoomIn CommandOrControl+numadd',
      'zoomOut CommandOrControl+numsub',
      'resetZoom CommandOrControl+num0',
    ]);
    expect(sub(byLabel(t, 'File')).map((i) => i.role)).toEqual(['quit']);
  });

  it('adds reload and developer tools to View in development only', () => {
    const dev = sub(byLabel(buildMenuTemplate({ isMac: false, isDev: true }), 'View'));
    expect(dev.map((i) => i.role)).toEqual(
      expect.arrayContaining(['zoomIn', 'reload', 'toggleDevTools']),
    );
  });

  it('runs the Help actions: shortcuts, log folder, updates (when configured), About', () => {
    const a = actions();
    const help = sub(
      byLabel(buildMenuTemplate({ isMac: false, isDev: false, actions: a }), 'Help'),
    );
    expect(help.filter((i) => i.label).map((i) => i.label)).toEqual([
      'Keyboard Shortcuts',
      'Open Log Folder',
      'Check for Updates…',
      'About Copydesk',
    ]);
    for (const i of help) (i.click as (() => void) | undefined)?.();
    for (const f of ['showShortcuts', 'openLogFolder', 'checkForUpdates', 'showAbout'])
      expect(a[f]).toHaveBeenCalledTimes(1);
    const shortcuts = byLabel(help, 'Keyboard Shortcuts');
    expect(shortcuts).toMatchObject({ accelerator: 'F1', registerAccelerator: false });

    const { checkForUpdates: _none, ...withoutUpdates } = a;
    const plain = sub(
      byLabel(buildMenuTemplate({ isMac: false, isDev: false, actions: withoutUpdates }), 'Help'),
    );
    expect(byLabel(plain, 'Check for Updates…')).toBeUndefined();
  });

  it('is in German, every label translated', () => {
    const de = buildMenuTemplate({ isMac: false, isDev: true, language: 'de', actions: actions() });
    const en = buildMenuTemplate({ isMac: false, isDev: true, language: 'en', actions: actions() });
    expect(de.map((i) => i.label)).toEqual([
      'Datei',
      'Bearbeiten',
      'Darstellung',
      'Fenster',
      'Hilfe',
    ]);
    const deLabels = labels(de);
    const enLabels = labels(en);
    expect(deLabels).toHaveLength(enLabels.length);
    expect(deLabels).toContain('Vergrößern');
    expect(deLabels).toContain('Über Copydesk');
    // Same labels only where both languages say the same.
    const same = deLabels.filter((l, i) => l === enLabels[i]);
    expect(same).toEqual([]);
  });

  it('puts the app menu first on macOS and closes the window from File there', () => {
    const t = buildMenuTemplate({ isMac: true, isDev: false });
    expect(t[0]?.role).toBe('appMenu');
    expect(sub(t[1]).map((i) => i.role)).toEqual(['close']);
  });

  it('follows the Settings language, or the system when it says "system"', () => {
    expect(menuLanguage('de', 'en-US')).toBe('de');
    expect(menuLanguage('en', 'de-DE')).toBe('en');
    expect(menuLanguage('system', 'de-AT')).toBe('de');
    expect(menuLanguage('system', 'fr-FR')).toBe('en');
  });
});
