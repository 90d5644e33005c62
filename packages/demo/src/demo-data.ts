import { eq } from 'drizzle-orm';
import type { Transaction } from '@tally/db';
import type { RegisterKey } from '@tally/db/registers';
import { users } from '@tally/db/schema';
import { demoContext, type DemoUser } from './demo-context.ts';
import { insertDemoAssessment, type DemoAssessmentSummary } from './demo-assessment.ts';
import { insertDemoCases } from './demo-cases.ts';
import { insertDemoReports } from './demo-reports.ts';
import { addDisputes } from './demo-disputes.ts';
import { addRoutineRegisters } from './demo-ledgers.ts';
import { DemoRandom } from './demo-random.ts';
import { RegisterRows } from './demo-register-rows.ts';
import type { CountySpec } from '@tally/db/provision';

export interface DemoDataSummary {
  registers: Partial<Record<RegisterKey, number>>;
  cases: number;
  assessment: DemoAssessmentSummary;
  reports: number;
}

/** A different stream from the county's names, so adding users never reshuffles the ledgers. */
const DATA_SEED = 2026_11_23_1;

/**
 * Six months of ledgers and petition cases for a provisioned county, up to `now`, inside
 * the caller's (owner) transaction. Same county and `now` give the same data.
 */
export async function seedDemoData(tx: Transaction, spec: CountySpec, now: Date): Promise<DemoDataSummary> {
  const accounts = await tx
    .select({ id: users.id, loginName: users.loginName, role: users.role, unitCode: users.unitCode })
    .from(users)
    .where(eq(users.countyId, spec.countyId));
  // Sorted so the keeper of each unit does not depend on the order the database returns rows in.
  const demoUsers: DemoUser[] = accounts.sort((a, b) => a.loginName.localeCompare(b.loginName));
  const ctx = demoContext(spec, demoUsers, now, new DemoRandom(DATA_SEED));
  const rows = new RegisterRows(ctx);
  const findings = addDisputes(ctx, rows);
  addRoutineRegisters(ctx, rows, findings);
  await rows.insert(tx);
  const cases = await insertDemoCases(tx, ctx);
  const assessment = await insertDemoAssessment(tx, ctx);
  // Last: drawing from the random stream after everything else keeps the older demo data as it was.
  const reportCount = await insertDemoReports(tx, ctx);
  return {
    registers: Object.fromEntries([...rows.rows].map(([key, list]) => [key, list.length])),
    cases,
    assessment,
    reports: reportCount,
  };
}
