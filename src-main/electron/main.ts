/**
 * Electron main (out/main/index.js). Lifecycle and wiring only; every decision lives in a
 * small module beside this one that is tested without Electron.
 */
import {
  app,
  BrowserWindow,
  crashReporter,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import type { WebContents } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCoreWorker, type WorkerCoreClient } from '../core/worker-client';
import { APP_ENTRY_URL } from './app-origin';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { denyAllPermissions, hardenWebContents } from './harden';
import { EVENT_CHANNEL } from './ipc-channels';
import { forwardCoreEvents, installIpcRouter } from './ipc-router';
import { APP_VERSION } from '../../src-shared/version';
import type { CoreEvent, Settings } from '../../src-shared/api';
import { logFolder, openDeskLog, silentLog, type DeskLog } from '../core/log/desk-log';
import { CrashLoopGuard, crashReporterSettings, reloadUrlAfterCrash } from './crash';
import { buildMenuTemplate, menuLanguage, menuStrings, type MenuActions } from './menu';
import { readWindowState, saveWindowStateOnClose } from './window-state-file';
import { startUpdates } from './updates-wiring';
import { resolveProfileDir } from './profile';
import { mainSecrets } from './secret-store';
import { secureWindowOptions } from './window-options';

const here = dirname(fileURLToPath(import.meta.url));
const PRELOAD_PATH = join(here, '../preload/index.cjs');
const RENDERER_ROOT = join(here, '../renderer');
const CORE_WORKER_PATH = join(here, 'core-worker.js');
const WINDOW_DEFAULTS = { width: 1280, height: 860, minWidth: 800, minHeight: 560 };

// Both must happen before 'ready'.
registerAppScheme(protocol);
app.enableSandbox();

const profileDir = profileFromArgv();
if (profileDir === null) {
  app.exit(2);
} else {
  // userData decides where Chromium keeps its lock, so setting it first makes the lock per profile.
  app.setPath('userData', profileDir);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
  } else {
    // Minidumps stay in the profile; uploading only where the newsroom configured a collector.
    app.setPath('crashDumps', join(profileDir, 'crashes'));
    crashReporter.start(crashReporterSettings(process.env));
    run(profileDir);
  }
}

function profileFromArgv(): string | null {
  try {
    return resolveProfileDir(process.argv.slice(1), app.getPath('userData'), process.cwd());
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return null;
  }
}

