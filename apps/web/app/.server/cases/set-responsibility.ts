import { isWithin } from '@tally/casework';
import { schema, type Transaction } from '@tally/db';
import { UserFacingError, forbidden } from '../errors.ts';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { caseKey, findCase } from './find-case.ts';
import type { ResponsibilityInput } from './inputs.ts';

/**
 * The "六定" responsibility fields and flagged supervision (挂牌督办). Set by the handling
 * unit or any unit above it (a county flags a township's case); version-checked like a
 * transition and audited with before and after. Kept out of the workflow log so that log
 * stays a pure replay of state-machine steps.
 */
export async function setResponsibility(tx: Transaction, ctx: AuthedContext, input: ResponsibilityInput) {
  const row = await findCase(tx, ctx, input.id, true);
  if (row.version !== input.version) throw new UserFacingError('CONFLICT', 'error.case.stale');
  if (!isWithin(row.unitCode, ctx.actor.unitCode)) throw forbidden();
  if (row.status === 'archived' || row.status === 'refused')
    throw new UserFacingError('BAD_REQUEST', 'cases.error.closedResponsibility');
  const fields = {
    leadLeader: input.leadLeader,
    responsibleUnit: input.responsibleUnit,
    responsiblePerson: input.responsiblePerson,
    supervisingUnit: input.supervisingUnit,
    supervisor: input.supervisor,
    responsibilityDeadline: input.deadline,
    flagged: input.flagged,
  };
  const before = {
    leadLeader: row.leadLeader,
    responsibleUnit: row.responsibleUnit,
    responsiblePerson: row.responsiblePerson,
    supervisingUnit: row.supervisingUnit,
    supervisor: row.supervisor,
    responsibilityDeadline: row.responsibilityDeadline,
    flagged: row.flagged,
  };
  await tx
    .update(schema.petitionCases)
    .set({ ...fields, version: row.version + 1, updatedAt: ctx.now })
    .where(caseKey(ctx, row.id));
  await auditChange(tx, ctx, {
    action: 'cases.setResponsibility',
    objectType: 'petition_case',
    objectId: row.caseNumber,
    detail: { before, after: fields },
  });
  return { id: row.id, version: row.version + 1 };
}
