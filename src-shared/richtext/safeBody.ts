/**
 * The one schema for an article body that is about to be stored, on the desk and on the server:
 * the Lexical JSON envelope checked against the article node schema (known node types only,
 * size ≤ 2 MB, nesting ≤ 64) and every link in it checked against the link policy.
 */
import { BodyJson } from '../model/article';
import { checkLinkUrl } from '../model/url';
import { checkBodyEnvelope } from './envelope';

const LINK_TYPES = new Set(['link', 'autolink']);

/** The reason the first link in the body breaks the link policy, or null. */
export function unsafeLinkIn(body: BodyJson): string | null {
  const stack: unknown[] = [...body.root.children];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (typeof node !== 'object' || node === null) continue;
    const n = node as { type?: unknown; url?: unknown; children?: unknown };
    if (typeof n.type === 'string' && LINK_TYPES.has(n.type)) {
      const verdict = checkLinkUrl(typeof n.url === 'string' ? n.url : '');
      if (!verdict.ok) return `A link in the body is not allowed: ${verdict.reason}`;
    }
    if (Array.isArray(n.children)) stack.push(...(n.children as unknown[]));
  }
  return null;
}

export const SafeBodyJson = BodyJson.superRefine((body, ctx) => {
  try {
    checkBodyEnvelope(body);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: e instanceof Error ? e.message : 'invalid body' });
    return;
  }
  const link = unsafeLinkIn(body);
  if (link) ctx.addIssue({ code: 'custom', message: link });
});
