/**
 * A tool build only (COPYDESK_MODULE_MARKS=1 in electron.vite.config.ts): puts
 * `performance.mark("M:<module path>")` at the top of every script module of the renderer, so
 * the time between one module's mark and the next is that module's evaluation at start (for a
 * CommonJS module wrapped by the bundler: when it is first required). bench/module-marks.ts
 * reads the marks. Never in a shipped build: it changes nothing but adds ~300 calls at start.
 */
import type { Plugin } from 'vite';

export function moduleMarksPlugin(root: string): Plugin {
  return {
    name: 'copydesk-module-marks',
    transform(code, id) {
      // Skip virtual and query modules (?worker, ?url…) and the spelling worker's own graph.
      if (id.includes('?') || id.startsWith('\0') || !/\.(m?js|cjs|tsx?)$/.test(id)) return null;
      if (id.includes('spell')) return null;
      const name = `M:${id.startsWith(root) ? id.slice(root.length) : id}`;
      return { code: `performance.mark(${JSON.stringify(name)});\n${code}`, map: null };
    },
  };
}
