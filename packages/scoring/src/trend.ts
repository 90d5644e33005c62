/** trend(): score-to-date per unit per month or quarter, from dated facts. */
import type { AtRisk } from './explain.ts';
import type { Fixed } from './fixed-point.ts';
import { factsInPeriod, type UnitFacts } from './facts.ts';
import { rankMap } from './rank.ts';
import type { RuleSet } from './rule-set.ts';
import { score } from './score.ts';

export interface Period {
  label: string;
  /** First day counted (inclusive), ISO date; all earlier facts are ignored. Optional. */
  start?: string;
  /** Last day counted (inclusive), ISO date. */
  end: string;
  /**
   * Whether the period is closed at `end` (default true). periodsOf marks every period
   * but the year's last as open: scored to date, quotas short of their target at risk
   * instead of deducted (ScoreOptions.periodClosed).
   */
  closed?: boolean;
}

export type TrendSpec = { granularity: 'month' | 'quarter'; year: number } | { periods: readonly Period[] };

export interface TrendPoint {
  period: string;
  end: string;
  base: Fixed;
  bonus: Fixed;
  deductions: Fixed;
  final: Fixed;
  vetoed: boolean;
  rank: number;
  /** Percent of the inspection base assessed by `end` (Assessment.assessedWeightPct). */
  assessedWeightPct?: number;
  /** Quotas short of their target in an open period (Assessment.atRisk); absent for a closed one. */
  atRisk?: AtRisk[];
}

export interface TrendSeries {
  unitId: string;
  points: TrendPoint[];
}

const pad = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The periods of a year: 12 months ("2024-03") or 4 quarters ("2024-Q1"), to date from
 * 1 January. Every period but the last (December, Q4) is open: the year has not closed.
 */
export function periodsOf(granularity: 'month' | 'quarter', year: number): Period[] {
  const start = `${year}-01-01`;
  if (granularity === 'quarter')
    return [3, 6, 9, 12].map((m, i) => ({
      label: `${year}-Q${i + 1}`,
      start,
      end: `${year}-${pad(m)}-${pad(daysInMonth(year, m))}`,
      closed: m === 12,
    }));
  return Array.from({ length: 12 }, (_, i) => ({
    label: `${year}-${pad(i + 1)}`,
    start,
    end: `${year}-${pad(i + 1)}-${pad(daysInMonth(year, i + 1))}`,
    closed: i === 11,
  }));
}

/**
 * For every unit and every period, the assessment computed from the facts dated on or
 * before the period end (and on or after its start, when given), with the rank at that date.
 * Open periods (Period.closed false, as periodsOf gives for all but the year's last) are
 * scored to date: quotas short of their target are at risk, not deducted.
 * Pure: the caller supplies the periods; nothing reads the clock.
 */
export function trend(ruleSet: RuleSet, facts: readonly UnitFacts[], spec: TrendSpec): TrendSeries[] {
  const periods = 'periods' in spec ? spec.periods : periodsOf(spec.granularity, spec.year);
  const series = new Map<string, TrendPoint[]>();
  for (const p of periods) {
    const assessed = score(
      ruleSet,
      facts.map((u) => factsInPeriod(u, p.end, p.start)),
      { explain: false, periodClosed: p.closed ?? true },
    );
    const ranks = rankMap(assessed);
    for (const a of assessed) {
      let list = series.get(a.unitId);
      if (!list) series.set(a.unitId, (list = []));
      const point: TrendPoint = {
        period: p.label,
        end: p.end,
        base: a.base,
        bonus: a.bonus,
        deductions: a.deductions,
        final: a.final,
        vetoed: a.vetoed,
        rank: ranks.get(a.unitId) ?? 0,
      };
      if (a.assessedWeightPct !== undefined) point.assessedWeightPct = a.assessedWeightPct;
      if (a.atRisk !== undefined) point.atRisk = a.atRisk;
      list.push(point);
    }
  }
  return [...series].map(([unitId, points]) => ({ unitId, points }));
}
