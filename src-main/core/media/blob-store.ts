import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RenditionSize } from '../../../src-shared/model';
import { RENDITION_EXT } from './renditions';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Where the original of `sha256` lives, relative to the profile folder. */
export function blobRelPath(sha256: string): string {
  return join('blobs', sha256.slice(0, 2), sha256);
}

/**
 * Content-addressed files in the profile: originals at `blobs/<aa>/<sha256>` (stored once, never
 * changed) and derived renditions at `renditions/<aa>/<sha256>.<size>.webp` (can be remade).
 * Paths returned by `*RelPath` are relative to the profile folder, as the `blobs` table keeps them.
 */
export class BlobStore {
  constructor(private readonly profileDir: string) {}

  blobRelPath(sha256: string): string {
    return blobRelPath(sha256);
  }

  renditionRelPath(sha256: string, size: RenditionSize): string {
    return join('renditions', sha256.slice(0, 2), `${sha256}.${size}.${RENDITION_EXT}`);
  }

  abs(relPath: string): string {
    return join(this.profileDir, relPath);
  }

  has(relPath: string): boolean {
    return existsSync(this.abs(relPath));
  }

  read(relPath: string): Buffer | null {
    try {
      return readFileSync(this.abs(relPath));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  /**
   * Writes a file atomically (temporary file, fsync, rename). Returns false when it already
   * existed: content-addressed files are immutable, so an existing one is kept as it is.
   */
  writeOnce(relPath: string, data: Uint8Array): boolean {
    const target = this.abs(relPath);
    if (existsSync(target)) return false;
    mkdirSync(dirname(target), { recursive: true });
    const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      writeFileSync(tmp, data, { flush: true });
      renameSync(tmp, target);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
    return true;
  }

  remove(relPath: string): void {
    rmSync(this.abs(relPath), { force: true });
  }
}
