/**
 * The application menu, built by a pure function from the platform, the UI language and the
 * actions main wires in. Edit roles make copy/paste/undo work everywhere; View zooms in every
 * build (reload and developer tools only in development); Help has the shortcuts, the log folder
 * and About. Labels come from the renderer's EN/DE messages, so one file holds each language.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { en } from '../../src-renderer/i18n/en';
import { de } from '../../src-renderer/i18n/de';

export type MenuLanguage = 'en' | 'de';
export type MenuStrings = (typeof en)['menu'];

export interface MenuActions {
  showShortcuts(): void;
  openLogFolder(): void;
  showAbout(): void;
  /** Present only when an update feed is configured. */
  checkForUpdates?: () => void;
}

export interface MenuOptions {
  isMac: boolean;
  isDev: boolean;
  language?: MenuLanguage;
  actions?: MenuActions;
}

const noop = () => {};
const NO_ACTIONS: MenuActions = { showShortcuts: noop, openLogFolder: noop, showAbout: noop };

export function menuStrings(language: MenuLanguage): MenuStrings {
  return language === 'de' ? de.menu : en.menu;
}

/** The menu's language: the Settings choice, or the system's when Settings says "system". */
export function menuLanguage(setting: 'system' | MenuLanguage, systemLocale: string): MenuLanguage {
  if (setting !== 'system') return setting;
  return systemLocale.toLowerCase().startsWith('de') ? 'de' : 'en';
}

export function buildMenuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const s = menuStrings(opts.language ?? 'en');
  const actions = opts.actions ?? NO_ACTIONS;
  const template: MenuItemConstructorOptions[] = [];
  if (opts.isMac) template.push({ role: 'appMenu' });
  template.push({
    label: s.file,
    submenu: [opts.isMac ? { role: 'close', label: s.close } : { role: 'quit', label: s.quit }],
  });
  template.push({
    label: s.edit,
    submenu: [
      { role: 'undo', label: s.undo },
      { role: 'redo', label: s.redo },
      { type: 'separator' },
      { role: 'cut', label: s.cut },
      { role: 'copy', label: s.copy },
      { role: 'paste', label: s.paste },
      { role: 'pasteAndMatchStyle', label: s.pasteAndMatchStyle },
      { role: 'delete', label: s.delete },
      { role: 'selectAll', label: s.selectAll },
    ],
  });
  const view: MenuItemConstructorOptions[] = [
    { role: 'zoomIn', label: s.zoomIn },
    { role: 'zoomOut', label: s.zoomOut },
    { role: 'resetZoom', label: s.resetZoom },
    // The zoomIn role's accelerator is Ctrl+Plus, which needs Shift on most layouts: Ctrl+= (and
    // the keypad's +/−) zoom too, through hidden items.
    { role: 'zoomIn', accelerator: 'CommandOrControl+=', visible: false },
    { role: 'zoomIn', accelerator: 'CommandOrControl+numadd', visible: false },
    { role: 'zoomOut', accelerator: 'CommandOrControl+numsub', visible: false },
    { role: 'resetZoom', accelerator: 'CommandOrControl+num0', visible: false },
    { type: 'separator' },
    { role: 'togglefullscreen', label: s.fullScreen },
  ];
  if (opts.isDev) {
    view.push(
      { type: 'separator' },
      { role: 'reload', label: s.reload },
      { role: 'forceReload' },
      { role: 'toggleDevTools', label: s.devTools },
    );
  }
  template.push({ label: s.view, submenu: view });
  template.push({
    label: s.window,
    role: 'window',
    submenu: [
      { role: 'minimize', label: s.minimize },
      { role: 'close', label: s.close },
    ],
  });
  const help: MenuItemConstructorOptions[] = [
    // F1 is handled by the page itself (it toggles the panel); the menu only shows the key.
    {
      label: s.shortcuts,
      accelerator: 'F1',
      registerAccelerator: false,
      click: () => actions.showShortcuts(),
    },
    { label: s.openLogs, click: () => actions.openLogFolder() },
  ];
  const checkForUpdates = actions.checkForUpdates;
  if (checkForUpdates) help.push({ label: s.checkUpdates, click: () => checkForUpdates() });
  help.push({ type: 'separator' }, { label: s.about, click: () => actions.showAbout() });
  template.push({ label: s.help, role: 'help', submenu: help });
  return template;
}
