/**
 * What `npm start` / `npm run start:browser` run after the build:
 *
 * 1. A publishing backend: `--server URL` if given, else the embedded local one on
 *    127.0.0.1:8787 (data in ~/.copydesk/server) with the demo users and the fixture article
 *    published. A second launch (another --profile) reuses the backend already running.
 * 2. The profile signed in to it (demo backend only: as --user, default "editor", whose demo
 *    password equals the name).
 * 3. The desktop app: Electron where it can start, else (or with --browser) browser mode.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '../src-main/core/core';
import { openFolderWithSystem } from '../src-main/harness/open-folder';
import type { CoreHandle } from '../src-main/core/types';
import { defaultProfileDir, parsePort, repoRoot, runBrowserMode } from '../src-main/harness/run';
import { seedDemoContent } from '../src-server/demo/content';
import { startServer, DEMO_USERS } from '../src-server/server';
import { openServerLogFile } from '../src-server/log-file';

const { values } = parseArgs({
  options: {
    browser: { type: 'boolean', default: false },
    profile: { type: 'string' },
    port: { type: 'string' },
    user: { type: 'string', default: 'editor' },
    server: { type: 'string' },
    'server-port': { type: 'string' },
    'server-data': { type: 'string' },
  },
  strict: true,
});

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function isCopydeskServer(url: string): Promise<boolean> {
  try {
    const r = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
    return r.ok && ((await r.json()) as { ok?: boolean }).ok === true;
  } catch {
    return false;
  }
}

/** The embedded backend: started here, or the one another launch already runs on the port. */
async function localBackend(): Promise<{ url: string; close: () => Promise<void> }> {
  const port = parsePort(values['server-port'] ?? process.env.COPYDESK_SERVER_PORT, 8787);
  const dataDir = resolve(
    values['server-data'] ??
      process.env.COPYDESK_SERVER_DATA ??
      join(homedir(), '.copydesk', 'server'),
  );
  const url = `http://127.0.0.1:${port}`;
  if (port !== 0 && (await isCopydeskServer(url))) {
    say(`Copydesk local backend: ${url} (already running; reused)`);
    return { url, close: async () => {} };
  }
  const logFile = await openServerLogFile(dataDir);
  const server = await startServer({
    dataDir,
    port,
    demo: true,
    log: logFile.line,
    requestLog: logFile.stream,
  });
  const demo = await seedDemoContent(server.url, join(repoRoot, 'resources', 'demo'));
  say(`Copydesk local backend: ${server.url} (data in ${dataDir}, log in ${logFile.folder})`);
  say(
    `  demo users ${DEMO_USERS.map((u) => u.username).join(', ')}; each password equals the name (demo only)`,
  );
  say(
    `Published site: ${server.url}/${demo.slug ? `  (demo article: ${server.url}/articles/${demo.slug})` : ''}`,
  );
  return server;
}

async function call<T>(core: CoreHandle, method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

/** Signs the profile in to the demo backend as --user unless it already is. */
async function signIn(core: CoreHandle, serverUrl: string, username: string): Promise<void> {
  const status = await call<{ user: { username: string } | null; serverUrl: string | null }>(
    core,
    'sync.status',
    {},
  );
  if (status.user?.username === username && status.serverUrl === serverUrl) {
    say(`Signed in as ${username}.`);
    return;
  }
  await call(core, 'sync.login', { serverUrl, username, password: username });
  say(`Signed in as ${username} (demo password).`);
}

/** Points Electron's core at the Electron build of the SQLite driver, when there is one. */
function electronSqliteEnv(): Record<string, string> {
  const binding = join(repoRoot, '.electron-native', 'better_sqlite3.node');
  return existsSync(binding) ? { COPYDESK_SQLITE_BINDING: binding } : {};
}

function electronBinary(): { path: string } | { reason: string } {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'no display (DISPLAY is not set)' };
  }
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    if (typeof path !== 'string' || !existsSync(path)) {
      return { reason: 'the Electron binary is not installed; run "npm run electron:setup" once' };
    }
    // The core's SQLite driver is a native module: npm builds it for Node, and Electron needs
    // its own build (npm run electron:setup). Check before opening a window that could not
    // open the database.
    const env = { ...process.env, ...electronSqliteEnv(), ELECTRON_RUN_AS_NODE: '1' };
    const probe = spawnSync(
      path,
      [
        '-e',
        "new (require('better-sqlite3'))(':memory:', { nativeBinding: process.env.COPYDESK_SQLITE_BINDING || undefined })",
      ],
      { cwd: repoRoot, env, timeout: 30_000, stdio: 'ignore' },
    );
    if (probe.status !== 0) {
      return {
        reason:
          'the SQLite driver is not built for this Electron; run "npm run electron:setup" once (needs the network)',
      };
    }
    return { path };
  } catch (e) {
    return {
      reason: `the Electron binary is not available (${String((e as Error).message).split('\n')[0]}); run "npm run electron:setup" once`,
    };
  }
}

async function main(): Promise<void> {
  const profileDir = resolve(values.profile ?? defaultProfileDir());
  const backend = values.server
    ? { url: values.server.replace(/\/+$/, ''), close: async () => {} }
    : await localBackend();

  let core = await openCore({ profileDir, host: 'browser', openFolder: openFolderWithSystem });
  if (!values.server) await signIn(core, backend.url, values.user);

  let stop: () => Promise<void>;
  const electron = values.browser ? { reason: 'browser mode asked for' } : electronBinary();
  if ('path' in electron) {
    await core.close(); // Electron's own core worker opens the profile.
    const child = spawn(electron.path, [repoRoot, '--profile', profileDir], {
      stdio: 'inherit',
      env: { ...process.env, ...electronSqliteEnv() },
    });
    stop = async () => {
      child.kill('SIGTERM');
      await backend.close();
    };
    child.on('exit', (code) => void backend.close().then(() => process.exit(code ?? 0)));
  } else {
    if (!values.browser)
      say(
        `Copydesk: Electron cannot start here (${electron.reason}); starting browser mode instead.`,
      );
    const mode = await runBrowserMode({ profileDir, port: parsePort(values.port, 0), core });
    core = mode.core;
    say(`Copydesk browser mode: ${mode.harness.url}`);
    stop = async () => {
      await mode.stop();
      await backend.close();
    };
  }
  const onSignal = () => void stop().then(() => process.exit(0));
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

main().catch((e: unknown) => {
  process.stderr.write(`Copydesk could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
