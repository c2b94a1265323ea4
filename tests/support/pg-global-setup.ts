/** Global setup of the PostgreSQL projects: one private cluster for the whole run. */
import type { TestProject } from 'vitest/node';
import { PG_BIN_ENV, startPgCluster } from './postgres';
import './pgTestRun';

export default async function setup(project: TestProject): Promise<() => void> {
  const bin = process.env[PG_BIN_ENV];
  if (!bin) throw new Error(`${PG_BIN_ENV} is not set (vitest.config.ts sets it)`);
  const cluster = await startPgCluster(bin);
  project.provide('pgAdminUrl', cluster.adminUrl);
  return () => cluster.stop();
}
