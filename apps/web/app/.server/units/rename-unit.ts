import { and, eq } from 'drizzle-orm';
import { schema, type Transaction } from '@tally/db';
import { notFound } from '../errors.ts';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { findUnit } from './find-unit.ts';

export async function renameUnit(tx: Transaction, ctx: AuthedContext, input: { code: string; name: string }) {
  const unit = await findUnit(tx, ctx.actor.countyId, input.code);
  if (!unit) throw notFound();
  await tx
    .update(schema.units)
    .set({ name: input.name, updatedAt: ctx.now })
    .where(and(eq(schema.units.countyId, ctx.actor.countyId), eq(schema.units.code, input.code)));
  await auditChange(tx, ctx, {
    action: 'units.rename',
    objectType: 'unit',
    objectId: input.code,
    detail: { from: unit.name, to: input.name },
  });
  return { code: input.code, name: input.name };
}
