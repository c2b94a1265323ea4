import { describe, expect, it } from 'vitest';
import {
  SECURE_WEB_PREFERENCES,
  secureWindowOptions,
  type CosmeticWindowOptions,
} from '../../src-main/electron/window-options';

const PRELOAD = '/opt/copydesk/out/preload/index.cjs';

describe('secureWindowOptions', () => {
  it('always sets the hardened web preferences and the preload', () => {
    const options = secureWindowOptions(PRELOAD, { width: 900, title: 'Copydesk', show: false });
    expect(options.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      preload: PRELOAD,
    });
    expect(options).toMatchObject({ width: 900, title: 'Copydesk', show: false });
  });

  it.each([
    ['webPreferences', { webPreferences: { nodeIntegration: true } }],
    ['webPreferences (empty)', { webPreferences: {} }],
    ['parent', { parent: {} }],
    ['a made-up key', { sandbox: false }],
  ])('refuses %s from a caller', (_name, extra) => {
    expect(() => secureWindowOptions(PRELOAD, extra as unknown as CosmeticWindowOptions)).toThrow(
      /not allowed/,
    );
  });

  it('ignores insecure preferences hidden on the prototype', () => {
    const sneaky = Object.create({
      webPreferences: { contextIsolation: false, sandbox: false },
    }) as CosmeticWindowOptions;
    sneaky.width = 640;
    const options = secureWindowOptions(PRELOAD, sneaky);
    expect(options.width).toBe(640);
    expect(options.webPreferences?.contextIsolation).toBe(true);
    expect(options.webPreferences?.sandbox).toBe(true);
  });

  it('gives every window its own preferences object, and the defaults cannot be mutated', () => {
    const a = secureWindowOptions(PRELOAD);
    const b = secureWindowOptions(PRELOAD);
    expect(a.webPreferences).not.toBe(b.webPreferences);
    a.webPreferences!.nodeIntegration = true;
    expect(b.webPreferences?.nodeIntegration).toBe(false);
    expect(() => {
      (SECURE_WEB_PREFERENCES as { sandbox: boolean }).sandbox = false;
    }).toThrow(TypeError);
    expect(secureWindowOptions(PRELOAD).webPreferences?.sandbox).toBe(true);
  });

  it.each(['index.cjs', './out/preload/index.cjs', '/opt/copydesk/out/preload/index.js', ''])(
    'refuses the preload path %j',
    (path) => {
      expect(() => secureWindowOptions(path)).toThrow(/preload/);
    },
  );
});
