/**
 * The shared link policy (src-shared/model/url.ts) with a reason the UI can translate:
 * checkLinkUrl decides, this only names the problem for the message.
 */
import { checkLinkUrl } from '../../src-shared/model/url';

export type LinkProblem =
  | { key: 'empty' }
  | { key: 'protocolRelative' }
  | { key: 'incomplete' }
  | { key: 'scheme'; scheme: string }
  | { key: 'credentials' }
  | { key: 'noHost' };

export type LinkVerdict = { ok: true; url: string } | { ok: false; problem: LinkProblem };

export function checkLink(raw: string): LinkVerdict {
  const verdict = checkLinkUrl(raw);
  if (verdict.ok) return verdict;
  const url = raw.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (url === '') return { ok: false, problem: { key: 'empty' } };
  if (url.startsWith('//')) return { ok: false, problem: { key: 'protocolRelative' } };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, problem: { key: 'incomplete' } };
  }
  if (!['http:', 'https:', 'mailto:'].includes(parsed.protocol)) {
    return { ok: false, problem: { key: 'scheme', scheme: parsed.protocol.replace(/:$/, '') } };
  }
  if (parsed.username || parsed.password) return { ok: false, problem: { key: 'credentials' } };
  return { ok: false, problem: { key: 'noHost' } };
}
