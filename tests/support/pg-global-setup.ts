/** Global setup of the PostgreSQL projects: one private cluster for the whole run. */
import { PG_ADMIN_URL_ENV, PG_BIN_ENV, startPgCluster } from './postgres';

export default async function setup(): Promise<() => void> {
  const bin = process.env[PG_BIN_ENV];
  if (!bin) throw new Error(`${PG_BIN_ENV} is not set (vitest.config.ts sets it)`);
  const cluster = await startPgCluster(bin);
  // Test workers and the server processes they spawn inherit the environment.
  process.env[PG_ADMIN_URL_ENV] = cluster.adminUrl;
  return () => cluster.stop();
}
