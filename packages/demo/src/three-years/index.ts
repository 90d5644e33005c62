import { eq, sql } from 'drizzle-orm';
import { countRow, onlyRow, type Database } from '@tally/db';
import { hashPasswords, provisionCountyIn } from '@tally/db/provision';
import { users } from '@tally/db/schema';
import { demoContext, type DemoUser } from '../demo-context.ts';
import { demoCountySpec } from '../demo-county.ts';
import { buildDemoCases, insertBuiltCases } from '../demo-cases.ts';
import { DemoRandom } from '../demo-random.ts';
import { insertAssessmentYears } from './assessment.ts';
import { createDimensions } from './dimensions.ts';
import { insertLedgers } from './ledgers.ts';
import { insertReports } from './reports.ts';

export interface ThreeYearOptions {
  /** The instant the history runs up to (three years back from it); with the seed, it fixes the data. */
  now: Date;
  /** Default 2026_12_05: another seed gives another county history of the same shape. */
  seed?: number;
  /** Petition cases per year (default 1,500: a county of some 400,000 people). */
  casesPerYear?: number;
  /** Length of the history in months: 36 (three years) unless a test asks for a short one. */
  months?: number;
}

export interface ThreeYearSummary {
  /** Wall time of each step, in milliseconds, in the order they ran. */
  steps: Array<{ step: string; ms: number }>;
  /** Rows per table of the county after the load. */
  rows: Record<string, number>;
}

const DEFAULT_SEED = 2026_12_05;

/** The tables the data set fills, in the order the summary lists them. */
export const THREE_YEAR_TABLES = [
  'duty_logs',
  'investigation_rounds',
  'meetings',
  'publicity_records',
  'info_submissions',
  'hazard_checks',
  'disputes',
  'mediation_files',
  'petition_cases',
  'case_transitions',
  'reports',
  'report_versions',
  'inspection_scores',
  'checking_events',
  'assessment_rule_sets',
  'units',
  'users',
] as const;

/**
 * The bench's data set (issue 12): the demo county 清河县 (1 county, 12 townships, 180 villages,
 * the demo's logins) with three years of registers, petition cases, reports upward and
 * assessment inputs up to `now`. The registers and reports are multiplied out by set-based
 * SQL from small dimension tables; the cases go through the pure workflow as the demo's do
 * and are written in multi-row statements. One owner transaction on an empty database, then
 * VACUUM ANALYZE so the planner knows the tables before the first request.
 */
export async function seedThreeYears(ownerDb: Database, options: ThreeYearOptions): Promise<ThreeYearSummary> {
  const seed = options.seed ?? DEFAULT_SEED;
  const steps: ThreeYearSummary['steps'] = [];
  const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    steps.push({ step, ms: Math.round(performance.now() - started) });
    return result;
  };
  const spec = demoCountySpec();
  const passwordHashes = await timed('password hashes', () => hashPasswords(spec));
  await ownerDb.transaction(async (tx) => {
    const existing = onlyRow(await tx.execute(sql`select count(*)::int as n from counties`), countRow);
    if (existing.n > 0) throw new Error('the three-year data set loads into an empty database only');
    await timed('county, units, users', () => provisionCountyIn(tx, spec, passwordHashes));
    const accounts: DemoUser[] = (
      await tx
        .select({ id: users.id, loginName: users.loginName, role: users.role, unitCode: users.unitCode })
        .from(users)
        .where(eq(users.countyId, spec.countyId))
    ).sort((a, b) => a.loginName.localeCompare(b.loginName));
    const months = options.months ?? 36;
    const ctx = demoContext(spec, accounts, options.now, new DemoRandom(seed), months);
    await timed('dimension tables', () => createDimensions(tx, ctx));
    await timed('registers (8 INSERT … SELECT)', () => insertLedgers(tx, spec.countyId, String(seed), timed));
    const cases = await timed('petition cases: workflow in memory', async () =>
      buildDemoCases(ctx, Math.round(((options.casesPerYear ?? 1500) * months) / 12)),
    );
    await timed('petition cases: insert', () => insertBuiltCases(tx, ctx, cases));
    await timed('reports upward', () => insertReports(tx, ctx, String(seed)));
    await timed('assessment inputs', () => insertAssessmentYears(tx, ctx));
  });
  await timed('vacuum analyze', async () => {
    for (const table of THREE_YEAR_TABLES) await ownerDb.execute(sql`vacuum analyze ${sql.identifier(table)}`);
  });
  const rows: Record<string, number> = {};
  for (const table of THREE_YEAR_TABLES) {
    const counted = await ownerDb.execute(
      sql`select count(*)::int as n from ${sql.identifier(table)} where county_id = ${spec.countyId}`,
    );
    rows[table] = onlyRow(counted, countRow).n;
  }
  return { steps, rows };
}
