import { and, count, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import { disputeFigures, type CivilDate, type DisputeFigures } from '@tally/casework';
import { schema, type Transaction } from '@tally/db';
import { inScope } from './unit-scope.ts';

/**
 * The dispute figures (docs/domain.md §4) of the disputes found in [from, to] at a unit and below,
 * given the unit's code prefix: the database counts groups, disputeFigures decides the rates.
 */
export async function disputeFiguresIn(
  tx: Transaction,
  countyId: number,
  scope: string,
  from: CivilDate,
  to: CivilDate,
): Promise<DisputeFigures> {
  const d = schema.disputes;
  const mediated = sql<boolean>`(${d.method} is not null)`;
  const groups = await tx
    .select({ severity: d.severity, mediated, outcome: d.outcome, satisfaction: d.satisfaction, n: count() })
    .from(d)
    .where(
      and(
        eq(d.countyId, countyId),
        isNull(d.deletedAt),
        inScope(d.unitCode, scope),
        gte(d.foundOn, from),
        lte(d.foundOn, to),
      ),
    )
    .groupBy(d.severity, mediated, d.outcome, d.satisfaction);
  return disputeFigures(
    groups.map((g) => ({
      severity: g.severity,
      mediated: Boolean(g.mediated),
      outcome: g.outcome,
      satisfaction: g.satisfaction,
      count: Number(g.n),
    })),
  );
}
