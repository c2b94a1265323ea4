/**
 * What leaves the app window. In-app navigation stays on app://copydesk; anything else is
 * denied and, if it is a safe https or mailto link, handed to the system browser / mail app.
 */
import { checkLinkUrl, type UrlCheck } from '../../src-shared/model/url';
import { isAppOriginUrl } from './app-origin';

const EXTERNAL_PROTOCOLS = new Set(['https:', 'mailto:']);

/** The shared link policy, narrowed: shell.openExternal gets only https and mailto. */
export function checkExternalUrl(raw: unknown): UrlCheck {
  if (typeof raw !== 'string') return { ok: false, reason: 'Not a URL.' };
  // Refuse rather than clean up: a URL with control characters did not come from a person.
  if (/[\u0000-\u001f\u007f]/.test(raw) || raw !== raw.trim()) {
    return { ok: false, reason: 'The URL contains whitespace or control characters.' };
  }
  if (raw.length > 8192) return { ok: false, reason: 'The URL is too long.' };
  const checked = checkLinkUrl(raw);
  if (!checked.ok) return checked;
  const protocol = new URL(checked.url).protocol;
  if (!EXTERNAL_PROTOCOLS.has(protocol)) {
    return {
      ok: false,
      reason: `Only https and mailto links open outside Copydesk, not "${protocol}".`,
    };
  }
  return checked;
}

export type NavigationDecision = { allow: true } | { allow: false; openExternal: string | null };

/** will-navigate / will-frame-navigate: stay on our origin; never load a foreign page in-app. */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppOriginUrl(url)) return { allow: true };
  return denyAndMaybeOpen(url);
}

/** setWindowOpenHandler: no new windows at all, whatever the URL. */
export function decideWindowOpen(url: string): { allow: false; openExternal: string | null } {
  return denyAndMaybeOpen(url);
}

function denyAndMaybeOpen(url: string): { allow: false; openExternal: string | null } {
  const checked = checkExternalUrl(url);
  return { allow: false, openExternal: checked.ok ? checked.url : null };
}
