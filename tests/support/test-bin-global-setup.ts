/** Global setup of every project: bundles the programs the tests start (test-bin.ts). */
import { buildTestBin } from './test-bin';

export default async function setup(): Promise<void> {
  await buildTestBin();
}
