/**
 * Which database the current test project runs on. The PostgreSQL projects' global setup
 * provides the cluster's URL to its own project only (vitest's provide/inject), so the SQLite
 * projects that run in the same `vitest run` stay on SQLite.
 */
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string | undefined;
  }
}

/** The cluster of this test project, or undefined when the project runs on SQLite. */
export function testPgAdminUrl(): string | undefined {
  return inject('pgAdminUrl') || undefined;
}
