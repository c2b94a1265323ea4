/** Shared set-up of the PostgreSQL-only tests: a fresh database on the run's test cluster. */
import { createTestDatabase } from '../support/postgres';
import { testPgAdminUrl } from '../support/pgTestRun';

export async function freshDatabase(): Promise<string> {
  const adminUrl = testPgAdminUrl();
  if (!adminUrl) throw new Error('no test cluster: run these tests in the server-pg project');
  return createTestDatabase(adminUrl);
}
