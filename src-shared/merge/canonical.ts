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

/** Deep equality of JSON values (undefined properties are ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return canonicalJson(a) === canonicalJson(b);
}
