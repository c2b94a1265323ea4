/**
 * Builds src-renderer/boot/early.ts into early.js next to index.html and loads it there as a
 * classic script ahead of the main bundle: it runs while the bundle is still loading, so the
 * app's first calls are on their way before the app is parsed (src-renderer/boot/early.ts).
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import type { Plugin } from 'vite';

export const EARLY_SCRIPT_FILE = 'early.js';

export function compileEarlyScript(source: string): string {
  return ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, removeComments: true },
  }).outputText;
}

export function earlyScriptPlugin(sourcePath: string): Plugin {
  const compiled = () => compileEarlyScript(readFileSync(sourcePath, 'utf8'));
  return {
    name: 'copydesk-early-script',
    transformIndexHtml: () => [
      { tag: 'script', attrs: { src: `./${EARLY_SCRIPT_FILE}` }, injectTo: 'head-prepend' },
    ],
    configureServer(server) {
      server.middlewares.use(`/${EARLY_SCRIPT_FILE}`, (_req, res) => {
        res.setHeader('content-type', 'text/javascript; charset=utf-8');
        res.end(compiled());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: EARLY_SCRIPT_FILE, source: compiled() });
    },
  };
}
