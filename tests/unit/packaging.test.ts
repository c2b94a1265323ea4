/**
 * The electron-builder configuration (npm run dist cannot run here: no Electron binary): valid
 * against electron-builder's own schema, every file it names present, the app id and product
 * name set, native modules unpacked from the asar archive and rebuilt for Electron, the targets
 * each platform needs, and the icon in every size they use.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import sharp from 'sharp';
import { ICO_SIZES, ICON_DIR, PNG_SIZES, pngPath, ROOT } from '../../scripts/icon-set';

interface BuilderConfig {
  appId?: string;
  productName?: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  nsis: { installerIcon: string; uninstallerIcon: string };
  mac: { target: string[]; icon: string };
  dmg: { icon: string };
  publish: { provider: string }[];
}

const json = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as unknown;
const config = json('electron-builder.json') as BuilderConfig;
const pkg = json('package.json') as {
  main: string;
  version: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Production dependencies that load a compiled .node file. */
function nativeDependencies(): string[] {
  return Object.keys(pkg.dependencies).filter((name) => {
    const dir = join(ROOT, 'node_modules', name);
    const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      gypfile?: boolean;
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    return (
      existsSync(join(dir, 'binding.gyp')) ||
      meta.gypfile === true ||
      Object.keys(meta.optionalDependencies ?? {}).some((d) => d.startsWith('@img/sharp-'))
    );
  });
}

describe('electron-builder configuration', () => {
  it("is valid against electron-builder's own schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(json('node_modules/app-builder-lib/scheme.json') as object);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('names the app and builds every platform target', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe('Copydesk');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.publish[0]?.provider).toBe('generic');
    expect(pkg.scripts.dist).toContain('electron-builder --config electron-builder.json');
    expect(pkg.devDependencies['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('names only files that exist, and packs the built app', () => {
    for (const path of [
      config.directories.buildResources,
      config.linux.icon,
      config.win.icon,
      config.nsis.installerIcon,
      config.nsis.uninstallerIcon,
      config.mac.icon,
      config.dmg.icon,
    ]) {
      expect(existsSync(join(ROOT, path)), path).toBe(true);
    }
    expect(pkg.main.startsWith('out/')).toBe(true);
    expect(config.files).toContain('out/**/*');
    expect(config.files).toContain('package.json');
    expect(readFileSync(join(ROOT, 'electron.vite.config.ts'), 'utf8')).toContain("'out/main'");
  });

  it('unpacks every native module from the asar archive and rebuilds them for Electron', () => {
    const natives = nativeDependencies();
    expect(natives).toEqual(expect.arrayContaining(['better-sqlite3', 'sharp']));
    expect(config.asar).toBe(true);
    for (const name of natives)
      expect(config.asarUnpack, name).toContain(`**/node_modules/${name}/**`);
    expect(config.asarUnpack).toContain('**/node_modules/@img/**'); // sharp's libvips builds
    expect(config.npmRebuild).toBe(true);
  });
});

describe('app icon', () => {
  it('has one SVG source and a PNG of every Linux size, each its size', async () => {
    expect(existsSync(join(ROOT, 'resources', 'icon.svg'))).toBe(true);
    for (const size of PNG_SIZES) {
      const meta = await sharp(pngPath(size)).metadata();
      expect([meta.format, meta.width, meta.height], `${size}`).toEqual(['png', size, size]);
    }
  });

  it('has a Windows .ico with every size Windows picks from', () => {
    const ico = readFileSync(join(ICON_DIR, 'icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1); // type: icon
    const count = ico.readUInt16LE(4);
    const widths = Array.from({ length: count }, (_, i) => ico.readUInt8(6 + i * 16) || 256);
    expect(widths).toEqual(expect.arrayContaining([...ICO_SIZES]));
    expect(new Set(widths).size).toBe(widths.length);
  });

  it('has a macOS .icns up to 1024 px', () => {
    const icns = readFileSync(join(ICON_DIR, 'icon.icns'));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4))
      types.push(icns.subarray(at, at + 4).toString('latin1'));
    // ic07…ic10: 128, 256, 512, 1024 (512@2x); ic11…ic14: the Retina 16@2x…256@2x.
    expect(types).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10', 'ic11']));
  });
});
