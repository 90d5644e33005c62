import { defineConfig } from 'drizzle-kit';

// `generate` + `migrate` only: `push` has been seen to drop policies, and
// FORCE ROW LEVEL SECURITY plus grants live in a hand-written migration.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
});
