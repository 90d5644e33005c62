import { and, asc, eq } from 'drizzle-orm';
import type { WorkCalendar } from '@tally/casework';
import { schema, type AssessmentPeriod, type Transaction } from '@tally/db';
import { FactError, rank, score, type Assessment, type Ranking, type RuleSet, type UnitFacts } from '@tally/scoring';
import { UserFacingError } from '../errors.ts';
import { groupFacts, rankedScope, type RankedUnit } from './group-facts.ts';
import { loadFactRows } from './load-fact-rows.ts';
import { loadAggregatedFactRows } from './aggregate-fact-rows.ts';
import { missingReportFacts } from './missing-report-facts.ts';
import { reportCellsFor } from '../reports/report-cells.ts';
import { periodCut, periodWindow, type PeriodWindow } from './periods.ts';
import { kindsReadBy } from './rule-set-kinds.ts';

/** What is ranked: the units directly under one unit, for a period of a year. */
export interface Ranked {
  countyId: number;
  year: number;
  period: AssessmentPeriod;
  /** The county's unit code (townships are ranked) or a township's (its villages are ranked). */
  scopeCode: string;
}

export interface UnitsAssessed {
  window: PeriodWindow;
  /** When the per-unit-per-month aggregates read last changed; null when the records were read (live). */
  aggregatesAsOf: Date | null;
  readTo: string;
  closed: boolean;
  units: RankedUnit[];
  facts: UnitFacts[];
}

/** The active units directly under `scopeCode`, as the actor may see them, by code. */
export async function unitsUnder(tx: Transaction, countyId: number, scopeCode: string): Promise<RankedUnit[]> {
  const u = schema.units;
  const rows = await tx
    .select({ code: u.code, name: u.name, level: u.level })
    .from(u)
    .where(and(eq(u.countyId, countyId), eq(u.parentCode, scopeCode), eq(u.active, true)))
    .orderBy(asc(u.code));
  return rows.flatMap((row) => (row.level === 'county' ? [] : [{ code: row.code, name: row.name, level: row.level }]));
}

/**
 * Where facts are read from. `records`: derived from the records on every read, each fact
 * carrying its record's id (breakdowns, previews, publishing: every line links to its record).
 * `aggregates`: whole months from unit_month_facts, the same totals without one row per record
 * (rankings and trends; docs/decisions/0010-dashboard-aggregates.md).
 */
export type FactSource = 'records' | 'aggregates';

/**
 * The facts of every unit under the scope for the period, as of `now`: the records are read up
 * to the period's end, or up to today while it runs (then the period is not closed).
 */
export async function factsFor(
  tx: Transaction,
  ranked: Omit<Ranked, 'scopeCode'>,
  units: readonly RankedUnit[],
  ruleSets: readonly RuleSet[],
  calendar: WorkCalendar,
  now: Date,
  source: FactSource = 'records',
): Promise<UnitsAssessed> {
  const window = periodWindow(ranked.year, ranked.period);
  const { readTo, closed } = periodCut(window, now);
  const kinds = new Set(ruleSets.flatMap((ruleSet) => [...kindsReadBy(ruleSet)]));
  const factWindow = {
    countyId: ranked.countyId,
    areaScope: commonPrefix(units.map(rankedScope)),
    unitCodes: units.map((unit) => unit.code),
    year: ranked.year,
    from: window.from,
    readTo,
    periodTo: window.to,
    calendar,
  };
  // Independent reads, sent together on the transaction's one connection (pipelined, not parallel).
  const [{ rows, asOf }, cells] = await Promise.all([
    source === 'aggregates'
      ? loadAggregatedFactRows(tx, factWindow, kinds)
      : loadFactRows(tx, factWindow, kinds).then((found) => ({ rows: found, asOf: null })),
    // Late and missing cells of the reports-upward matrix for the ranked units and the period.
    reportCellsFor(tx, ranked.countyId, units, ranked.year, window, now, calendar),
  ]);
  rows.push(...missingReportFacts(cells));
  return { window, aggregatesAsOf: asOf, readTo, closed, units: [...units], facts: groupFacts(units, rows) };
}

function commonPrefix(values: readonly string[]): string {
  if (values.length === 0) return '';
  let prefix = values[0]!;
  for (const value of values) while (!value.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

export interface ScoredUnits {
  assessments: Assessment[];
  ranking: Ranking[];
}

/**
 * Scores and ranks. While the period runs (`closed` false) quota shortfalls are "at risk", not
 * deductions. A fact the engine cannot score exactly (a level the rule set gives no points, a
 * count out of range) is a refusal naming the record, not a server error.
 */
export function scoreAndRank(
  ruleSet: RuleSet,
  facts: readonly UnitFacts[],
  explain: boolean,
  closed: boolean,
): ScoredUnits {
  try {
    const assessments = score(ruleSet, facts, { explain, periodClosed: closed });
    return { assessments, ranking: rank(assessments) };
  } catch (error) {
    if (error instanceof FactError) {
      throw new UserFacingError('BAD_REQUEST', 'error.assessment.factRefused', {
        fact: error.factId ?? error.unitId,
        rule: error.ruleId ?? '',
        field: error.field,
      });
    }
    throw error;
  }
}
