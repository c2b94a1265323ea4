#!/usr/bin/env node
// `npm start`: build, then open the desktop app; where Electron cannot start (no binary, no
// display) say why in one line and run browser mode instead. `npm run start:browser` goes
// straight to browser mode. Other arguments (--profile DIR, --port P) pass through.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const browserOnly = args.includes('--browser');
const passThrough = args.filter((a) => a !== '--browser');

function build() {
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (r.status !== 0) {
    console.error('Copydesk: the build failed (see above).');
    process.exit(r.status ?? 1);
  }
}

/** The Electron binary's path, or the reason there is none. */
function electronBinary() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'no display (DISPLAY is not set)' };
  }
  try {
    const path = createRequire(import.meta.url)('electron');
    if (typeof path === 'string' && existsSync(path)) return { path };
    return { reason: 'the Electron binary is not installed' };
  } catch (e) {
    return {
      reason: `the Electron binary is not available (${String(e.message ?? e).split('\n')[0]})`,
    };
  }
}

function run(cmd, cmdArgs) {
  const child = spawn(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
  return child;
}

function browserMode() {
  run(process.execPath, ['--import', 'tsx', join(root, 'src-main/harness/cli.ts'), ...passThrough]);
}

build();
if (browserOnly) {
  browserMode();
} else {
  const electron = electronBinary();
  if (electron.path) {
    run(electron.path, [root, ...passThrough]);
  } else {
    console.log(
      `Copydesk: Electron cannot start here (${electron.reason}); starting browser mode instead.`,
    );
    browserMode();
  }
}
