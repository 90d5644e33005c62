import { and, count, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import { disputeFigures, type CivilDate, type DisputeFigures, type DisputeGroup } from '@tally/casework';
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
  return disputeFiguresOf(await disputeGroupsIn(tx, countyId, scope, from, to, scope.length), scope, from, to);
}

/** Disputes counted by the unit prefix of length `unitDigits` they lie under, the day found and the figures' groups. */
export interface ScopedDisputeGroup extends DisputeGroup {
  unitPrefix: string;
  foundOn: CivilDate;
}

/**
 * The one grouped read behind disputeFiguresIn, also by unit prefix and day found, so a page with
 * several windows (the indicator trend) or units (side by side) reads once and hands out the
 * groups with `disputeFiguresOf`.
 */
export async function disputeGroupsIn(
  tx: Transaction,
  countyId: number,
  scope: string,
  from: CivilDate,
  to: CivilDate,
  unitDigits: number,
): Promise<ScopedDisputeGroup[]> {
  const d = schema.disputes;
  const mediated = sql<boolean>`(${d.method} is not null)`;
  if (!Number.isInteger(unitDigits) || unitDigits < 1 || unitDigits > 12) throw new RangeError('unit digits 1–12');
  // Inline, not a parameter: the grouping must be the same expression as the selected column.
  const unitPrefix = sql<string>`left(${d.unitCode}, ${sql.raw(String(unitDigits))})`;
  const groups = await tx
    .select({
      unitPrefix,
      foundOn: d.foundOn,
      severity: d.severity,
      mediated,
      outcome: d.outcome,
      satisfaction: d.satisfaction,
      n: count(),
    })
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
    .groupBy(unitPrefix, d.foundOn, d.severity, mediated, d.outcome, d.satisfaction);
  return groups.map((g) => ({
    unitPrefix: g.unitPrefix,
    foundOn: g.foundOn,
    severity: g.severity,
    mediated: Boolean(g.mediated),
    outcome: g.outcome,
    satisfaction: g.satisfaction,
    count: Number(g.n),
  }));
}

/** The dispute figures of the groups under `scope` found in [from, to] (inside the window read). */
export function disputeFiguresOf(
  groups: readonly ScopedDisputeGroup[],
  scope: string,
  from: CivilDate,
  to: CivilDate,
): DisputeFigures {
  return disputeFigures(groups.filter((g) => g.unitPrefix.startsWith(scope) && g.foundOn >= from && g.foundOn <= to));
}
