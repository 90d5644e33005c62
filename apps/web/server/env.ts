import { z } from 'zod';

/** Fail fast at start on a bad environment, with the variable named. */
const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  APP_DB_PASSWORD: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,128}$/)
    .optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  SECURE_COOKIES: z.enum(['0', '1']).optional(),
  TALLY_DATA_DIR: z.string().optional(),
  TALLY_SEED_DEMO: z.enum(['0', '1']).default('1'),
  /** '0' seeds the demo county and its users without ledgers and cases (browser journeys start from an empty county). */
  TALLY_DEMO_DATA: z.enum(['0', '1']).default('1'),
  /** '1' adds a (redacted) cause and stack to tRPC error responses: for a developer's machine, never in service. */
  TALLY_DEBUG_ERRORS: z.enum(['0', '1']).default('0'),
  /** HTTP worker processes (node:cluster); unset: one per core; 1: no cluster, one process as before. */
  TALLY_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  /** Database connections of each worker's request pool (default 10, capped by PostgreSQL's max_connections). */
  APP_DB_POOL: z.coerce.number().int().min(1).max(200).optional(),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Bad environment: ${problems}`);
  }
  return parsed.data;
}
