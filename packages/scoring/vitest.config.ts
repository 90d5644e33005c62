import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'scoring',
    // Property tests run hundreds of cases: on a loaded shared machine 5 s is not a bound on the code.
    testTimeout: 60_000,
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
