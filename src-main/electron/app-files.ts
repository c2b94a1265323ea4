/**
 * Serves the built renderer (out/renderer) for the app:// protocol. Node only, no Electron,
 * so that path handling — the part an attacker would poke at — is tested directly.
 */
import { realpath, readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { isAppOriginUrl } from './app-origin';

export type AppPathResult = { ok: true; filePath: string } | { ok: false; status: 400 | 404 };

/**
 * Maps an app:// URL to a file under `root`, or refuses. Rejects instead of normalising:
 * a segment that decodes to ".", "..", or contains a slash, backslash, colon or NUL never
 * reaches the file system, whatever encoding it arrived in.
 */
export function resolveAppPath(requestUrl: string, root: string): AppPathResult {
  if (!isAbsolute(root)) throw new Error(`renderer root must be absolute: ${root}`);
  if (!isAppOriginUrl(requestUrl)) return { ok: false, status: 404 };
  const pathname = new URL(requestUrl).pathname;
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

/** Builds the response for one app:// request; `csp` goes on every answer, errors included. */
export async function serveAppFile(
  request: { url: string; method: string },
  root: string,
  csp: string,
): Promise<Response> {
  const baseHeaders = {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
  };
  const failure = (status: number) =>
    new Response(null, { status, headers: { ...baseHeaders, 'cache-control': 'no-store' } });

  if (request.method !== 'GET' && request.method !== 'HEAD') return failure(405);
  const resolved = resolveAppPath(request.url, root);
  if (!resolved.ok) return failure(resolved.status);
  try {
    // A symlink inside the renderer folder must not lead out of it.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(resolved.filePath)]);
    if (!isInside(realRoot, realFile) || !(await stat(realFile)).isFile()) return failure(404);
    const body = request.method === 'HEAD' ? null : await readFile(realFile);
    return new Response(body, {
      status: 200,
      headers: {
        ...baseHeaders,
        'content-type': contentTypeFor(realFile),
        'cache-control': 'no-cache',
      },
    });
  } catch {
    return failure(404);
  }
}
