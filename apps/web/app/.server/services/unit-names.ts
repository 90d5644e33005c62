import { and, eq, inArray } from 'drizzle-orm';
import { schema, type Transaction } from '@tally/db';

/**
 * Names of the given units the actor may read (its scope and the units above it, by the
 * units_read and units_read_above policies), keyed by code. A code the actor cannot read
 * is absent: the caller shows the code.
 */
export async function unitNamesOf(
  tx: Transaction,
  countyId: number,
  codes: readonly (string | null)[],
): Promise<Record<string, string>> {
  const wanted = [...new Set(codes.filter((code): code is string => code !== null))];
  if (wanted.length === 0) return {};
  const rows = await tx
    .select({ code: schema.units.code, name: schema.units.name })
    .from(schema.units)
    .where(and(eq(schema.units.countyId, countyId), inArray(schema.units.code, wanted)));
  return Object.fromEntries(rows.map((row) => [row.code, row.name]));
}
