import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Projects: unit tests and the PostgreSQL server tests run two files at a time (vitest's default
// on 2 cores is one); end-to-end tests (real browser, real processes, real backend) run one file
// at a time, alone: on this slow 2-core machine, two browser test files at once, or the browser
// tests beside the unit and server tests, made the whole run slower (each file 6-10 times its
// idle time instead of about 4) and let hang limits run out. The server and
// sync tests run a second time against a private PostgreSQL cluster (server-pg, sync-pg), which
// also runs the PostgreSQL-only tests in tests/server-pg.
// Password hashing at the production cost (scrypt N = 2^17) would make the many test servers
// slow: tests hash at 2^12. tests/server/passwords.test.ts checks the production default.
const env = { COPYDESK_TEST_PASSWORD_COST: '12' };
// expect.poll waits for an outcome (a view updated, a sync arrived). Its default gives up after
// 1 s, which a loaded machine exceeded with the right outcome on its way; a poll that fails
// waits longer, one that passes no longer.
const expectOptions = { poll: { timeout: 10_000 } };

/** The bin folder of the newest installed PostgreSQL ≥ 15, or a one-line reason why none. */
function findPgBin(): { bin: string } | { missing: string } {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .map(Number)
        .filter((v) => v >= 15)
        .sort((a, b) => b - a)
    : [];
  for (const v of versions) {
    const bin = join(root, String(v), 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return { bin };
  }
  return {
    missing: `PostgreSQL runs skipped: no PostgreSQL 15+ server binaries in ${root}/*/bin (apt-get install postgresql)`,
  };
}

const pg = findPgBin();
if ('missing' in pg) {
  if (process.env.CI === 'true') throw new Error(`${pg.missing}; CI must run them`);
  console.warn(pg.missing);
} else {
  process.env.COPYDESK_TEST_PG_BIN = pg.bin; // for tests/support/pg-global-setup.ts
}

const postgresProjects =
  'missing' in pg
    ? []
    : [
        {
          test: {
            name: 'server-pg',
            include: ['tests/server/**/*.test.ts', 'tests/server-pg/**/*.test.ts'],
            // SQLite-only: its WAL syncing, migration files, backup command and in-process bus.
            exclude: [
              'tests/server/wal-sync.test.ts',
              'tests/server/migrations-sqlite.test.ts',
              'tests/server/backup.test.ts',
              'tests/server/backend-bus.test.ts',
              // The public pages' HTML: the same templates on both databases, checked once.
              'tests/server/html-validity.test.ts',
            ],
            environment: 'node' as const,
            env,
            expect: expectOptions,
            // Each file gets its own database on the cluster, so two files can run at once.
            maxWorkers: 2,
            testTimeout: 120_000,
            hookTimeout: 120_000,
            globalSetup: [
              'tests/support/test-bin-global-setup.ts',
              'tests/support/pg-global-setup.ts',
            ],
          },
        },
        {
          test: {
            name: 'sync-pg',
            include: ['tests/sync/**/*.test.ts'],
            environment: 'node' as const,
            env,
            expect: expectOptions,
            fileParallelism: false,
            isolate: false,
            sequence: { groupOrder: 2 },
            testTimeout: 120_000,
            hookTimeout: 180_000,
            globalSetup: [
              'tests/support/global-setup.ts',
              'tests/support/test-bin-global-setup.ts',
              'tests/support/pg-global-setup.ts',
            ],
          },
        },
      ];

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/slow-files-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src-*/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
          environment: 'node',
          env,
          expect: expectOptions,
          // vitest's default on 2 cores is one worker; these files mostly wait on child processes,
          // servers and disk, so two at once use the machine better.
          maxWorkers: 2,
          // Several tests start server and CLI processes one after another (each loads the
          // server's modules); four of them took over 60 s on a loaded machine.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          globalSetup: ['tests/support/test-bin-global-setup.ts'],
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
          expect: expectOptions,
          fileParallelism: false,
          // One file after another in one process that keeps its imports (playwright-core, zod,
          // the helpers): about 0.25 s less per file here. Each file starts and stops its own
          // browser, servers and folders.
          isolate: false,
          // After unit and server-pg (group 0, two files at a time), then sync-pg alone.
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 180_000,
          globalSetup: ['tests/support/global-setup.ts', 'tests/support/test-bin-global-setup.ts'],
        },
      },
      ...postgresProjects,
    ],
  },
});
