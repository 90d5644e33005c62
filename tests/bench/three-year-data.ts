import { seedThreeYears } from '@tally/demo';
import { openBenchDatabase } from './support/bench-database.ts';
import { printThreeYearSummary } from './support/three-year-summary.ts';

/*
 * The three-year data set of issue 12 (`npm run bench -- --seed-3y`): the demo county with
 * three years of registers, cases, reports and assessment inputs, loaded into a fresh database
 * (DATABASE_URL's server when set, else an embedded one). Prints each step's time and the
 * rows per table; the reference is the same load's own total, rows per second.
 */
const NOW = new Date('2026-11-23T10:00:00+08:00');
const db = await openBenchDatabase();
try {
  const started = performance.now();
  const summary = await seedThreeYears(db.owner.db, { now: NOW });
  printThreeYearSummary(summary, performance.now() - started);
} finally {
  await db.close();
}
