/**
 * Field-level merge of metadata (docs/sync.md), used by the server for `article.setFields` and
 * `image.setMeta`, and by the client when it rebases pending edits on new server data.
 *
 * For each field the client sent:
 * - nobody changed it on the server since the client's base version  → take the client's value;
 * - the server already has the client's value                         → nothing to do;
 * - the server value equals the client's base value (A→B→A)           → take the client's value;
 * - otherwise by policy: `editorial` keeps the server value and returns a conflict holding both
 *   versions; `set` merges as add/remove sets (add wins, never a conflict); `lastWins` takes the
 *   client's value (the overwritten value stays in the change history).
 */
import { canonicalJson, jsonEqual } from './canonical';

export type FieldPolicy = 'editorial' | 'set' | 'lastWins';

export interface FieldConflict {
  field: string;
  /** The value both sides started from (undefined when the client did not send it). */
  base: unknown;
  /** The server's value, which stays. */
  theirs: unknown;
  /** The client's value, kept in the conflict record. */
  mine: unknown;
}

export interface FieldMergeInput<F extends Record<string, unknown>> {
  /** Current (server) values. */
  current: F;
  /** Version (change seq) at which each field last changed on the server; missing = never. */
  fieldVersions: Partial<Record<keyof F & string, number>>;
  /** The entity version the client edited from. */
  baseVersion: number;
  /** The client's new values. */
  values: Partial<F>;
  /** The values the client saw before editing (its merge base). */
  baseValues: Partial<F>;
  policy: Record<keyof F & string, FieldPolicy>;
}

export interface FieldMergeResult<F> {
  /** Values to write (only fields that really change). */
  patch: Partial<F>;
  conflicts: FieldConflict[];
}

/** Merges a set-valued field: current ∪ (mine − base) − (base − mine), in a stable order. */
export function mergeSet<T>(
  base: readonly T[] | undefined,
  current: readonly T[],
  mine: readonly T[],
): T[] {
  const key = (v: T) => canonicalJson(v);
  const mineKeys = new Set(mine.map(key));
  const baseKeys = new Set((base ?? []).map(key));
  const removed = new Set(base ? base.map(key).filter((k) => !mineKeys.has(k)) : []);
  const out: T[] = [];
  const seen = new Set<string>();
  for (const v of current) {
    const k = key(v);
    if (removed.has(k) || seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  for (const v of mine) {
    const k = key(v);
    if (seen.has(k) || baseKeys.has(k)) continue; // not added by the client, or already present
    seen.add(k);
    out.push(v);
  }
  return out;
}

export function mergeFields<F extends Record<string, unknown>>(
  input: FieldMergeInput<F>,
): FieldMergeResult<F> {
  const patch: Partial<F> = {};
  const conflicts: FieldConflict[] = [];
  for (const field of Object.keys(input.values) as (keyof F & string)[]) {
    const mine = input.values[field];
    if (mine === undefined) continue;
    const theirs = input.current[field];
    const hasBase = Object.prototype.hasOwnProperty.call(input.baseValues, field);
    const base = input.baseValues[field];
    const fieldVersion = input.fieldVersions[field] ?? 0;
    const untouched = fieldVersion <= input.baseVersion;
    if (jsonEqual(theirs, mine)) continue; // same edit or no change
    if (untouched || (hasBase && jsonEqual(theirs, base))) {
      patch[field] = mine;
      continue;
    }
    const policy = input.policy[field];
    if (policy === 'set' && Array.isArray(theirs) && Array.isArray(mine)) {
      const merged = mergeSet(hasBase && Array.isArray(base) ? base : undefined, theirs, mine);
      if (!jsonEqual(merged, theirs)) patch[field] = merged as F[keyof F & string];
    } else if (policy === 'lastWins') {
      patch[field] = mine;
    } else {
      conflicts.push({ field, base: hasBase ? base : undefined, theirs, mine });
    }
  }
  return { patch, conflicts };
}
