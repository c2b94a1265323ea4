/**
 * The one schema for an article body that is about to be stored, on the desk and on the server:
 * the Lexical JSON envelope checked against the article node schema (known node types only,
 * size ≤ 2 MB, nesting ≤ 64) and every link in it checked against the link policy.
 */
import { z } from 'zod';
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

/**
 * Bodies that passed, by identity. A body is checked where it enters a process (the renderer
 * before sending, the core on arrival) and again where a mutation is queued or applied; the
 * same unchanged object need not be walked twice. Bodies are never mutated once parsed.
 */
const passed = new WeakSet<object>();

/** The reason a body may not be stored, or null. */
function unsafeBody(value: unknown): string | null {
  const shape = BodyJson.safeParse(value);
  if (!shape.success) {
    const i = shape.error.issues[0];
    return i ? `${i.path.map(String).join('.') || 'body'}: ${i.message}` : 'invalid body';
  }
  try {
    checkBodyEnvelope(shape.data);
  } catch (e) {
    return e instanceof Error ? e.message : 'invalid body';
  }
  return unsafeLinkIn(shape.data);
}

/** A body that may be stored; the value passes through unchanged (not copied). */
export const SafeBodyJson = z
  .custom<BodyJson>(() => true)
  .superRefine((value, ctx) => {
    if (typeof value === 'object' && value !== null && passed.has(value)) return;
    const problem = unsafeBody(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
    else passed.add(value);
  });