function run(profileDir: string): void {
  let log: DeskLog = silentLog;
  const logReady = openDeskLog(profileDir, { source: 'main' }).then(
    (l) => {
      log = l;
      l.info('main.start', {
        version: APP_VERSION,
        electron: process.versions.electron ?? null,
        platform: process.platform,
        packaged: app.isPackaged,
      });
    },
    (e: unknown) => console.error('copydesk: no log file', e),
  );
  const windows = new Set<BrowserWindow>();
  const liveWindows = () => [...windows].filter((w) => !w.isDestroyed());
  const isOurWebContents = (contents: WebContents) =>
    liveWindows().some((w) => w.webContents === contents);
  const openExternal = (url: string) => {
    shell
      .openExternal(url)
      .catch((e: unknown) => console.error('copydesk: could not open link', e));
  };

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
  app.on('second-instance', () => {
    const win = liveWindows()[0];
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });

  // The sync token is kept with safeStorage (OS keychain); the core worker asks main for it.
  const secrets = mainSecrets(safeStorage, { platform: process.platform }, () => app.whenReady());
  const core = startCoreWorker(
    { profileDir, host: 'electron' },
    { workerPath: CORE_WORKER_PATH, secrets },
  );
  // app.openLogFolder needs the shell, which only main has; every other call goes to the core.
  const openLogs = async () => (await shell.openPath(logFolder(profileDir))) === '';
  const routed = {
    call: async (method: string, input: unknown) =>
      method === 'app.openLogFolder'
        ? { ok: true as const, value: { opened: await openLogs(), path: logFolder(profileDir) } }
        : core.call(method, input),
  };
  installIpcRouter({ ipcMain, core: routed, isOurWebContents });
  forwardCoreEvents(core, () => liveWindows().map((w) => w.webContents));
  closeCoreBeforeQuit(core, () => log.close());

  const sendCommand = (command: 'shortcuts' | 'about') => {
    const win = BrowserWindow.getFocusedWindow() ?? liveWindows()[0];
    const event: CoreEvent = { type: 'app.command', command };
    win?.webContents.send(EVENT_CHANNEL, event);
  };
  let menuActions: MenuActions = {
    showShortcuts: () => sendCommand('shortcuts'),
    showAbout: () => sendCommand('about'),
    openLogFolder: () => void openLogs(),
  };
  const setMenu = (language: Settings['language']) => {
    const template = buildMenuTemplate({
      isMac: process.platform === 'darwin',
      isDev: !app.isPackaged,
      language: menuLanguage(language, app.getLocale()),
      actions: menuActions,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  const menuFromSettings = async () => {
    const r = await core.call('settings.get', {});
    setMenu(r.ok ? (r.value as Settings).language : 'system');
  };
  core.onEvent((e) => {
    if (e.type === 'settings.updated') void menuFromSettings();
  });

  app.on('child-process-gone', (_event, details) => {
    log.error('child-process-gone', new Error(`${details.type} ${details.reason}`), {
      type: details.type,
      reason: details.reason,
      exitCode: details.exitCode,
    });
  });

  const createMainWindow = () => {
    const restored = readWindowState(
      profileDir,
      screen.getAllDisplays().map((d) => d.workArea),
      WINDOW_DEFAULTS,
    );
    const win = new BrowserWindow(
      secureWindowOptions(PRELOAD_PATH, {
        ...restored.bounds,
        minWidth: WINDOW_DEFAULTS.minWidth,
        minHeight: WINDOW_DEFAULTS.minHeight,
        title: 'Copydesk',
        show: false,
        backgroundColor: '#ffffff',
      }),
    );
    windows.add(win);
    win.once('ready-to-show', () => {
      if (restored.maximized) win.maximize();
      if (restored.fullScreen) win.setFullScreen(true);
      win.show();
    });
    saveWindowStateOnClose(win, profileDir);
    win.on('closed', () => windows.delete(win));
    const crashes = new CrashLoopGuard();
    win.webContents.on('render-process-gone', (_event, details) => {
      log.error('render-process-gone', new Error(details.reason), {
        reason: details.reason,
        exitCode: details.exitCode,
      });
      if (details.reason === 'clean-exit' || win.isDestroyed()) return;
      if (!crashes.mayReload(Date.now())) {
        const s = menuStrings(menuLanguage('system', app.getLocale()));
        dialog.showErrorBox(s.crashLoopTitle, s.crashLoopMessage);
        return;
      }
      // The page is gone, the data is not: every keystroke was stored before it got here.
      win
        .loadURL(reloadUrlAfterCrash(win.webContents.getURL()))
        .catch((e: unknown) => log.error('window.reload_failed', e));
    });
    win
      .loadURL(APP_ENTRY_URL)
      .catch((e: unknown) => console.error('copydesk: could not load the app', e));
  };

  app
    .whenReady()
    .then(() => {
      denyAllPermissions(session.defaultSession);
      handleAppProtocol(protocol, RENDERER_ROOT);
      setMenu('system');
      void core.ready.then(menuFromSettings, () => undefined);
      void logReady.then(async () => {
        const updates = await startUpdates({
          log,
          openWork: async () => {
            const r = await core.call('sync.status', {});
            return {
              unsaved: false,
              unsynced: r.ok ? (r.value as { pending: number }).pending : 1,
            };
          },
          strings: () => menuStrings(menuLanguage('system', app.getLocale())),
        });
        if (updates) {
          menuActions = { ...menuActions, checkForUpdates: () => void updates.checkNow() };
          await menuFromSettings();
        }
      });
      core.ready.catch((e: unknown) => {
        dialog.showErrorBox(
          'Copydesk cannot open its data',
          e instanceof Error ? e.message : String(e),
        );
        app.quit();
      });
      createMainWindow();
      app.on('activate', () => {
        if (liveWindows().length === 0) createMainWindow();
      });
    })
    .catch((e: unknown) => {
      console.error('copydesk: start-up failed', e);
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

/** Holds the quit until the core has closed its database, so no write is cut off. */
function closeCoreBeforeQuit(core: WorkerCoreClient, closeLog: () => Promise<void>): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void core
      .close()
      .catch((e: unknown) => console.error('copydesk: core did not close cleanly', e))
      .then(closeLog)
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}
