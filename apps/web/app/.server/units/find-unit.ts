import { and, eq } from 'drizzle-orm';
import { schema, type Transaction } from '@tally/db';

/** A unit of the county by code, as the actor may see it; null when there is none. */
export async function findUnit(tx: Transaction, countyId: number, code: string) {
  const [unit] = await tx
    .select()
    .from(schema.units)
    .where(and(eq(schema.units.countyId, countyId), eq(schema.units.code, code)));
  return unit ?? null;
}
