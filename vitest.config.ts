import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests run in parallel; end-to-end tests (real browser, real processes,
// real backend) run one file at a time so that 2 cores are not oversubscribed.
// Password hashing at the production cost (scrypt N = 2^17) would make the many test servers
// slow: tests hash at 2^12. tests/server/passwords.test.ts checks the production default.
const env = { COPYDESK_TEST_PASSWORD_COST: '12' };
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src-*/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
          environment: 'node',
          env,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: [
            'tests/e2e/**/*.test.ts',
            'tests/electron/**/*.test.ts',
            'tests/sync/**/*.test.ts',
          ],
          environment: 'node',
          env,
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          globalSetup: ['tests/support/global-setup.ts'],
        },
      },
    ],
  },
});
