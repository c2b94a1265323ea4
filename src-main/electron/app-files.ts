/**
 * Serves the built renderer (out/renderer) for the app:// protocol. Node only, no Electron,
 * so that path handling — the part an attacker would poke at — is tested directly.
 */
import { realpath, readFile, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import {
  contentTypeFor,
  isInside,
  resolveRendererPath,
  type RendererPathResult,
} from '../common/renderer-files';
import { isAppOriginUrl } from './app-origin';

export type AppPathResult = RendererPathResult;

/** Maps an app:// URL to a file under `root`, or refuses (see resolveRendererPath). */
export function resolveAppPath(requestUrl: string, root: string): AppPathResult {
  if (!isAbsolute(root)) throw new Error(`renderer root must be absolute: ${root}`);
  if (!isAppOriginUrl(requestUrl)) return { ok: false, status: 404 };
  return resolveRendererPath(new URL(requestUrl).pathname, root);
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
