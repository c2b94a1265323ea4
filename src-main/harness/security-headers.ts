/**
 * The headers browser mode sends with every answer (page, scripts, calls). The editor bench
 * serves bare Lexical with the same set, so that the comparison does not charge ours for them:
 * Cross-Origin-Opener-Policy alone makes Chromium move a new tab's first navigation into a
 * renderer process of its own, about 8 % of bare's load (docs/performance.md, eleventh step).
 */
export function browserModeHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}
