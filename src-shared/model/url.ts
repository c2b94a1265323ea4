/**
 * The one link policy of Copydesk: editor links, article links and published HTML accept only
 * absolute http, https and mailto URLs without credentials.
 */
export type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

export function checkLinkUrl(raw: string): UrlCheck {
  // Browsers strip tabs/newlines and leading control characters before parsing; so do we,
  // so that "java\tscript:" cannot hide from the scheme check.
  const url = raw.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (url === '') return { ok: false, reason: 'The link is empty.' };
  if (url.startsWith('//'))
    return { ok: false, reason: 'Protocol-relative links are not allowed; start with https://.' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return {
      ok: false,
      reason: 'This is not a complete URL; links must start with https://, http:// or mailto:.',
    };
  }
  if (!ALLOWED.has(parsed.protocol)) {
    return {
      ok: false,
      reason: `Links with "${parsed.protocol}" are not allowed; only https, http and mailto.`,
    };
  }
  if (parsed.username || parsed.password) {
    return { ok: false, reason: 'Links must not contain a user name or password.' };
  }
  if (parsed.protocol !== 'mailto:' && !parsed.hostname) {
    return { ok: false, reason: 'The link has no host name.' };
  }
  return { ok: true, url: parsed.protocol === 'mailto:' ? url : parsed.href };
}

export function isAllowedLinkUrl(raw: string): boolean {
  return checkLinkUrl(raw).ok;
}
