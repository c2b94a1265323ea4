/**
 * The built Electron main (out/main/index.js) run under plain Node with a stand-in for the
 * 'electron' module, so that its wiring is checked on machines without the Electron binary:
 * order of start-up steps, the secure window, app:// serving, the IPC router, and the real core
 * worker (out/main/core-worker.js) with real SQLite. Electron itself is the one fake here.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/processes';
import { tempDir } from '../support/tmp';

const MAIN_JS = join(repoRoot, 'out', 'main', 'index.js');

/** Records every Electron call main makes as one JSON line, and plays a short session. */
const FAKE_ELECTRON = String.raw`
import { EventEmitter } from 'node:events';
const record = (ev, data = {}) => process.stdout.write(JSON.stringify({ ev, ...data }) + '\n');
const lockGranted = process.env.FAKE_LOCK !== 'deny';
let userData = '/nonexistent/default-user-data';
let isReady = false;
let resolveReady;
const ready = new Promise((r) => (resolveReady = r));
const appEvents = new EventEmitter();
export const app = Object.assign(appEvents, {
  isPackaged: true,
  getPath: (name) => (name === 'userData' ? userData : '/nonexistent/' + name),
  setPath: (name, value) => { record('setPath', { name, value, isReady }); if (name === 'userData') userData = value; },
  requestSingleInstanceLock: () => { record('lock', { userData, granted: lockGranted }); return lockGranted; },
  enableSandbox: () => record('enableSandbox', { isReady }),
  whenReady: () => ready,
  getLocale: () => 'de-DE',
  quit: () => {
    record('quit');
    const event = { prevented: false, preventDefault() { this.prevented = true; } };
    appEvents.emit('will-quit', event);
    if (!event.prevented) setTimeout(() => process.exit(0), 0);
  },
  exit: (code) => { record('exit', { code }); process.exit(code); },
});
const ipcHandlers = new Map();
let appHandler = null;
export const protocol = {
  registerSchemesAsPrivileged: (schemes) => record('privileged', { schemes, isReady }),
  handle: (scheme, handler) => { record('protocol.handle', { scheme, isReady }); if (scheme === 'app') appHandler = handler; },
};
export const ipcMain = {
  handle: (channel, handler) => { record('ipc.handle', { channel }); ipcHandlers.set(channel, handler); },
  removeHandler: (channel) => ipcHandlers.delete(channel),
};
const permissionAnswers = [];
export const session = { defaultSession: {
  setPermissionRequestHandler: (h) => h({}, 'media', (granted) => record('permission.request', { granted })),
  setPermissionCheckHandler: (h) => record('permission.check', { granted: h({}, 'media', 'app://copydesk', {}) }),
  setDevicePermissionHandler: (h) => record('permission.device', { granted: h({ deviceType: 'hid' }) }),
} };
export const shell = {
  openExternal: async (url) => record('openExternal', { url }),
  openPath: async (path) => { record('openPath', { path }); return ''; },
};
export const crashReporter = { start: (options) => record('crashReporter', { options, isReady }) };
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (s) => Buffer.from('enc:' + s),
  decryptString: (b) => b.toString().slice(4),
};
export const dialog = {
  showErrorBox: (title, message) => record('errorBox', { title, message }),
  showMessageBox: async (options) => { record('messageBox', { options }); return { response: 1 }; },
};
export const Menu = {
  buildFromTemplate: (t) => t,
  setApplicationMenu: (m) => record('menu', { size: m.length, labels: m.map((i) => i.label ?? i.role) }),
};
let windowsMade = [];
export class BrowserWindow extends EventEmitter {
  static getFocusedWindow() { return windowsMade[0] ?? null; }
  getNormalBounds() { return { x: 10, y: 20, width: 1000, height: 700 }; }
  isMaximized() { return false; }
  isFullScreen() { return false; }
  maximize() {}
  setFullScreen() {}
  constructor(options) {
    super();
    record('window', { options, isReady });
    windowsMade.push(this);
    this.url = '';
    const win = this;
    this.webContents = Object.assign(new EventEmitter(), {
      setWindowOpenHandler: (h) => { win.openHandler = h; },
      getURL: () => win.url,
      isDestroyed: () => false,
      send: (channel, payload) => record('send', { channel, payload }),
    });
    appEvents.emit('web-contents-created', {}, this.webContents);
  }
  isDestroyed() { return false; }
  isMinimized() { return false; }
  show() {}
  focus() {}
  async loadURL(url) {
    this.url = url;
    const res = await appHandler(new Request(url));
    record('loaded', { url, status: res.status, csp: res.headers.get('content-security-policy'), body: (await res.text()).slice(0, 4000) });
    const traversal = await appHandler(new Request('app://copydesk/..%2f..%2fpackage.json'));
    record('traversal', { status: traversal.status });
    record('windowOpen', { answer: this.openHandler({ url: 'https://example.org/x' }) });
    const call = ipcHandlers.get('copydesk:call');
    const frame = { url, parent: null };
    const ours = { sender: this.webContents, senderFrame: frame };
    const input = JSON.parse(process.env.FAKE_CALL ?? '{}');
    record('call', { result: await call(ours, input) });
    record('call', { result: await call(ours, { method: 'articles.list', input: {} }) });
    record('call', { result: await call({ sender: {}, senderFrame: frame }, { method: 'articles.list', input: {} }) });
    setTimeout(() => app.quit(), 50);
  }
}
setTimeout(() => { isReady = true; appEvents.emit('ready'); resolveReady(); }, 20);
`;

