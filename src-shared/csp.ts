/**
 * The Content-Security-Policy of the renderer, the same in Electron (app:// response header)
 * and in browser mode (harness response header). Scripts and styles only from our own origin;
 * 'wasm-unsafe-eval' lets the spelling worker compile Hunspell's WebAssembly (no JS eval).
 */
export function contentSecurityPolicy(opts?: { connectSrc?: string[] }): string {
  const connect = ["'self'", ...(opts?.connectSrc ?? [])];
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();
