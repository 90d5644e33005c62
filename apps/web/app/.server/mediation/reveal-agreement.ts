import { and, eq } from 'drizzle-orm';
import { schema, type Transaction } from '@tally/db';
import { notFound } from '../errors.ts';
import { personalValues } from '../registers/masking.ts';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { agreementColumns, mediationFields, visibleTo } from './agreement-access.ts';

const m = schema.mediationFiles;

/**
 * The agreement's parties and free text in full for a unit above the handling one (a
 * supervisor checking a case): allowed in scope, always audited (§8). Printing stays with
 * the handling unit.
 */
export async function revealAgreement(tx: Transaction, ctx: AuthedContext, input: { id: string }) {
  const [row] = await tx
    .select({ agreementNumber: m.agreementNumber, ...agreementColumns })
    .from(m)
    .where(and(visibleTo(ctx), eq(m.id, input.id)));
  if (!row) throw notFound();
  await auditChange(tx, ctx, {
    action: 'mediation.reveal',
    objectType: 'mediation_file',
    objectId: input.id,
    detail: { agreementNumber: row.agreementNumber },
  });
  const { agreementNumber: _number, ...values } = row;
  return personalValues(mediationFields, values);
}
