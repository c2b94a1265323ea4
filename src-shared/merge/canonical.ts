/**
 * Canonical JSON: object keys sorted, so two structurally equal values give the same string.
 * Used to compare field values and body blocks during merges (no hashing library needed in
 * src-shared; the string itself is the content key).
 */
export function canonicalJson(value: unknown): string {
  // JSON.stringify(undefined) is undefined: give it a key of its own.
  return JSON.stringify(sortKeys(value, 0)) ?? 'undefined';
}

function sortKeys(value: unknown, depth: number): unknown {
  if (depth > 500) throw new Error('value is nested too deeply');
  if (Array.isArray(value)) return value.map((v) => sortKeys(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v, depth + 1);
    }
    return out;
  }
  return value;
}

/**
 * Deep equality of JSON values (undefined properties are ignored, key order does not matter):
 * the same verdict as comparing canonicalJson strings, but stops at the first difference and
 * builds no strings (a 1,000-paragraph body edited in one paragraph is compared cheaply).
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return equalAt(a, b, 0);
}

function equalAt(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) return true;
  if (depth > 500) throw new Error('value is nested too deeply');
  const objA = a !== null && typeof a === 'object';
  const objB = b !== null && typeof b === 'object';
  // Primitives (and undefined, NaN, …) compare as JSON would write them.
  if (!objA || !objB) return !objA && !objB && canonicalJson(a) === canonicalJson(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    // JSON writes an undefined array element as null.
    for (let i = 0; i < a.length; i++)
      if (!equalAt(a[i] === undefined ? null : a[i], b[i] === undefined ? null : b[i], depth + 1))
        return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let count = 0;
  for (const k of Object.keys(ra)) {
    if (ra[k] === undefined) continue;
    count++;
    if (!Object.prototype.hasOwnProperty.call(rb, k) || !equalAt(ra[k], rb[k], depth + 1))
      return false;
  }
  for (const k of Object.keys(rb)) if (rb[k] !== undefined) count--;
  return count === 0;
}
