/**
 * The built renderer's files, served by Electron's app:// protocol and by browser mode alike.
 * Pure path handling (the part an attacker would poke at), tested directly.
 */
import { extname, isAbsolute, join, relative, sep } from 'node:path';

export type RendererPathResult = { ok: true; filePath: string } | { ok: false; status: 400 | 404 };

/**
 * Maps a URL path to a file under `root`, or refuses. Rejects instead of normalising: a segment
 * that decodes to ".", "..", or contains a slash, backslash, colon or NUL never reaches the file
 * system, whatever encoding it arrived in. "/" is index.html.
 */
export function resolveRendererPath(pathname: string, root: string): RendererPathResult {
  if (!isAbsolute(root)) throw new Error(`renderer root must be absolute: ${root}`);
  const rawSegments = pathname.split('/').filter((s) => s !== '');
  if (rawSegments.length === 0) rawSegments.push('index.html');
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400 };
    }
    if (segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) {
      return { ok: false, status: 400 };
    }
    segments.push(segment);
  }
  const filePath = join(root, ...segments);
  if (!isInside(root, filePath)) return { ok: false, status: 400 };
  return { ok: true, filePath };
}

export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
