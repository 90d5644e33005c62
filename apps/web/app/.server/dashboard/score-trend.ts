import type { WorkCalendar } from '@tally/casework';
import type { Transaction } from '@tally/db';
import { formatFixed, trend } from '@tally/scoring';
import { factsFor, unitsUnder } from '../assessment/assess-units.ts';
import { publishedRuleSet } from '../assessment/rule-set-store.ts';
import { scoredTrendPeriods, trendPeriods } from './trend-periods.ts';

/**
 * Each unit's score to date at every month or quarter end of the year, under the year's rule set
 * in force: the year's facts are read once (up to today; whole months from the per-unit-per-month
 * aggregates) and the engine's trend() scores each cumulative window. Bounded: one scope, one year.
 */
export async function scoreTrend(
  tx: Transaction,
  countyId: number,
  scopeCode: string,
  year: number,
  granularity: 'month' | 'quarter',
  calendar: WorkCalendar,
  now: Date,
) {
  const published = await publishedRuleSet(tx, countyId, year);
  const units = await unitsUnder(tx, countyId, scopeCode);
  if (!published || units.length === 0)
    return {
      ruleSetHash: null,
      readTo: null,
      aggregatesAsOf: null,
      periods: [],
      units: units.map(({ code, name }) => ({ code, name })),
      series: [],
    };
  const assessed = await factsFor(
    tx,
    { countyId, year, period: 'year' },
    units,
    [published.ruleSet],
    calendar,
    now,
    'aggregates',
  );
  const periods = trendPeriods(granularity, year, assessed.readTo, assessed.closed);
  const series = trend(published.ruleSet, assessed.facts, {
    periods: scoredTrendPeriods(periods, year, assessed.closed),
  });
  return {
    ruleSetHash: published.hash,
    readTo: assessed.readTo,
    aggregatesAsOf: assessed.aggregatesAsOf?.toISOString() ?? null,
    periods: periods.map((period) => ({ label: period.label, end: period.end })),
    units: units.map(({ code, name }) => ({ code, name })),
    series: series.map((line) => ({
      unitCode: line.unitId,
      points: line.points.map((point, index) => ({
        period: point.period,
        end: periods[index]?.end ?? point.end,
        final: formatFixed(point.final),
        finalMilli: point.final,
        rank: point.rank,
        vetoed: point.vetoed,
      })),
    })),
  };
}
