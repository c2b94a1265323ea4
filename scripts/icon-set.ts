/**
 * The app icon in every size the packages need, made from one source, resources/icon.svg:
 * resources/icons/png/NxN.png (Linux AppImage and deb, and the sources of the others),
 * resources/icons/icon.ico (Windows, NSIS) and resources/icons/icon.icns (macOS, dmg).
 * `npm run icons` writes them; they are committed, so `npm run dist` needs no image tools.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import png2icons from 'png2icons';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
export const ICON_SOURCE = join(ROOT, 'resources', 'icon.svg');
export const ICON_DIR = join(ROOT, 'resources', 'icons');
/** Linux's hicolor sizes, plus 1024 for macOS's Retina 512@2x. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
/** The sizes Windows needs in an .ico (Explorer, taskbar, title bar, high DPI; 256 as PNG). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

export const pngPath = (size: number) => join(ICON_DIR, 'png', `${size}x${size}.png`);

export async function makeIcons(): Promise<string[]> {
  const svg = readFileSync(ICON_SOURCE);
  mkdirSync(join(ICON_DIR, 'png'), { recursive: true });
  const written: string[] = [];
  for (const size of PNG_SIZES) {
    // Rendered at the target size from the vector, not scaled down from a big bitmap.
    await sharp(svg, { density: Math.max(72, (72 * size) / 1024) * 4 })
      .resize(size, size)
      .png({ compressionLevel: 9 })
      .toFile(pngPath(size));
    written.push(pngPath(size));
  }
  const big = readFileSync(pngPath(1024));
  const ico = png2icons.createICO(big, png2icons.BICUBIC2, 0, false, true);
  const icns = png2icons.createICNS(big, png2icons.BICUBIC2, 0);
  if (!ico || !icns) throw new Error('png2icons could not make the .ico/.icns');
  writeFileSync(join(ICON_DIR, 'icon.ico'), ico);
  writeFileSync(join(ICON_DIR, 'icon.icns'), icns);
  written.push(join(ICON_DIR, 'icon.ico'), join(ICON_DIR, 'icon.icns'));
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  makeIcons().then(
    (files) => console.log(`Wrote ${files.length} icon files to ${ICON_DIR}`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
