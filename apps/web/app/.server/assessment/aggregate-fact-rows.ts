import { and, between, eq, inArray, sql } from 'drizzle-orm';
import { COLLECTIVE_THRESHOLD, addDays, daysInMonth, type CivilDate } from '@tally/casework';
import { schema, type AggregateSource, type Transaction } from '@tally/db';
import { DEFAULT_KINDS } from '@tally/scoring';
import type { FactRow } from './fact-row.ts';
import { ownSourcesFor } from './fact-sources.ts';
import {
  dutyGapFact,
  loadCheckingFactRows,
  loadRecordFactRows,
  workingDays,
  type FactWindow,
} from './load-fact-rows.ts';

const K = DEFAULT_KINDS;

/** The facts of a window, and when the aggregates they came from last changed (null: none read). */
export interface AggregatedFacts {
  rows: FactRow[];
  asOf: Date | null;
}

/**
 * Every fact of a window, as loadFactRows gives it, but with the whole months read from
 * `unit_month_facts` (one row per unit, month and source, kept current by triggers; see
 * docs/decisions/0010-dashboard-aggregates.md) instead of the records. Days of a month the window
 * only partly covers (the running month, up to today) are read from the records, and so are the
 * checking unit's events and the inspection scores. Same facts, same engine: a row of n alike
 * records is one fact standing for n (`times`). Runs under the actor's row-level security.
 */
export async function loadAggregatedFactRows(
  tx: Transaction,
  window: FactWindow,
  kinds: ReadonlySet<string>,
): Promise<AggregatedFacts> {
  if (window.unitCodes.length === 0) return { rows: [], asOf: null };
  const { months, rawWindows } = splitByMonth(window.from, window.readTo);
  // Independent reads, sent together on the transaction's one connection (pipelined, not parallel).
  const [whole, ...parts] = await Promise.all([
    months ? aggregateRows(tx, window, months, kinds) : { rows: [], asOf: null },
    loadCheckingFactRows(tx, window, kinds),
    ...rawWindows.map((raw) => loadRecordFactRows(tx, { ...window, from: raw.from, readTo: raw.to }, kinds)),
  ]);
  return { rows: [...whole.rows, ...parts.flat()], asOf: whole.asOf };
}

interface Months {
  /** First day of the first whole month, and of the last. */
  first: CivilDate;
  last: CivilDate;
  /** Last day of the last whole month. */
  to: CivilDate;
}

/** The whole months inside [from, to], and the days before and after them, read from the records. */
export function splitByMonth(
  from: CivilDate,
  to: CivilDate,
): { months: Months | null; rawWindows: { from: CivilDate; to: CivilDate }[] } {
  const first = from.endsWith('-01') ? from : addDays(monthEnd(from), 1);
  const lastEnd = to === monthEnd(to) ? to : addDays(`${to.slice(0, 8)}01`, -1);
  if (first > lastEnd) return { months: null, rawWindows: [{ from, to }] };
  const rawWindows = [];
  if (from < first) rawWindows.push({ from, to: addDays(first, -1) });
  if (lastEnd < to) rawWindows.push({ from: addDays(lastEnd, 1), to });
  return { months: { first, last: `${lastEnd.slice(0, 8)}01`, to: lastEnd }, rawWindows };
}

