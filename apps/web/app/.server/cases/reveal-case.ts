import type { Transaction } from '@tally/db';
import { revealedPersonalData, type PersonalData } from '../services/case-records.ts';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { findCase } from './find-case.ts';

/** Show personal data in full outside the handling unit: allowed in scope, always audited (§8). */
export async function revealCase(tx: Transaction, ctx: AuthedContext, id: string): Promise<PersonalData> {
  const row = await findCase(tx, ctx, id);
  await auditChange(tx, ctx, { action: 'cases.reveal', objectType: 'petition_case', objectId: row.caseNumber });
  return revealedPersonalData(row);
}
