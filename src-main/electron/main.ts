/**
 * Electron main (out/main/index.js). Lifecycle and wiring only; every decision lives in a
 * small module beside this one that is tested without Electron.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
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
import { forwardCoreEvents, installIpcRouter } from './ipc-router';
import { buildMenuTemplate } from './menu';
import { resolveProfileDir } from './profile';
import { mainSecrets } from './secret-store';
import { secureWindowOptions } from './window-options';

const here = dirname(fileURLToPath(import.meta.url));
const PRELOAD_PATH = join(here, '../preload/index.cjs');
const RENDERER_ROOT = join(here, '../renderer');
const CORE_WORKER_PATH = join(here, 'core-worker.js');

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
  installIpcRouter({ ipcMain, core, isOurWebContents });
  forwardCoreEvents(core, () => liveWindows().map((w) => w.webContents));
  closeCoreBeforeQuit(core);

  const createMainWindow = () => {
    const win = new BrowserWindow(
      secureWindowOptions(PRELOAD_PATH, {
        width: 1280,
        height: 860,
        minWidth: 800,
        minHeight: 560,
        title: 'Copydesk',
        show: false,
        backgroundColor: '#ffffff',
      }),
    );
    windows.add(win);
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => windows.delete(win));
    win
      .loadURL(APP_ENTRY_URL)
      .catch((e: unknown) => console.error('copydesk: could not load the app', e));
  };

  app
    .whenReady()
    .then(() => {
      denyAllPermissions(session.defaultSession);
      handleAppProtocol(protocol, RENDERER_ROOT);
      const template = buildMenuTemplate({
        isMac: process.platform === 'darwin',
        isDev: !app.isPackaged,
      });
      Menu.setApplicationMenu(Menu.buildFromTemplate(template));
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
function closeCoreBeforeQuit(core: WorkerCoreClient): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    core
      .close()
      .catch((e: unknown) => console.error('copydesk: core did not close cleanly', e))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}
