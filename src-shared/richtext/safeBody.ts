/**
 * The one schema for an article body that is about to be stored, on the desk and on the server:
 * the Lexical JSON envelope checked against the article node schema (known node types only,
 * size ≤ 2 MB, nesting ≤ 64) and every link in it checked against the link policy.
 */
import { z } from 'zod';
import { BodyJson } from '../model/article';
import { checkLinkUrl } from '../model/url';
import { checkBodyEnvelope } from './envelope';
import { lazySchema } from '../lazySchema';

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

/**
 * Bodies that passed, by identity. A body is checked where it enters a process (the renderer
 * before sending, the core on arrival) and again where a mutation is queued or applied; the
 * same unchanged object need not be walked twice. Bodies are never mutated once parsed.
 */
const passed = new WeakSet<object>();

/** The body as it may be stored (the text rule applied), or the reason it may not be. */
function checkBody(value: unknown): { body: BodyJson } | { problem: string } {
  const shape = BodyJson.safeParse(value);
  if (!shape.success) {
    const i = shape.error.issues[0];
    return {
      problem: i ? `${i.path.map(String).join('.') || 'body'}: ${i.message}` : 'invalid body',
    };
  }
  try {
    checkBodyEnvelope(shape.data);
  } catch (e) {
    return { problem: e instanceof Error ? e.message : 'invalid body' };
  }
  const link = unsafeLinkIn(shape.data);
  return link ? { problem: link } : { body: shape.data };
}

/**
 * A body that may be stored: checked and cleaned by the text rule once; a body that already
 * passed goes through unchanged.
 */
export const SafeBodyJson = lazySchema(() =>
  z
    .custom<BodyJson>(() => true)
    .transform((value, ctx) => {
      if (typeof value === 'object' && value !== null && passed.has(value)) return value;
      const checked = checkBody(value);
      if ('problem' in checked) {
        ctx.addIssue({ code: 'custom', message: checked.problem });
        return z.NEVER;
      }
      passed.add(checked.body);
      return checked.body;
    }),
);
