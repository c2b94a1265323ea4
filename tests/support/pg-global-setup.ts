/** Global setup of the PostgreSQL projects: one private cluster for the whole run. */
import { findPgBin, PG_ADMIN_URL_ENV, startPgCluster } from './postgres';

export default async function setup(): Promise<() => void> {
  const found = findPgBin();
  if ('missing' in found) throw new Error(found.missing); // the config does not add the project then
  const cluster = await startPgCluster(found.bin);
  // Test workers and the server processes they spawn inherit the environment.
  process.env[PG_ADMIN_URL_ENV] = cluster.adminUrl;
  return () => cluster.stop();
}