function monthEnd(day: CivilDate): CivilDate {
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return `${day.slice(0, 8)}${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/** Which sources the rule set's kinds need (as loadRecordFactRows decides which tables to read). */
function sourcesFor(kinds: ReadonlySet<string>): AggregateSource[] {
  const wants = (...list: string[]) => list.some((kind) => kinds.has(kind));
  const sources: AggregateSource[] = [];
  if (wants(K.events.collectivePetition, K.events.skipLevelPetition, 'petition')) sources.push('petition');
  // The ledgers' own facts: the table the record loader reads by (fact-sources.ts).
  sources.push(...ownSourcesFor(kinds).map((entry) => entry.source));
  if (wants(K.records.register, K.records.dutyLogGap)) sources.push('register');
  return sources;
}

async function aggregateRows(
  tx: Transaction,
  w: FactWindow,
  months: Months,
  kinds: ReadonlySet<string>,
): Promise<AggregatedFacts> {
  const sources = sourcesFor(kinds);
  const dutyDays = new Map<string, number>();
  const rows: FactRow[] = [];
  let asOf: Date | null = null;
  if (sources.length > 0) {
    const t = schema.unitMonthFacts;
    // Own facts of the ranked units; petitions of their whole area (属地), handed out by groupFacts.
    // Two branches, each an index range on (county, source, unit, month), rather than one OR
    // that scans every row of the county's months.
    const columns = {
      unitCode: t.unitCode,
      month: t.month,
      source: t.source,
      variant: t.variant,
      n: t.n,
      total: t.total,
      days: t.days,
      changedAt: t.changedAt,
    };
    const inWindow = and(eq(t.countyId, w.countyId), between(t.month, months.first, months.last));
    const ownSources = sources.filter((source) => source !== 'petition');
    const found = (
      await Promise.all([
        ownSources.length === 0
          ? []
          : tx
              .select(columns)
              .from(t)
              .where(and(inWindow, inArray(t.source, ownSources), inArray(t.unitCode, [...w.unitCodes]))),
        sources.includes('petition')
          ? tx
              .select(columns)
              .from(t)
              .where(and(inWindow, eq(t.source, 'petition'), sql`starts_with(${t.unitCode}, ${w.areaScope})`))
          : [],
      ])
    ).flat();
    for (const row of found) {
      if (asOf === null || row.changedAt > asOf) asOf = row.changedAt;
      if (row.source === 'register' && row.variant === 'duty_logs')
        dutyDays.set(`${row.unitCode}:${row.month}`, row.days);
      if (row.n > 0) rows.push(...factsOf(row, kinds));
    }
  }
  if (kinds.has(K.records.dutyLogGap)) {
    for (const day of workingDays(months.first, months.to, w.calendar)) {
      const bit = 1 << (Number(day.slice(8, 10)) - 1);
      const month = `${day.slice(0, 8)}01`;
      for (const unitCode of w.unitCodes)
        if (((dutyDays.get(`${unitCode}:${month}`) ?? 0) & bit) === 0) rows.push(dutyGapFact(unitCode, day));
    }
  }
  return { rows, asOf };
}

interface AggregateRow {
  unitCode: string;
  month: string;
  source: AggregateSource;
  variant: string;
  n: number;
  total: number;
}

/** The facts one aggregate row stands for, dated on the month's first day (whole months are read). */
function factsOf(row: AggregateRow, kinds: ReadonlySet<string>): FactRow[] {
  const id = `unit_month_facts:${row.unitCode}:${row.month}:${row.source}:${row.variant}`;
  const base = { id, unitCode: row.unitCode, attribution: 'own', date: row.month, times: row.n } as const;
  switch (row.source) {
    case 'petition': {
      const [people, skip] = row.variant.split('|');
      const out: FactRow[] = [];
      const area = { ...base, attribution: 'area' } as const;
      if (kinds.has('petition')) out.push({ ...area, family: 'record', kind: 'petition' });
      // One deduction per case: collective first, as loadFactRows.
      const kind =
        Number(people) >= COLLECTIVE_THRESHOLD
          ? K.events.collectivePetition
          : skip === 'true'
            ? K.events.skipLevelPetition
            : null;
      if (kind && kinds.has(kind)) out.push({ ...area, family: 'event', kind });
      return out;
    }
    case 'meeting':
      return [{ ...base, family: 'record', kind: K.records.meeting }];
    case 'meeting-absent':
      return [{ ...base, family: 'event', kind: K.events.meetingAbsence, count: row.total }];
    case 'info-adopted':
      return [{ ...base, family: 'event', kind: K.events.infoAdopted, level: row.variant }];
    case 'investigation':
      return [{ ...base, family: 'record', kind: K.records.disputeInvestigated }];
    case 'mediation':
      return [{ ...base, family: 'record', kind: K.records.mediationFile }];
    case 'dispute-found':
      return kinds.has('dispute-found') ? [{ ...base, family: 'event', kind: 'dispute-found' }] : [];
    case 'dispute-settled': {
      const [severity, revisitClass, settledOn] = row.variant.split('|');
      const out: FactRow[] = [];
      const settled = { ...base, family: 'event', date: settledOn ?? row.month } as const;
      if (severity === 'minor' && kinds.has('minor-dispute-settled'))
        out.push({ ...settled, kind: 'minor-dispute-settled' });
      if (revisitClass && kinds.has('dispute-settled'))
        out.push({ ...settled, kind: 'dispute-settled', level: `class-${revisitClass}` });
      return out;
    }
    case 'register':
      return kinds.has(K.records.register)
        ? [{ ...base, family: 'record', kind: K.records.register, key: row.variant }]
        : [];
  }
}
