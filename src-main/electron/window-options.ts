import { isAbsolute } from 'node:path';
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** What a caller may choose about a window: looks and placement, nothing that touches security. */
export const COSMETIC_OPTION_KEYS = [
  'width',
  'height',
  'minWidth',
  'minHeight',
  'x',
  'y',
  'center',
  'title',
  'show',
  'backgroundColor',
  'icon',
  'autoHideMenuBar',
] as const satisfies readonly (keyof BrowserWindowConstructorOptions)[];

export type CosmeticWindowOptions = Pick<
  BrowserWindowConstructorOptions,
  (typeof COSMETIC_OPTION_KEYS)[number]
>;

/** The Electron security baseline. Fixed, never merged with anything a caller passes. */
export const SECURE_WEB_PREFERENCES = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  // Copydesk checks spelling itself (offline Hunspell in a worker), so there is one checker.
  spellcheck: false,
  navigateOnDragDrop: false,
} as const satisfies WebPreferences);

const allowed = new Set<string>(COSMETIC_OPTION_KEYS);

/**
 * The only way Copydesk builds BrowserWindow options. Any key outside the cosmetic allowlist —
 * `webPreferences` above all — throws, so a weakened window fails loudly in development instead
 * of shipping.
 */
export function secureWindowOptions(
  preloadPath: string,
  cosmetic: CosmeticWindowOptions = {},
): BrowserWindowConstructorOptions {
  if (!isAbsolute(preloadPath) || !preloadPath.endsWith('.cjs')) {
    throw new Error(
      `The preload must be an absolute path to the CommonJS bundle, got "${preloadPath}".`,
    );
  }
  const rejected = Object.keys(cosmetic).filter((key) => !allowed.has(key));
  if (rejected.length > 0) {
    throw new Error(`Window option(s) not allowed here: ${rejected.join(', ')}.`);
  }
  const options: BrowserWindowConstructorOptions = {};
  for (const key of COSMETIC_OPTION_KEYS) {
    if (Object.prototype.hasOwnProperty.call(cosmetic, key)) {
      (options as Record<string, unknown>)[key] = cosmetic[key];
    }
  }
  options.webPreferences = { ...SECURE_WEB_PREFERENCES, preload: preloadPath };
  return options;
}
