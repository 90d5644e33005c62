import { and, asc, desc, eq } from 'drizzle-orm';
import type { WorkCalendar } from '@tally/casework';
import { schema, type AssessmentPeriod, type Transaction } from '@tally/db';
import { formatFixed } from '@tally/scoring';
import { factsFor, scoreAndRank, unitsUnder } from '../assessment/assess-units.ts';
import { publishedRuleSet } from '../assessment/rule-set-store.ts';
import type { DashboardScope } from './ranking-scope.ts';

export interface RankingLine {
  unitCode: string;
  unitName: string;
  rank: number;
  final: string;
  finalMilli: number;
  vetoed: boolean;
}

/** Where a ranking's numbers come from: a published result, the live score to date, or nothing the reader may see. */
export type PeriodRanking =
  | {
      source: 'published';
      resultId: string;
      asOf: string;
      readTo: string;
      closed: boolean;
      lines: RankingLine[];
      openable: string[];
    }
  | {
      source: 'live';
      asOf: string;
      aggregatesAsOf: string | null;
      readTo: string;
      closed: boolean;
      ruleSetHash: string;
      lines: RankingLine[];
    }
  | { source: 'none'; lines: [] };

/**
 * The published result in force for the period and scope (the newest one no later result
 * corrects), with the lines the reader's policies show. Bounded: one county, one period, one scope.
 */
async function publishedRanking(
  tx: Transaction,
  countyId: number,
  year: number,
  period: AssessmentPeriod,
  scopeCode: string,
): Promise<PeriodRanking | null> {
  const r = schema.assessmentResults;
  const headers = await tx
    .select()
    .from(r)
    .where(and(eq(r.countyId, countyId), eq(r.year, year), eq(r.period, period), eq(r.scopeCode, scopeCode)))
    .orderBy(desc(r.asOf));
  const superseded = new Set(headers.map((h) => h.supersedes).filter((id): id is string => id !== null));
  const header = headers.find((h) => !superseded.has(h.id));
  if (!header) return null;
  const k = schema.assessmentRankings;
  const b = schema.assessmentBreakdowns;
  const [lines, openable] = await Promise.all([
    tx
      .select()
      .from(k)
      .where(and(eq(k.countyId, countyId), eq(k.resultId, header.id)))
      .orderBy(asc(k.rank), asc(k.unitCode)),
    tx
      .select({ unitCode: b.unitCode })
      .from(b)
      .where(and(eq(b.countyId, countyId), eq(b.resultId, header.id))),
  ]);
  if (lines.length === 0) return null;
  return {
    source: 'published',
    resultId: header.id,
    asOf: header.asOf.toISOString(),
    readTo: header.periodTo,
    closed: header.periodClosed,
    lines: lines.map((line) => ({
      unitCode: line.unitCode,
      unitName: line.unitName,
      rank: line.rank,
      final: formatFixed(line.finalMilli),
      finalMilli: line.finalMilli,
      vetoed: line.vetoed,
    })),
    openable: openable.map((row) => row.unitCode),
  };
}

/**
 * The live score to date under the year's rule set in force, scored and ranked exactly as the
 * assessment page does, from the per-unit-per-month aggregates (the running month from the records).
 */
async function liveRanking(
  tx: Transaction,
  countyId: number,
  year: number,
  period: AssessmentPeriod,
  scopeCode: string,
  calendar: () => Promise<WorkCalendar>,
  now: Date,
): Promise<PeriodRanking | null> {
  const [published, units, workCalendar] = await Promise.all([
    publishedRuleSet(tx, countyId, year),
    unitsUnder(tx, countyId, scopeCode),
    calendar(),
  ]);
  if (!published || units.length === 0) return null;
  const assessed = await factsFor(
    tx,
    { countyId, year, period },
    units,
    [published.ruleSet],
    workCalendar,
    now,
    'aggregates',
  );
  const { ranking } = scoreAndRank(published.ruleSet, assessed.facts, false, assessed.closed);
  const names = new Map(units.map((unit) => [unit.code, unit.name]));
  return {
    source: 'live',
    asOf: now.toISOString(),
    aggregatesAsOf: assessed.aggregatesAsOf?.toISOString() ?? null,
    readTo: assessed.readTo,
    closed: assessed.closed,
    ruleSetHash: published.hash,
    lines: ranking.map((line) => ({
      unitCode: line.unitId,
      unitName: names.get(line.unitId) ?? line.unitId,
      rank: line.rank,
      final: formatFixed(line.final),
      finalMilli: line.final,
      vetoed: line.vetoed,
    })),
  };
}

/**
 * A period's ranking for the dashboard: the published result when there is one (unless the
 * score to date is asked for), otherwise the live score to date when the reader may score the
 * scope, otherwise nothing.
 */
export async function periodRanking(
  tx: Transaction,
  countyId: number,
  scope: DashboardScope,
  year: number,
  period: AssessmentPeriod,
  options: { toDate: boolean; calendar: () => Promise<WorkCalendar>; now: Date },
): Promise<PeriodRanking> {
  if (!options.toDate) {
    const published = await publishedRanking(tx, countyId, year, period, scope.code);
    if (published) return published;
  }
  if (scope.live) {
    const live = await liveRanking(tx, countyId, year, period, scope.code, options.calendar, options.now);
    if (live) return live;
  }
  return { source: 'none', lines: [] };
}

/** "↑2" is a unit that climbed two places since the previous period; null when it was not ranked then. */
export function rankChange(rank: number, previousRank: number | null): number | null {
  return previousRank === null ? null : previousRank - rank;
}
