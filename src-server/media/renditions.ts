/**
 * Web renditions of published images, made with sharp from the stored original on first request
 * and cached on disk: DIR/renditions/ab/<sha256>-<width>-<rights key>.webp. EXIF orientation is
 * applied, every piece of the original's metadata (EXIF with GPS and camera serials, XMP, IPTC,
 * ICC) is left out (sharp writes none unless asked); only the image's rights from its record are
 * written, as XMP (rightsXmp.ts). An original claiming more than MAX_INPUT_PIXELS is refused
 * before decoding.
 * Concurrent requests for the same rendition share one job; at most MAX_JOBS encode at once.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { rightsKey, rightsXmp, type ImageRights } from './rightsXmp';

/** The widths offered in srcset; a request for any other width is a 404. */
export const RENDITION_WIDTHS = [320, 640, 1024, 1600] as const;
export type RenditionWidth = (typeof RENDITION_WIDTHS)[number];
export const RENDITION_MIME = 'image/webp';
/** The rendition linked where one image URL is wanted (JSON API, the old original's address). */
export const LARGEST_RENDITION: RenditionWidth = 1600;

/** Largest decoded original (100 megapixels); more is treated as a decompression bomb. */
export const MAX_INPUT_PIXELS = 100_000_000;
const MAX_JOBS = 2;
const WEBP_QUALITY = 80;

export function isRenditionWidth(width: number): width is RenditionWidth {
  return (RENDITION_WIDTHS as readonly number[]).includes(width);
}

/** The original could not be decoded (damaged, not an image, or over the pixel limit). */
export class RenditionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RenditionError';
  }
}

/**
 * Encodes one rendition: oriented, at most `width` wide (never enlarged), WebP, no metadata but
 * the rights given.
 */
export async function renderWebp(
  input: string | Buffer,
  width: number,
  rights?: ImageRights,
): Promise<Buffer> {
  try {
    let image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width, withoutEnlargement: true });
    const xmp = rights ? rightsXmp(rights) : undefined;
    if (xmp) image = image.withXmp(xmp);
    return await image.webp({ quality: WEBP_QUALITY }).toBuffer();
  } catch (e) {
    throw new RenditionError(e instanceof Error ? e.message : String(e));
  }
}

export class RenditionStore {
  private readonly inFlight = new Map<string, Promise<string>>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;

  constructor(private readonly dir: string) {}

  pathOf(sha256: string, width: RenditionWidth, rights?: ImageRights): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
    const key = rights ? rightsKey(rights) : 'none';
    return join(this.dir, sha256.slice(0, 2), `${sha256}-${width}-${key}.webp`);
  }

  /**
   * The file of the rendition, made from `originalPath` if it is not cached yet. Rejects with
   * RenditionError when the original cannot be decoded.
   */
  async get(
    sha256: string,
    width: RenditionWidth,
    originalPath: string,
    rights?: ImageRights,
  ): Promise<string> {
    const path = this.pathOf(sha256, width, rights);
    if (await isFile(path)) return path;
    const running = this.inFlight.get(path);
    if (running) return running;
    const job = this.make(path, width, originalPath, rights).finally(() =>
      this.inFlight.delete(path),
    );
    this.inFlight.set(path, job);
    return job;
  }

  private async make(
    path: string,
    width: number,
    originalPath: string,
    rights: ImageRights | undefined,
  ): Promise<string> {
    await this.acquire();
    try {
      if (await isFile(path)) return path;
      const bytes = await renderWebp(originalPath, width, rights);
      await mkdir(join(path, '..'), { recursive: true });
      const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(tmp, bytes);
        await rename(tmp, path);
      } catch (e) {
        await rm(tmp, { force: true });
        throw e;
      }
      return path;
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < MAX_JOBS) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
