import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

/**
 * Prepared statements compiled on first use, so opening the core (the first screen) does not
 * pay for the ones this session never runs.
 */
export function lazyStatements<K extends string>(
  db: Db,
  sql: Record<K, string>,
): Record<K, Statement<unknown[]>> {
  const cache = new Map<K, Statement<unknown[]>>();
  const out = {} as Record<K, Statement<unknown[]>>;
  for (const key of Object.keys(sql) as K[]) {
    Object.defineProperty(out, key, {
      enumerable: true,
      get() {
        let s = cache.get(key);
        if (!s) {
          s = db.prepare<unknown[]>(sql[key]);
          cache.set(key, s);
        }
        return s;
      },
    });
  }
  return out;
}