const HOOKS = `
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: new URL('./fake-electron.mjs', import.meta.url).href, shortCircuit: true };
  return next(specifier, context);
}
`;

type Line = { ev: string } & Record<string, unknown>;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function runMain(
  profileDir: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; lines: Line[]; stderr: string }> {
  const t = tempDir('copydesk-fake-electron-');
  cleanups.push(t.cleanup);
  await writeFile(join(t.dir, 'fake-electron.mjs'), FAKE_ELECTRON);
  await writeFile(join(t.dir, 'hooks.mjs'), HOOKS);
  await writeFile(
    join(t.dir, 'register.mjs'),
    `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`,
  );
  const child = spawn(
    process.execPath,
    ['--import', pathToFileURL(join(t.dir, 'register.mjs')).href, MAIN_JS, '--profile', profileDir],
    { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`main did not exit.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, 30_000);
    child.once('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  const lines = stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Line);
  return { code, lines, stderr };
}

const of = (lines: Line[], ev: string) => lines.filter((l) => l.ev === ev);
const createCall = (headline: string) =>
  JSON.stringify({ method: 'articles.create', input: { fields: { headline } } });

describe('built Electron main, wired to a stand-in electron module', () => {
  beforeAll(() => {
    const built = [
      'out/main/index.js',
      'out/main/core-worker.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
    ];
    for (const f of built) {
      if (!existsSync(join(repoRoot, f)))
        throw new Error(`${f} is missing: run "npm run build" first.`);
    }
  });

  it('starts in the right order, locks down the window and serves calls through the core worker', async () => {
    const profile = tempDir('copydesk-profile-');
    cleanups.push(profile.cleanup);
    const { code, lines, stderr } = await runMain(profile.dir, {
      FAKE_CALL: createCall('Kreistag tagt'),
    });
    expect(code, stderr).toBe(0);
    const order = lines.map((l) => l.ev);

    // Before ready: privileged scheme, sandbox, profile path, then the lock on that path.
    expect(of(lines, 'privileged')[0]).toMatchObject({
      isReady: false,
      schemes: [{ scheme: 'app' }],
    });
    expect(of(lines, 'enableSandbox')[0]).toMatchObject({ isReady: false });
    expect(of(lines, 'setPath')[0]).toMatchObject({
      name: 'userData',
      value: profile.dir,
      isReady: false,
    });
    expect(of(lines, 'lock')[0]).toMatchObject({ userData: profile.dir, granted: true });
    expect(order.indexOf('setPath')).toBeLessThan(order.indexOf('lock'));

    // After ready: permissions denied, app:// handled, one secure window.
    expect(of(lines, 'permission.request')[0]).toMatchObject({ granted: false });
    expect(of(lines, 'permission.check')[0]).toMatchObject({ granted: false });
    expect(of(lines, 'permission.device')[0]).toMatchObject({ granted: false });
    expect(of(lines, 'protocol.handle')[0]).toMatchObject({ scheme: 'app', isReady: true });
    const windows = of(lines, 'window');
    expect(windows).toHaveLength(1);
    const prefs = (windows[0]!.options as { webPreferences: Record<string, unknown> })
      .webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
      preload: join(repoRoot, 'out', 'preload', 'index.cjs'),
    });
    expect(of(lines, 'ipc.handle').map((l) => l.channel)).toEqual(['copydesk:call']);

    const loaded = of(lines, 'loaded')[0]!;
    expect(loaded).toMatchObject({ url: 'app://copydesk/index.html' });
    expect(loaded.status).toBe(200);
    expect(loaded.body).toContain('<div id="root">');
    expect(loaded.csp).toMatch(/^default-src 'none'; script-src 'self'/);
    expect(of(lines, 'traversal')[0]).toMatchObject({ status: 400 });
    expect(of(lines, 'windowOpen')[0]).toMatchObject({ answer: { action: 'deny' } });
    expect(of(lines, 'openExternal')).toEqual([
      { ev: 'openExternal', url: 'https://example.org/x' },
    ]);

    const [created, listed, foreign] = of(lines, 'call').map(
      (l) => l.result as Record<string, unknown>,
    );
    expect(created).toMatchObject({ ok: true, value: { headline: 'Kreistag tagt' } });
    const id = (created as { value: { id: string } }).value.id;
    expect(listed).toMatchObject({ ok: true, value: { total: 1, items: [{ id }] } });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(of(lines, 'send')).toContainEqual({
      ev: 'send',
      channel: 'copydesk:event',
      payload: { type: 'article.created', id, origin: 'local' },
    });
    expect(existsSync(join(profile.dir, 'copydesk.db'))).toBe(true);

    // Crash dumps in the profile, never uploaded without a configured collector.
    expect(of(lines, 'setPath')).toContainEqual(
      expect.objectContaining({ name: 'crashDumps', value: join(profile.dir, 'crashes') }),
    );
    expect(of(lines, 'crashReporter')[0]).toMatchObject({
      isReady: false,
      options: { uploadToServer: false, submitURL: '' },
    });
    // The packaged app's menu, in the system's language (de-DE here), with View for zooming.
    expect(of(lines, 'menu').at(-1)).toMatchObject({
      labels: ['Datei', 'Bearbeiten', 'Darstellung', 'Fenster', 'Hilfe'],
    });
    // Main and core write their logs into the profile.
    const logs = readdirSync(join(profile.dir, 'logs'));
    expect(logs.some((f) => f.startsWith('main.'))).toBe(true);
    expect(logs.some((f) => f.startsWith('desk.'))).toBe(true);
    const mainLog = logs
      .filter((f) => f.startsWith('main.'))
      .map((f) => readFileSync(join(profile.dir, 'logs', f), 'utf8'))
      .join('');
    expect(mainLog).toContain('"main.start"');
    expect(mainLog).not.toContain('Kreistag');

    // The quit waited for the core: a second run on the profile finds the article.
    const again = await runMain(profile.dir, { FAKE_CALL: createCall('Zweiter Start') });
    expect(again.code, again.stderr).toBe(0);
    const relisted = of(again.lines, 'call')[1]!.result;
    expect(relisted).toMatchObject({ ok: true, value: { total: 2 } });
  });

  it('opens the log folder through the shell for app.openLogFolder', async () => {
    const profile = tempDir('copydesk-profile-');
    cleanups.push(profile.cleanup);
    const { code, lines, stderr } = await runMain(profile.dir, {
      FAKE_CALL: JSON.stringify({ method: 'app.openLogFolder', input: {} }),
    });
    expect(code, stderr).toBe(0);
    const logs = join(profile.dir, 'logs');
    expect(of(lines, 'call')[0]!.result).toEqual({ ok: true, value: { opened: true, path: logs } });
    expect(of(lines, 'openPath')).toEqual([{ ev: 'openPath', path: logs }]);
  });

  it('quits at once, without a window or a core, when the profile is already open', async () => {
    const profile = tempDir('copydesk-profile-');
    cleanups.push(profile.cleanup);
    const { code, lines } = await runMain(profile.dir, { FAKE_LOCK: 'deny' });
    expect(code).toBe(0);
    expect(of(lines, 'lock')[0]).toMatchObject({ userData: profile.dir, granted: false });
    expect(of(lines, 'quit')).toHaveLength(1);
    expect(of(lines, 'window')).toEqual([]);
    expect(of(lines, 'ipc.handle')).toEqual([]);
    expect(existsSync(join(profile.dir, 'copydesk.db'))).toBe(false);
  });

  it('refuses a --profile without a folder', async () => {
    const { code, lines, stderr } = await runMain('--other-flag');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--profile needs a folder/);
    expect(of(lines, 'lock')).toEqual([]);
  });
});
