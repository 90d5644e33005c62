import { defineConfig } from 'vitest/config';
export default defineConfig({ test: { name: 'imports', include: ['test/**/*.test.ts'], testTimeout: 60000 } });
