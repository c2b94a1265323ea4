/**
 * The text rule (./rule.ts) applied to every string of a rich-text body (Lexical JSON): a text
 * node's `text` as one line (line breaks are linebreak nodes in Lexical, never characters),
 * every other string (captions, credits, URLs…) as free text. Iterative: any depth is safe.
 */
import { cleanLine, cleanText, isCleanText } from './rule';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null;

/** Whether a string passes as is: clean and, for a text node's `text`, on one line. */
const fits = (key: string, s: string) => isCleanText(s) && (key !== 'text' || !s.includes('\n'));

// Runs on every article answer the desk reads (a long body has tens of thousands of values):
// indexed and for-in loops, without the arrays Object.entries would allocate per node.
function needsCleaning(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const child: unknown = v[i];
        if (typeof child === 'string') {
          if (!fits('', child)) return true;
        } else if (isObject(child)) stack.push(child);
      }
    } else if (isObject(v)) {
      for (const k in v) {
        if (!Object.hasOwn(v, k)) continue;
        const child = v[k];
        if (typeof child === 'string') {
          if (!fits(k, child)) return true;
        } else if (isObject(child)) stack.push(child);
      }
    }
  }
  return false;
}

function cleanCopy(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return key === 'text' ? cleanLine(value) : cleanText(value);
  if (Array.isArray(value)) return value.map((v) => cleanCopy(v));
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) out[k] = cleanCopy(v, k);
  return out;
}

/** The body with the rule applied; the same object when it already complies. */
export function cleanBody<T>(body: T): T {
  return needsCleaning(body) ? (cleanCopy(body) as T) : body;
}
