import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { bundledComponentsFrom } from './scripts/licenses';
import { earlyScriptPlugin } from './scripts/early-script-plugin';
import { moduleMarksPlugin } from './scripts/module-marks-plugin';
import { startStageChunking } from './scripts/start-stage-plugin';

const root = fileURLToPath(new URL('.', import.meta.url));
const startStage = startStageChunking(resolve(root, 'src-renderer/boot/startCalls.ts'));

/**
 * A bundler warning fails the build: each one so far was a defect to fix, not noise (one was a
 * dependency calling a module namespace, an error at run time on that path).
 */
function failOnWarning(warning: { code?: string; message: string }): never {
  throw new Error(`The build warned (${warning.code ?? 'no code'}): ${warning.message}`);
}

/**
 * Rolldown warns when plugins take a large share of the build's time. That depends on how busy
 * the machine is, not on the code, and it failed a CI run on a loaded machine, so it is off.
 */
const checks = { bundlerTimings: false };

// Our folder names differ from electron-vite's defaults, so every entry is explicit.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rolldownOptions: {
        onwarn: failOnWarning,
        checks,
        input: {
          index: resolve(root, 'src-main/electron/main.ts'),
          'core-worker': resolve(root, 'src-main/core/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: true,
      rolldownOptions: {
        onwarn: failOnWarning,
        checks,
        input: { index: resolve(root, 'src-main/preload/index.ts') },
        // A sandboxed preload cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    base: './',
    resolve: {
      alias: {
        // The spelling worker loads the Hunspell files, which the packages do not export.
        '@dictionaries/de': resolve(root, 'node_modules/dictionary-de'),
        '@dictionaries/en': resolve(root, 'node_modules/dictionary-en'),
        // hunspell-asm's ES build imports its CommonJS Emscripten runtime as a namespace and
        // calls it, which only works in Node; its CommonJS build works in the bundle.
        'hunspell-asm': resolve(root, 'node_modules/hunspell-asm/dist/cjs/index.js'),
        // Its loader likewise: the ES build calls nanoid 2 (CommonJS) through a namespace import,
        // which cannot be called (the build warned CANNOT_CALL_NAMESPACE); the CommonJS build
        // requires it as the function it is.
        'emscripten-wasm-loader': resolve(
          root,
          'node_modules/emscripten-wasm-loader/dist/cjs/index.js',
        ),
      },
    },
    plugins: [
      // COPYDESK_MODULE_MARKS=1: a performance mark at the top of every module, so that
      // bench/module-marks.ts can time each module's evaluation at start (a tool build only).
      ...(process.env.COPYDESK_MODULE_MARKS ? [moduleMarksPlugin(root)] : []),
      react(),
      earlyScriptPlugin(resolve(root, 'src-renderer/boot/early.ts')),
      startStage.plugin,
      {
        // About lists the open-source components this build ships, with their licences.
        name: 'copydesk-licenses',
        generateBundle() {
          this.emitFile({
            type: 'asset',
            fileName: 'licenses.json',
            source: JSON.stringify(bundledComponentsFrom(resolve(root, 'package-lock.json'))),
          });
        },
      },
    ],
    // The spelling worker is bundled by a build of its own, whose warnings reach this one's.
    worker: { rolldownOptions: { checks } },
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the renderer unminified; a smaller bundle parses faster at start.
      // COPYDESK_NO_MINIFY=1 keeps the names, for reading a CPU profile (bench/profile-load.ts).
      minify: !process.env.COPYDESK_NO_MINIFY,
      // COPYDESK_SOURCEMAP=1 writes source maps beside the chunks (bench/coverage-load.ts).
      sourcemap: Boolean(process.env.COPYDESK_SOURCEMAP),
      chunkSizeWarningLimit: 2000,
      emptyOutDir: true,
      rolldownOptions: {
        onwarn: failOnWarning,
        checks,
        input: { index: resolve(root, 'src-renderer/index.html') },
        // What the first screen imports goes in two chunks, not the fourteen the automatic
        // splitting made (the browser fetches at most six files from one host at a time, so the
        // others, and the article's early call, queued behind them): the start stage with the
        // libraries (scripts/start-stage-plugin.ts), and the app. Lazy views stay chunks of
        // their own. docs/performance.md, "Opening, ninth step" and "tenth step".
        output: {
          codeSplitting: {
            groups: [startStage.group, { name: 'index', tags: ['$initial'], priority: 1 }],
          },
        },
      },
    },
  },
});
