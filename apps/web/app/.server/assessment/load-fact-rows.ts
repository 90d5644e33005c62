import { and, between, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { COLLECTIVE_THRESHOLD, addDays, isWorkingDay, type CivilDate, type WorkCalendar } from '@tally/casework';
import { z } from 'zod';
import { rowsOf, schema, vetoEventKinds, type RowShape, type Transaction } from '@tally/db';
import { dateFieldOf, registerKeys } from '@tally/db/registers';
import { DEFAULT_KINDS } from '@tally/scoring';
import { shanghaiMidnight } from '../services/case-filters.ts';
import { deepestUnit } from './attribution.ts';
import { factId } from './fact-links.ts';
import type { FactRow } from './fact-row.ts';
import { ownSourcesFor, type LedgerRow, type OwnFactSource } from './fact-sources.ts';

/** What to read: the county, the ranked units and the area they cover, and the dates. */
export interface FactWindow {
  countyId: number;
  /** Code prefix covering every ranked unit (the county's 6 digits, or a township's 9). */
  areaScope: string;
  /** The units being assessed; "own" facts are read for these only. */
  unitCodes: readonly string[];
  /** Year of the inspection scores. */
  year: number;
  from: CivilDate;
  /** Records are read up to here (the period end, or today while it runs). */
  readTo: CivilDate;
  /** Inspections are read over the whole period window. */
  periodTo: CivilDate;
  calendar: WorkCalendar;
}

const K = DEFAULT_KINDS;
const shanghaiDay = (column: unknown) => sql<string>`to_char(${column} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;

/**
 * Every fact the records give for a window, as the actor may read them (this runs under the
 * actor's row-level security: a township derives facts from its own area only). `kinds` names
 * the kinds the rule set reads, so nothing else is queried.
 */
export async function loadFactRows(
  tx: Transaction,
  window: FactWindow,
  kinds: ReadonlySet<string>,
): Promise<FactRow[]> {
  if (window.unitCodes.length === 0) return [];
  return [...(await loadRecordFactRows(tx, window, kinds)), ...(await loadCheckingFactRows(tx, window, kinds))];
}

/**
 * The facts the ledgers and cases give (everything but the checking unit's register and the
 * inspection scores): the part `unit_month_facts` aggregates, read here from the records
 * themselves for one window (aggregate-fact-rows.ts reads the running month this way).
 */
export async function loadRecordFactRows(
  tx: Transaction,
  window: FactWindow,
  kinds: ReadonlySet<string>,
): Promise<FactRow[]> {
  const wants = (...list: string[]) => list.some((kind) => kinds.has(kind));
  const rows: FactRow[] = [];
  if (window.unitCodes.length === 0) return rows;
  if (wants(K.events.collectivePetition, K.events.skipLevelPetition, 'petition'))
    rows.push(...(await petitionFacts(tx, window, kinds)));
  for (const entry of ownSourcesFor(kinds)) rows.push(...(await ownFacts(tx, window, entry, kinds)));
  if (wants(K.records.register)) rows.push(...(await registersKeptFacts(tx, window)));
  if (wants(K.records.dutyLogGap)) rows.push(...(await dutyGapFacts(tx, window)));
  return rows;
}

/**
 * The facts entered by the unit above: the checking unit's events and the inspection scores in
 * force. A few rows per unit and year, entered by hand, so always read from their tables.
 */
export async function loadCheckingFactRows(
  tx: Transaction,
  window: FactWindow,
  kinds: ReadonlySet<string>,
): Promise<FactRow[]> {
  if (window.unitCodes.length === 0) return [];
  const [events, inspections] = await Promise.all([checkingEventFacts(tx, window, kinds), inspectionFacts(tx, window)]);
  return [...events, ...inspections];
}

/** Collective (5 or more people) and skip-level petitions; every case as a "petition" record. */
async function petitionFacts(tx: Transaction, w: FactWindow, kinds: ReadonlySet<string>): Promise<FactRow[]> {
  const cases = schema.petitionCases;
  const found = await tx
    .select({
      id: cases.id,
      unitCode: cases.unitCode,
      registeredUnitCode: cases.registeredUnitCode,
      assignedUnitCode: cases.assignedUnitCode,
      peopleCount: cases.peopleCount,
      skipLevel: cases.skipLevel,
      day: shanghaiDay(cases.receivedAt),
    })
    .from(cases)
    .where(
      and(
        eq(cases.countyId, w.countyId),
        isNull(cases.deletedAt),
        gte(cases.receivedAt, shanghaiMidnight(w.from)),
        lt(cases.receivedAt, shanghaiMidnight(addDays(w.readTo, 1))),
      ),
    );
  const out: FactRow[] = [];
  for (const row of found) {
    const unitCode = deepestUnit([row.registeredUnitCode, row.unitCode, row.assignedUnitCode]);
    if (!unitCode.startsWith(w.areaScope)) continue;
    const id = factId('petition_cases', row.id);
    if (kinds.has('petition'))
      out.push({ family: 'record', id, kind: 'petition', unitCode, attribution: 'area', date: row.day });
    // One deduction per case: a collective petition that also skipped a level is still one occurrence (每起).
    const kind =
      row.peopleCount >= COLLECTIVE_THRESHOLD
        ? K.events.collectivePetition
        : row.skipLevel
          ? K.events.skipLevelPetition
          : null;
    if (kind && kinds.has(kind)) out.push({ family: 'event', id, kind, unitCode, attribution: 'area', date: row.day });
  }
  return out;
}

/**
 * The facts of one entry of the table (fact-sources.ts): the entry's records of the ranked units
 * in the window, not deleted, satisfying its condition, each turned into its facts.
 */
async function ownFacts(
  tx: Transaction,
  w: FactWindow,
  entry: OwnFactSource,
  kinds: ReadonlySet<string>,
): Promise<FactRow[]> {
  const codes = sql.join(
    w.unitCodes.map((code) => sql`${code}`),
    sql`, `,
  );
  const day = sql.identifier(entry.dayColumn);
  const extra = entry.columns.map((column) => sql`, ${sql.identifier(column)}::text as ${sql.identifier(column)}`);
  const result = await tx.execute(
    sql`select id::text as id, unit_code::text as unit_code, ${day}::text as day${sql.join(extra, sql``)}
      from ${sql.identifier(entry.table)}
      where county_id = ${w.countyId} and deleted_at is null and unit_code in (${codes}) and ${day} between ${w.from} and ${w.readTo}
      ${entry.where ? sql`and ${sql.raw(entry.where)}` : sql``}`,
  );
  const out: FactRow[] = [];
  for (const row of ledgerRows(result, entry.columns)) {
    const base = {
      id: factId(entry.table, row.id),
      unitCode: row.unit_code,
      attribution: 'own',
      date: row.day,
    } as const;
    out.push(...entry.facts(row, base, kinds));
  }
  return out;
}

/** Rows of a ledger read: id, unit and day as text, the entry's columns as text or null. */
function ledgerRows(rows: Iterable<Record<string, unknown>>, columns: readonly string[]): LedgerRow[] {
  return rowsOf(rows, ledgerRowShape(columns));
}

function ledgerRowShape(columns: readonly string[]): RowShape<LedgerRow> {
  return {
    parse(row) {
      if (typeof row !== 'object' || row === null) throw new Error('expected a row');
      const fields: Record<string, unknown> = { ...row };
      const { id, unit_code, day } = fields;
      if (typeof id !== 'string' || typeof unit_code !== 'string' || typeof day !== 'string') {
        throw new Error('expected id, unit_code and day as text');
      }
      const read: LedgerRow = { id, unit_code, day };
      for (const column of columns) {
        const value = fields[column];
        if (value !== null && typeof value !== 'string') throw new Error(`expected text in column ${column}`);
        read[column] = value;
      }
      return read;
    },
  };
}

/** A register counts as kept when it holds at least one record in the window; its first record is the evidence. */
async function registersKeptFacts(tx: Transaction, w: FactWindow): Promise<FactRow[]> {
  const codes = sql.join(
    w.unitCodes.map((code) => sql`${code}`),
    sql`, `,
  );
  const perRegister = registerKeys.map((key) => {
    const field = dateFieldOf(key);
    const day = sql.identifier(field.column ?? field.key);
    return sql`(select distinct on (unit_code) ${key}::text as register, id::text as id, unit_code::text as unit_code, ${day}::text as day
      from ${sql.identifier(key)}
      where county_id = ${w.countyId} and deleted_at is null and unit_code in (${codes}) and ${day} between ${w.from} and ${w.readTo}
      order by unit_code, ${day}, id)`;
  });
  const result = await tx.execute(sql.join(perRegister, sql` union all `));
  const texts = z.object({ register: z.string(), id: z.string(), unit_code: z.string(), day: z.string() });
  return rowsOf(result, texts).map((row) => ({
    family: 'record',
    id: factId(row.register, row.id),
    kind: K.records.register,
    key: row.register,
    unitCode: row.unit_code,
    attribution: 'own',
    date: row.day,
  }));
}

/**
 * 值班记录无缺漏: every working day (the county's calendar) of the window up to today with no
 * duty record is a gap, one fact per day, linked to that day on the duty log.
 */
async function dutyGapFacts(tx: Transaction, w: FactWindow): Promise<FactRow[]> {
  const t = schema.dutyLogs;
  const found = await tx
    .selectDistinct({ unitCode: t.unitCode, day: t.dutyOn })
    .from(t)
    .where(
      and(
        eq(t.countyId, w.countyId),
        isNull(t.deletedAt),
        inArray(t.unitCode, [...w.unitCodes]),
        between(t.dutyOn, w.from, w.readTo),
      ),
    );
  const kept = new Set(found.map((row) => `${row.unitCode}:${row.day}`));
  const out: FactRow[] = [];
  for (const day of workingDays(w.from, w.readTo, w.calendar)) {
    for (const unitCode of w.unitCodes) {
      if (!kept.has(`${unitCode}:${day}`)) out.push(dutyGapFact(unitCode, day));
    }
  }
  return out;
}

/** A working day with no duty record, linked to that day on the duty log. */
export function dutyGapFact(unitCode: string, day: CivilDate): FactRow {
  return {
    family: 'record',
    id: factId('duty_gap', `${unitCode}:${day}`),
    kind: K.records.dutyLogGap,
    unitCode,
    attribution: 'own',
    date: day,
  };
}

/** The county's working days from `from` to `to`, inclusive. */
export function workingDays(from: CivilDate, to: CivilDate, calendar: WorkCalendar): CivilDate[] {
  const days: CivilDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (isWorkingDay(day, calendar)) days.push(day);
  return days;
}

/** The checking unit's register: scoring events and one-vote-veto incidents, withdrawn ones left out. */
async function checkingEventFacts(tx: Transaction, w: FactWindow, kinds: ReadonlySet<string>): Promise<FactRow[]> {
  const t = schema.checkingEvents;
  const found = await tx
    .select({ id: t.id, unitCode: t.unitCode, kind: t.kind, level: t.level, day: t.occurredOn })
    .from(t)
    .where(
      and(
        eq(t.countyId, w.countyId),
        isNull(t.deletedAt),
        inArray(t.unitCode, [...w.unitCodes]),
        between(t.occurredOn, w.from, w.readTo),
      ),
    );
  return found
    .filter((row) => kinds.has(row.kind))
    .map((row) => ({
      family: vetoEventKinds.includes(row.kind) ? 'veto' : 'event',
      id: factId('checking_events', row.id),
      kind: row.kind,
      unitCode: row.unitCode,
      attribution: 'own',
      date: row.day,
      ...(row.level ? { level: row.level } : {}),
    }));
}

/** The score in force of every inspection of the year (highest version), dated inside its period. */
async function inspectionFacts(tx: Transaction, w: FactWindow): Promise<FactRow[]> {
  const t = schema.inspectionScores;
  const found = await tx
    .selectDistinctOn([t.unitCode, t.component, t.periodNo], {
      unitCode: t.unitCode,
      component: t.component,
      periodNo: t.periodNo,
      score: t.score,
    })
    .from(t)
    .where(and(eq(t.countyId, w.countyId), eq(t.year, w.year), inArray(t.unitCode, [...w.unitCodes])))
    .orderBy(t.unitCode, t.component, t.periodNo, desc(t.version));
  return found
    .map(
      (row): FactRow => ({
        // The cell, not the version: its page shows the score in force and every correction.
        family: 'inspection',
        id: factId('inspection_scores', `${row.unitCode}:${w.year}:${row.component}:${row.periodNo}`),
        kind: row.component,
        unitCode: row.unitCode,
        attribution: 'own',
        date: inspectionDate(w.year, row.component, row.periodNo),
        score: Number(row.score),
      }),
    )
    .filter((row) => row.date >= w.from && row.date <= w.periodTo);
}

/** Routine checks are dated in their month (so quarterly means group them); the others at their period's end. */
export function inspectionDate(year: number, component: string, periodNo: number): CivilDate {
  if (component === K.inspections.routine) return `${year}-${String(periodNo).padStart(2, '0')}-01`;
  return component === K.inspections.halfYear ? `${year}-06-30` : `${year}-12-31`;
}
