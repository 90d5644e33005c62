import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs every project. Database projects share one PostgreSQL:
 * embedded when DATABASE_URL is unset, that server otherwise; each test file
 * clones its own database from a migrated template.
 */
export default defineConfig({
  test: {
    globalSetup: ['./tests/setup/global-db.ts'],
    projects: [
      './packages/scoring',
      './packages/casework',
      './packages/reporting',
      './packages/imports',
      {
        test: {
          name: 'unit',
          // packages/db/test/unit/imports-engine: the import engine against the real registers
          // (kept out of @tally/imports so that package does not depend on @tally/db).
          include: ['apps/web/test/unit/**/*.test.ts', 'packages/db/test/unit/**/*.test.ts', 'scripts/**/*.test.ts'],
          setupFiles: ['./tests/setup/fail-on-console-error.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: [
            'packages/db/test/**/*.db.test.ts',
            'packages/demo/test/**/*.db.test.ts',
            'apps/web/test/**/*.db.test.ts',
            'tests/integration/**/*.test.ts',
          ],
          setupFiles: ['./tests/setup/fail-on-console-error.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          // Each journey builds the app into apps/web/build and serves it: one file at a time, so no build overwrites a running server's.
          fileParallelism: false,
          setupFiles: ['./tests/setup/fail-on-console-error.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
