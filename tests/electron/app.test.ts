/**
 * The real Electron app, driven by Playwright's _electron. Runs where the Electron binary is
 * installed (a developer laptop, CI with xvfb); anywhere else every test is skipped with the
 * reason, because there is nothing real to launch.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/processes';
import { tempDir } from '../support/tmp';

const MAIN_JS = join(repoRoot, 'out', 'main', 'index.js');
/** Made by `npm run electron:setup`; node_modules holds the Node build of the driver. */
const SQLITE_FOR_ELECTRON = join(repoRoot, '.electron-native', 'better_sqlite3.node');

/** The Electron executable, or why there is none here. */
function findElectron(): { path: string } | { missing: string } {
  let path: unknown;
  try {
    // The electron package's main export is the path of its binary; it throws when the
    // download was skipped (allowScripts: electron false).
    path = createRequire(import.meta.url)('electron');
  } catch (e) {
    return { missing: e instanceof Error ? e.message : String(e) };
  }
  if (typeof path !== 'string') return { missing: 'require("electron") did not return a path' };
  if (!existsSync(path)) return { missing: `${path} does not exist` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { missing: 'no display; run under xvfb-run' };
  }
  if (!existsSync(SQLITE_FOR_ELECTRON)) {
    return { missing: 'no SQLite driver built for Electron; run "npm run electron:setup" once' };
  }
  return { path };
}

const electron = findElectron();
const skipReason =
  'missing' in electron ? `Electron binary not available here: ${electron.missing}` : null;
if (skipReason) console.warn(`tests/electron skipped. ${skipReason}`);
const electronPath = 'path' in electron ? electron.path : '';

const running: ElectronApplication[] = [];
const cleanups: (() => void)[] = [];

async function launch(
  profileDir: string,
): Promise<{ app: ElectronApplication; page: Page; errors: string[] }> {
  // Playwright passes --no-sandbox unless chromiumSandbox is set; the renderer sandbox
  // (webPreferences.sandbox) still applies, which is what these tests check.
  const app = await _electron.launch({
    executablePath: electronPath,
    args: [MAIN_JS, '--profile', profileDir],
    cwd: repoRoot,
    locale: 'en-US',
    env: {
      ...process.env,
      ELECTRON_ENABLE_LOGGING: '1',
      COPYDESK_SQLITE_BINDING: SQLITE_FOR_ELECTRON,
    },
  });
  running.push(app);
  const page = await app.firstWindow();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.getByRole('button', { name: 'New article' }).waitFor({ timeout: 30_000 });
  return { app, page, errors };
}

function profile(): string {
  const t = tempDir('copydesk-electron-');
  cleanups.push(t.cleanup);
  return t.dir;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close().catch(() => undefined)));
  for (const c of cleanups.splice(0)) c();
});

