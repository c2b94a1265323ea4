#!/usr/bin/env node
// `npm run electron:setup`, once, on a machine with the network and a display:
// 1. downloads the Electron binary (npm install skips electron's download script, so that
//    installs work offline and in CI);
// 2. builds better-sqlite3 for that Electron's ABI into .electron-native/, leaving
//    node_modules' Node build (backend, browser mode, tests) untouched.
// npm start then opens the desktop window instead of browser mode.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const download = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'electron', 'install.js')],
  {
    cwd: join(root, 'node_modules', 'electron'),
    stdio: 'inherit',
  },
);
if (download.status !== 0) {
  console.error('Could not download the Electron binary (see above).');
  process.exit(1);
}

const electronVersion = require('electron/package.json').version;
const work = mkdtempSync(join(tmpdir(), 'copydesk-electron-native-'));
const pkg = join(work, 'better-sqlite3');
cpSync(join(root, 'node_modules', 'better-sqlite3'), pkg, { recursive: true });
rmSync(join(pkg, 'build'), { recursive: true, force: true });

const run = (cmd, args) => spawnSync(cmd, args, { cwd: pkg, stdio: 'inherit' }).status === 0;
const built =
  run(process.execPath, [
    join(root, 'node_modules', 'prebuild-install', 'bin.js'),
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
  ]) ||
  run('npx', [
    '--yes',
    'node-gyp',
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ]);
const binary = join(pkg, 'build', 'Release', 'better_sqlite3.node');
if (!built || !existsSync(binary)) {
  console.error(`Could not build better-sqlite3 for Electron ${electronVersion} (see above).`);
  process.exit(1);
}
mkdirSync(join(root, '.electron-native'), { recursive: true });
copyFileSync(binary, join(root, '.electron-native', 'better_sqlite3.node'));
rmSync(work, { recursive: true, force: true });
console.log(
  `better-sqlite3 for Electron ${electronVersion} is in .electron-native/; npm start will use it.`,
);
