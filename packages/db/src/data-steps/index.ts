/**
 * Data steps: one-off rewrites of stored data that SQL cannot express well, run by
 * runMigrations after the SQL migrations, each once per database. Done steps are recorded
 * in drizzle.tally_data_steps (beside drizzle's own journal, outside the tenant tables).
 * A step and its record commit together, so a failed step runs again on the next start;
 * a second process starting at the same time waits on the record and then skips the step.
 */
import { sql } from 'drizzle-orm';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { giveOpenCasesAClock } from './case-open-clocks.ts';
import { recomputeFingerprints } from './fingerprints.ts';

type Step = (db: Pick<PostgresJsDatabase, 'select' | 'update' | 'execute'>) => Promise<unknown>;

/** In order; append only. A step's name is its identity: never rename one. */
const STEPS: ReadonlyArray<readonly [string, Step]> = [
  ['0019-fingerprints-without-empty-fields', recomputeFingerprints],
  ['issue13-open-case-clocks', (db) => giveOpenCasesAClock(db)],
];

export async function runDataSteps(db: PostgresJsDatabase): Promise<void> {
  await db.execute(
    sql`create table if not exists drizzle.tally_data_steps (name text primary key, done_at timestamptz not null default now())`,
  );
  for (const [name, step] of STEPS) {
    await db.transaction(async (tx) => {
      const claimed = await tx.execute(
        sql`insert into drizzle.tally_data_steps (name) values (${name}) on conflict do nothing returning name`,
      );
      if (claimed.length) await step(tx);
    });
  }
}