describe.skipIf(skipReason !== null)(skipReason ?? 'Electron app', () => {
  beforeAll(() => {
    for (const file of [
      MAIN_JS,
      join(repoRoot, 'out/main/core-worker.js'),
      join(repoRoot, 'out/preload/index.cjs'),
      join(repoRoot, 'out/renderer/index.html'),
    ]) {
      if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first.`);
    }
  });

  it('serves the renderer from app:// with no Node in the page and window.copydesk bridged', async () => {
    const { page, errors } = await launch(profile());
    expect(page.url()).toMatch(/^app:\/\/copydesk\//);
    const globals = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown> & {
        copydesk?: Record<string, unknown>;
      };
      return {
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        Buffer: typeof w.Buffer,
        copydesk: typeof w.copydesk,
        call: typeof w.copydesk?.call,
        onEvent: typeof w.copydesk?.onEvent,
        keys: Object.keys(w.copydesk ?? {}).sort(),
      };
    });
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
      copydesk: 'object',
      call: 'function',
      onEvent: 'function',
      keys: ['call', 'onEvent'],
    });
    expect(errors).toEqual([]);
  });

  it('creates an article with the "New article" button and lists it', async () => {
    const { page, errors } = await launch(profile());
    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByLabel('Headline').fill('Münster/LWL: Neue Ausstellung im Landesmuseum');
    const list = page.getByRole('list', { name: 'Articles' });
    await expect
      .poll(() => list.getByText('Münster/LWL: Neue Ausstellung im Landesmuseum').count(), {
        timeout: 10_000,
      })
      .toBe(1);
    const stored = await page.evaluate(() => window.copydesk!.call('articles.list', {}));
    expect(stored).toMatchObject({ ok: true, value: { total: 1 } });
    expect(errors).toEqual([]);
  });

  it('validates IPC arguments in main', async () => {
    const { page } = await launch(profile());
    const answers = await page.evaluate(async () => {
      const bridge = window.copydesk!;
      return [
        await bridge.call('articles.get', { id: 'not-a-uuid' }),
        await bridge.call('db.exec' as 'articles.list', { sql: 'DROP TABLE articles' }),
        await bridge.call('articles.list', { limit: 5, extra: true }),
      ];
    });
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual([
      'invalid_input',
      'unknown_method',
      'invalid_input',
    ]);
  });

  it('sends the strict CSP, blocks inline script and refuses path traversal', async () => {
    const { page } = await launch(profile());
    const result = await page.evaluate(async () => {
      const res = await fetch('app://copydesk/index.html');
      const traversal = await fetch('app://copydesk/..%2f..%2fpackage.json');
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      await new Promise((r) => setTimeout(r, 50));
      return {
        csp: res.headers.get('content-security-policy'),
        traversal: traversal.status,
        inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false,
      };
    });
    expect(result.csp).toMatch(/script-src 'self'/);
    expect(result.csp).not.toMatch(/'unsafe-(inline|eval)'/); // 'wasm-unsafe-eval' is allowed
    expect(result.traversal).toBe(400);
    expect(result.inlineRan).toBe(false);
  });

  it('denies window.open and navigation away from the app', async () => {
    const { app, page } = await launch(profile());
    // Neither URL qualifies for openExternal, so no browser opens on the test machine.
    const opened = await page.evaluate(
      () =>
        window.open('app://copydesk/index.html') === null &&
        window.open('http://example.org/') === null,
    );
    expect(opened).toBe(true);
    await page.evaluate(() => {
      location.href = 'file:///etc/passwd';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/copydesk\//);
    expect(app.windows()).toHaveLength(1);
    const permission = await page.evaluate(async () => {
      try {
        const status = await navigator.permissions.query({ name: 'geolocation' });
        return status.state;
      } catch (e) {
        return `error: ${String(e)}`;
      }
    });
    expect(permission).not.toBe('granted');
  });

  it('keeps one instance per profile: a second start on the same profile exits', async () => {
    const dir = profile();
    await launch(dir);
    const second = spawn(electronPath, [MAIN_JS, '--profile', dir, '--no-sandbox'], {
      cwd: repoRoot,
      stdio: 'ignore',
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        second.kill('SIGKILL');
        reject(new Error('the second instance kept running'));
      }, 20_000);
      second.once('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code).toBe(0);

    // Another profile is another instance.
    const other = await launch(profile());
    expect(other.page.url()).toMatch(/^app:\/\/copydesk\//);
  });

  it('has the packaged menu: View zooms, Help names the version and the log folder', async () => {
    const { app } = await launch(profile());
    const menu = await app.evaluate(({ Menu }) =>
      Menu.getApplicationMenu()!.items.map((i) => ({
        label: i.label,
        items: i.submenu?.items.map((s) => s.role?.toLowerCase() ?? s.label) ?? [],
      })),
    );
    const view = menu.find((m) => m.label === 'View')!;
    expect(view.items).toEqual(
      expect.arrayContaining(['zoomin', 'zoomout', 'resetzoom', 'togglefullscreen']),
    );
    const help = menu.find((m) => m.label === 'Help')!;
    expect(help.items).toEqual(
      expect.arrayContaining(['Keyboard Shortcuts', 'Open Log Folder', 'About Copydesk']),
    );
  });

  it('reloads the open article after the renderer process dies, and logs it', async () => {
    const dir = profile();
    const { app, page } = await launch(dir);
    await page.getByRole('button', { name: 'New article' }).click();
    await page.locator('[contenteditable="true"][data-ready="true"]').waitFor();
    await page.keyboard.type('Vor dem Absturz getippt');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="save-status"]')?.textContent === 'Saved',
    );
    const before = page.url();
    expect(before).toMatch(/#article=/);
    await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer(),
    );
    const reloaded = app.windows()[0]!;
    await reloaded.waitForFunction(() => location.hash.startsWith('#article='), undefined, {
      timeout: 30_000,
    });
    await reloaded.getByText('Vor dem Absturz getippt').waitFor({ timeout: 30_000 });
    const logs = readdirSync(join(dir, 'logs')).filter((f) => f.startsWith('main.'));
    const text = logs.map((f) => readFileSync(join(dir, 'logs', f), 'utf8')).join('');
    expect(text).toContain('render-process-gone');
    expect(text).not.toContain('Vor dem Absturz');
  });

  it('remembers the window size and position', async () => {
    const dir = profile();
    const first = await launch(dir);
    await first.app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]!.setBounds({ x: 40, y: 30, width: 1000, height: 700 }),
    );
    await first.app.close();
    const second = await launch(dir);
    const bounds = await second.app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]!.getBounds(),
    );
    expect(bounds).toMatchObject({ width: 1000, height: 700 });
  });
});
