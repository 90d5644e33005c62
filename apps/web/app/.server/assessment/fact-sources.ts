import type { AggregateSource } from '@tally/db';
import { DEFAULT_KINDS } from '@tally/scoring';
import type { FactRow } from './fact-row.ts';

const K = DEFAULT_KINDS;

/** A row of a ledger table as the loader reads it: its id, unit, day and the entry's columns, as text. */
export type LedgerRow = { id: string; unit_code: string; day: string } & Record<string, string | null>;

/**
 * Which record of a ledger makes which fact, for the facts a unit earns by its own records: one
 * entry per aggregate source the triggers write for these tables. The one statement of the rule:
 * - `loadRecordFactRows` reads each wanted entry's rows (county, not deleted, the ranked units, the
 *   day column in the window, and `where`) and turns each into facts with `facts`;
 * - `aggregate-fact-rows.ts` picks the aggregate sources to read by the same entries' `kinds`;
 * - the migration's trigger SQL (`unit_month_facts_contributions`) is checked against these
 *   entries — table, day column, source and condition, exactly — by a test
 *   (apps/web/test/fact-sources.db.test.ts), so the records and the aggregates cannot drift.
 * Petitions (attributed by area, read by receipt time), the registers kept and the duty-log gaps
 * (one fact per register or day, not per record) are read by their own code beside this table.
 */
export interface OwnFactSource {
  table: 'meetings' | 'info_submissions' | 'investigation_rounds' | 'mediation_files' | 'disputes';
  /** The day a record counts on. */
  dayColumn: string;
  /** The aggregate source the trigger writes for these records. */
  source: AggregateSource;
  /** Condition beyond county, not deleted, unit and window, in the trigger's exact words ('' when none). */
  where: string;
  /** The engine kinds this entry can give: it is read only when the rule set reads one of them. */
  kinds: readonly string[];
  /** The columns `facts` reads besides id, unit and day. */
  columns: readonly string[];
  /** The facts of one record (already known to satisfy `where`), for the kinds the rule set reads. */
  facts(row: LedgerRow, base: FactBase, kinds: ReadonlySet<string>): FactRow[];
}

/** What every fact of a record shares: its id (`<table>:<id>`), unit, attribution and day. */
export interface FactBase {
  id: string;
  unitCode: string;
  attribution: 'own';
  date: string;
}

export const ownFactSources: readonly OwnFactSource[] = [
  {
    table: 'meetings',
    dayColumn: 'held_on',
    source: 'meeting',
    where: '',
    kinds: [K.records.meeting],
    columns: [],
    facts: (_row, base) => [{ ...base, family: 'record', kind: K.records.meeting }],
  },
  {
    table: 'meetings',
    dayColumn: 'held_on',
    source: 'meeting-absent',
    where: 'absent_count > 0',
    kinds: [K.events.meetingAbsence],
    columns: ['absent_count'],
    facts: (row, base) => [
      { ...base, family: 'event', kind: K.events.meetingAbsence, count: Number(row.absent_count) },
    ],
  },
  {
    table: 'info_submissions',
    dayColumn: 'submitted_on',
    source: 'info-adopted',
    where: "adopted_level <> 'none'",
    kinds: [K.events.infoAdopted],
    columns: ['adopted_level'],
    facts: (row, base) => [{ ...base, family: 'event', kind: K.events.infoAdopted, level: row.adopted_level ?? '' }],
  },
  {
    // 排查矛盾纠纷: each investigation round on record, a round with no findings included (零报告).
    table: 'investigation_rounds',
    dayColumn: 'held_on',
    source: 'investigation',
    where: '',
    kinds: [K.records.disputeInvestigated],
    columns: [],
    facts: (_row, base) => [{ ...base, family: 'record', kind: K.records.disputeInvestigated }],
  },
  {
    table: 'mediation_files',
    dayColumn: 'signed_on',
    source: 'mediation',
    where: '',
    kinds: [K.records.mediationFile],
    columns: [],
    facts: (_row, base) => [{ ...base, family: 'record', kind: K.records.mediationFile }],
  },
  {
    // For the street-office and funds schemes: disputes found…
    table: 'disputes',
    dayColumn: 'found_on',
    source: 'dispute-found',
    where: '',
    kinds: ['dispute-found'],
    columns: [],
    facts: (_row, base) => [{ ...base, family: 'event', kind: 'dispute-found' }],
  },
  {
    // …and settled: minor ones, and by revisit class, on the day settled (the day found when none).
    table: 'disputes',
    dayColumn: 'found_on',
    source: 'dispute-settled',
    where: "outcome = 'settled'",
    kinds: ['minor-dispute-settled', 'dispute-settled'],
    columns: ['severity', 'revisit_class', 'settled_on'],
    facts: (row, base, kinds) => {
      const settled = { ...base, family: 'event', date: row.settled_on ?? base.date } as const;
      const out: FactRow[] = [];
      if (row.severity === 'minor' && kinds.has('minor-dispute-settled'))
        out.push({ ...settled, kind: 'minor-dispute-settled' });
      if (row.revisit_class !== null && kinds.has('dispute-settled'))
        out.push({ ...settled, kind: 'dispute-settled', level: `class-${row.revisit_class}` });
      return out;
    },
  },
];

/** The entries a rule set's kinds need. */
export function ownSourcesFor(kinds: ReadonlySet<string>): OwnFactSource[] {
  return ownFactSources.filter((entry) => entry.kinds.some((kind) => kinds.has(kind)));
}
