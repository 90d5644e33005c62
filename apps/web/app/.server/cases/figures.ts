import { and, eq } from 'drizzle-orm';
import { isWithin } from '@tally/casework';
import { schema, type Transaction } from '@tally/db';
import { notFound } from '../errors.ts';
import { unitFigures } from '../services/case-figures.ts';
import type { AuthedContext } from '../trpc.ts';

/** Published figures (docs/domain.md §3) for one unit in the actor's scope and a period. */
export async function caseFigures(
  tx: Transaction,
  ctx: AuthedContext,
  input: { unitCode: string; from: string; to: string },
) {
  if (!isWithin(input.unitCode, ctx.actor.unitCode)) throw notFound();
  const [unit] = await tx
    .select({ code: schema.units.code, name: schema.units.name, level: schema.units.level })
    .from(schema.units)
    .where(and(eq(schema.units.countyId, ctx.actor.countyId), eq(schema.units.code, input.unitCode)));
  if (!unit) throw notFound();
  const figures = await unitFigures(tx, ctx.actor.countyId, unit, { from: input.from, to: input.to });
  return { unit, period: { from: input.from, to: input.to }, figures };
}
