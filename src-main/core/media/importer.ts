import { basename } from 'node:path';
import type { Image, ImageMeta } from '../../../src-shared/model';
import type { ImageRepository } from '../store/images';
import { BlobStore, sha256Hex } from './blob-store';
import { invalidImage } from './invalid';
import { MEDIA_LIMITS } from './limits';
import { readEmbeddedMeta } from './metadata';
import { probeImage } from './probe';
import { makeRenditions } from './renditions';
import { sniffImageMime } from './sniff';
import { cleanText } from './text';

export interface ImportDeps {
  images: ImageRepository;
  blobs: BlobStore;
}

export interface ImportResult {
  image: Image;
  existing: boolean;
}

/** The name to show: no folders, no control characters, at most 255 characters. */
export function displayFileName(name: string): string {
  return cleanText(basename(name.replace(/\\/g, '/')), 255) || 'image';
}

function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Imports one image file: checks it (type from its bytes, size, pixel count, decodability),
 * stores the original once by sha256 with its renditions, reads EXIF/IPTC/XMP into the editable
 * fields, and records it with its `image.create` mutation. The same bytes imported again
 * return the existing image. Anything refused leaves no trace: all checks and all decoding
 * happen before the first file or row is written.
 */
export async function importImage(
  deps: ImportDeps,
  input: { fileName: string; bytes: Buffer },
): Promise<ImportResult> {
  const fileName = displayFileName(input.fileName);
  const { bytes } = input;
  if (bytes.length === 0) throw invalidImage(fileName, 'the file is empty (0 bytes).');
  if (bytes.length > MEDIA_LIMITS.maxBytes) {
    throw invalidImage(
      fileName,
      `the file is ${formatMb(bytes.length)}; the limit is ${formatMb(MEDIA_LIMITS.maxBytes)}.`,
    );
  }
  const mime = sniffImageMime(bytes);
  if (!mime) {
    throw invalidImage(fileName, 'the file is not a JPEG, PNG or WebP image.');
  }

  const sha256 = sha256Hex(bytes);
  const existing = deps.images.findBySha256(sha256);
  if (existing) {
    // Same hash, same bytes: if the original is not on disk (never downloaded, or removed),
    // these bytes restore it. Renditions are remade on demand.
    deps.blobs.writeOnce(deps.blobs.blobRelPath(sha256), bytes);
    deps.images.restoreBlob(existing, bytes.length);
    return { image: existing, existing: true };
  }

  const probe = await probeImage(bytes, mime, fileName);
  const renditions = await makeRenditions(bytes, fileName);
  const embedded = await readEmbeddedMeta(bytes, mime);

  const blobPath = deps.blobs.blobRelPath(sha256);
  const written: string[] = [];
  try {
    if (deps.blobs.writeOnce(blobPath, bytes)) written.push(blobPath);
    for (const r of Object.values(renditions)) {
      const path = deps.blobs.renditionRelPath(sha256, r.size);
      if (deps.blobs.writeOnce(path, r.data)) written.push(path);
    }
    const { keywords, ...described } = embedded;
    const meta: ImageMeta = { ...described, licenceExpires: null };
    const result = deps.images.createFromImport({
      sha256,
      mime,
      width: probe.width,
      height: probe.height,
      fileName,
      byteSize: bytes.length,
      blobPath,
      meta,
      keywords,
    });
    return result;
  } catch (e) {
    // The files are content-addressed: only those this call created are removed.
    for (const path of written) deps.blobs.remove(path);
    throw e;
  }
}
