import { and, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { COLLECTIVE_THRESHOLD, addDays, meetsTarget, type CivilDate } from '@tally/casework';
import { anyInScope } from '../services/unit-scope.ts';
import { schema, scopeOf, type Transaction } from '@tally/db';
import type { RankedUnit } from '../assessment/group-facts.ts';
import { unitFigures } from '../services/case-figures.ts';
import { shanghaiMidnight } from '../services/case-filters.ts';
import { disputeFiguresIn } from '../services/dispute-figures.ts';
import { indicatorTargets } from './indicator-targets.ts';

/**
 * Collective and skip-level petitions received in the window at a unit and below, by the same
 * reading as the figures (registered or handled there) and the assessment's one-per-case rule:
 * a collective petition that also skipped a level counts as collective only.
 */
async function petitionFlags(tx: Transaction, countyId: number, scope: string, from: CivilDate, to: CivilDate) {
  const c = schema.petitionCases;
  const [row] = await tx
    .select({
      collective: sql<number>`count(*) filter (where ${c.peopleCount} >= ${COLLECTIVE_THRESHOLD})`,
      skipLevel: sql<number>`count(*) filter (where ${c.skipLevel} and ${c.peopleCount} < ${COLLECTIVE_THRESHOLD})`,
    })
    .from(c)
    .where(
      and(
        eq(c.countyId, countyId),
        isNull(c.deletedAt),
        anyInScope([c.registeredUnitCode, c.unitCode], scope),
        gte(c.receivedAt, shanghaiMidnight(from)),
        lt(c.receivedAt, shanghaiMidnight(addDays(to, 1))),
      ),
    );
  return { collective: Number(row?.collective ?? 0), skipLevel: Number(row?.skipLevel ?? 0) };
}

/**
 * Every unit under the scope with its petition figures (unitFigures, unchanged), collective and
 * skip-level counts, and dispute rates, each rate marked against its target. Bounded: one
 * county, one window, the units directly under one scope (three queries per unit).
 */
export async function sideBySide(
  tx: Transaction,
  countyId: number,
  units: readonly RankedUnit[],
  from: CivilDate,
  to: CivilDate,
) {
  const targets = indicatorTargets(countyId);
  const rows = [];
  for (const unit of units) {
    const scope = scopeOf(unit.code, unit.level);
    const [cases, flags, disputes] = await Promise.all([
      unitFigures(tx, countyId, unit, { from, to }),
      petitionFlags(tx, countyId, scope, from, to),
      disputeFiguresIn(tx, countyId, scope, from, to),
    ]);
    rows.push({
      unitCode: unit.code,
      unitName: unit.name,
      received: cases.received,
      unique: cases.uniqueCases,
      closed: cases.closed,
      closureRate: {
        ...cases.closureRate,
        meets: meetsTarget(cases.closureRate.numerator, cases.closureRate.denominator, targets.closure),
      },
      onTimeRate: {
        ...cases.onTimeRate,
        meets: meetsTarget(cases.onTimeRate.numerator, cases.onTimeRate.denominator, targets.onTime),
      },
      collective: flags.collective,
      skipLevel: flags.skipLevel,
      disputes: disputes.total,
      success: { ...disputes.success.rate, meets: disputes.success.meets },
      satisfaction: { ...disputes.satisfaction.rate, meets: disputes.satisfaction.meets },
    });
  }
  return { targets, rows };
}
