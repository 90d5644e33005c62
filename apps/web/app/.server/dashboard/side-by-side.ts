import { COLLECTIVE_THRESHOLD, meetsTarget, unitLevelOf, type CivilDate } from '@tally/casework';
import { scopeOf, type Transaction } from '@tally/db';
import type { RankedUnit } from '../assessment/group-facts.ts';
import { caseRecordsIn, figuresOf, type ScopedPetitionRecord } from '../services/case-figures.ts';
import { disputeFiguresOf, disputeGroupsIn } from '../services/dispute-figures.ts';
import { indicatorTargets } from './indicator-targets.ts';

/**
 * Collective and skip-level petitions among the cases of a scope (registered or handled there, as
 * the figures read them), by the assessment's one-per-case rule: a collective petition that also
 * skipped a level counts as collective only.
 */
function petitionFlags(records: readonly ScopedPetitionRecord[]) {
  let collective = 0;
  let skipLevel = 0;
  for (const record of records) {
    if (record.peopleCount >= COLLECTIVE_THRESHOLD) collective++;
    else if (record.skipLevel) skipLevel++;
  }
  return { collective, skipLevel };
}

/**
 * Every unit under the scope with its petition figures (unitFigures' reading and function),
 * collective and skip-level counts, and dispute rates, each rate marked against its target.
 * Bounded: one county, one window, the units directly under one scope; the scope's cases and
 * dispute groups are read once and handed out per unit.
 */
export async function sideBySide(
  tx: Transaction,
  countyId: number,
  scopeCode: string,
  units: readonly RankedUnit[],
  from: CivilDate,
  to: CivilDate,
) {
  const targets = indicatorTargets(countyId);
  const level = unitLevelOf(scopeCode);
  const parent = level ? scopeOf(scopeCode, level) : scopeCode;
  const unitDigits = units[0] ? scopeOf(units[0].code, units[0].level).length : parent.length;
  const [cases, disputes] = await Promise.all([
    caseRecordsIn(tx, countyId, parent, { from, to }),
    disputeGroupsIn(tx, countyId, parent, from, to, unitDigits),
  ]);
  const rows = units.map((unit) => {
    const scope = scopeOf(unit.code, unit.level);
    const figures = figuresOf(cases, scope, { from, to });
    const own = cases.filter((c) => c.registeredUnitCode.startsWith(scope) || c.unitCode.startsWith(scope));
    const flags = petitionFlags(own);
    const rates = disputeFiguresOf(disputes, scope, from, to);
    return {
      unitCode: unit.code,
      unitName: unit.name,
      received: figures.received,
      unique: figures.uniqueCases,
      closed: figures.closed,
      closureRate: {
        ...figures.closureRate,
        meets: meetsTarget(figures.closureRate.numerator, figures.closureRate.denominator, targets.closure),
      },
      onTimeRate: {
        ...figures.onTimeRate,
        meets: meetsTarget(figures.onTimeRate.numerator, figures.onTimeRate.denominator, targets.onTime),
      },
      collective: flags.collective,
      skipLevel: flags.skipLevel,
      disputes: rates.total,
      success: { ...rates.success.rate, meets: rates.success.meets },
      satisfaction: { ...rates.satisfaction.rate, meets: rates.satisfaction.meets },
    };
  });
  return { targets, rows };
}
