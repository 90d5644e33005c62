import type { ThreeYearSummary } from '@tally/demo';

/** Steps with their times, rows per table, and the load's rate. */
export function printThreeYearSummary(summary: ThreeYearSummary, totalMs: number): void {
  const total = Object.entries(summary.rows).reduce(
    (sum, [table, n]) => (table === 'units' || table === 'users' ? sum : sum + n),
    0,
  );
  process.stdout.write(`three-year data set loaded in ${(totalMs / 1000).toFixed(1)} s\n`);
  for (const { step, ms } of summary.steps)
    process.stdout.write(`  ${step.padEnd(40)}${(ms / 1000).toFixed(1).padStart(8)} s\n`);
  process.stdout.write('rows per table:\n');
  for (const [table, n] of Object.entries(summary.rows))
    process.stdout.write(`  ${table.padEnd(40)}${n.toLocaleString('en').padStart(10)}\n`);
  process.stdout.write(
    `  ${'total (without units and users)'.padEnd(40)}${total.toLocaleString('en').padStart(10)}  (${Math.round(total / (totalMs / 1000)).toLocaleString('en')} rows/s)\n`,
  );
}
