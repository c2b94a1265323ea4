/** Shared set-up of the PostgreSQL-only tests: a fresh database on the run's test cluster. */
import pg from 'pg';
import { vi } from 'vitest';
import { createTestDatabase } from '../support/postgres';
import { testPgAdminUrl } from '../support/pgTestRun';

export async function freshDatabase(): Promise<string> {
  const adminUrl = testPgAdminUrl();
  if (!adminUrl) throw new Error('no test cluster: run these tests in the server-pg project');
  return createTestDatabase(adminUrl);
}

/** Records the text of every message sent to PostgreSQL from now on (vi.restoreAllMocks ends it). */
export function recordMessages(): string[] {
  const sent: string[] = [];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the client as `this`
  const query = pg.Client.prototype.query;
  vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args) {
    const first = args[0] as string | { text: string };
    sent.push(typeof first === 'string' ? first : first.text);
    return (query as (...a: unknown[]) => unknown).apply(this, args) as never;
  });
  return sent;
}
