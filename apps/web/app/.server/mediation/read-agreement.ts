import { and, eq } from 'drizzle-orm';
import { schema, type Transaction } from '@tally/db';
import { notFound } from '../errors.ts';
import type { AuthedContext } from '../trpc.ts';
import { agreementColumns, shownTo, visibleTo } from './agreement-access.ts';

const m = schema.mediationFiles;

/** One agreement (调解协议书) with everything §4 says it carries, masked for a unit other than the handling one. */
export async function readAgreement(tx: Transaction, ctx: AuthedContext, input: { id: string }) {
  const [row] = await tx
    .select({
      id: m.id,
      unitCode: m.unitCode,
      agreementNumber: m.agreementNumber,
      signedOn: m.signedOn,
      disputeId: m.disputeId,
      ...agreementColumns,
    })
    .from(m)
    .where(and(visibleTo(ctx), eq(m.id, input.id)));
  if (!row) throw notFound();
  const { id, unitCode, agreementNumber, signedOn, disputeId, ...values } = row;
  const [unit] = await tx
    .select({ name: schema.units.name })
    .from(schema.units)
    .where(and(eq(schema.units.countyId, ctx.actor.countyId), eq(schema.units.code, unitCode)));
  return {
    id,
    unitCode,
    agreementNumber,
    signedOn,
    disputeId,
    unitName: unit?.name ?? unitCode,
    ...shownTo({ unitCode }, values, ctx),
  };
}
