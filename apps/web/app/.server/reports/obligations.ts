import { and, eq } from 'drizzle-orm';
import { defaultObligations, type ReportObligation } from '@tally/reporting';
import { schema, type Transaction } from '@tally/db';

/**
 * The county's reporting obligations for a year: its own rows when it wrote any for that year,
 * else the docs/domain.md §5 default (villages and townships file 月报, 3 days' grace).
 */
export async function countyObligations(tx: Transaction, countyId: number, year: number): Promise<ReportObligation[]> {
  const o = schema.reportObligations;
  const rows = await tx
    .select({ level: o.level, kind: o.kind, graceDays: o.graceDays })
    .from(o)
    .where(and(eq(o.countyId, countyId), eq(o.year, year)));
  return rows.length > 0 ? rows : defaultObligations();
}
