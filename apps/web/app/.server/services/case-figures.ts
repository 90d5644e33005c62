import { and, eq, gte, isNull, lt } from 'drizzle-orm';
import {
  addDays,
  petitionFigures,
  shanghaiDate,
  type CivilDate,
  type Period,
  type PetitionFigures,
  type PetitionRecord,
} from '@tally/casework';
import { schema, scopeOf, type Transaction } from '@tally/db';
import { shanghaiMidnight } from './case-filters.ts';
import { anyInScope } from './unit-scope.ts';

/**
 * The published petition figures (docs/domain.md §3) of one unit and everything below it.
 *
 * A case belongs to a unit's figures when it was registered there or is handled there now
 * (an escalated case counts for the village that took it in and the township that handles
 * it). Only cases received in the period are read; a repeat whose first item lies before
 * the period still groups by that item's id, which petitionFigures does without reading it.
 */
export async function unitFigures(
  tx: Transaction,
  countyId: number,
  unit: { code: string; level: 'county' | 'township' | 'village' },
  period: Period,
): Promise<PetitionFigures> {
  return petitionFigures(await caseRecordsIn(tx, countyId, scopeOf(unit.code, unit.level), period), period);
}

/** A petition case as the figures read it, with the units it belongs to. */
export interface ScopedPetitionRecord extends PetitionRecord {
  registeredUnitCode: string;
  unitCode: string;
  receivedOn: CivilDate;
  peopleCount: number;
  skipLevel: boolean;
}

/**
 * The cases received in the period that were registered or are handled within `scope`: the one
 * read behind unitFigures, which pages with several windows or units (the indicator trend's
 * period ends, side by side's units) make once and hand out with `figuresOf`.
 */
export async function caseRecordsIn(
  tx: Transaction,
  countyId: number,
  scope: string,
  period: Period,
): Promise<ScopedPetitionRecord[]> {
  const cases = schema.petitionCases;
  const rows = await tx
    .select({
      id: cases.id,
      registeredUnitCode: cases.registeredUnitCode,
      unitCode: cases.unitCode,
      receivedAt: cases.receivedAt,
      channel: cases.channel,
      personTimes: cases.personTimes,
      duplicateOf: cases.duplicateOf,
      closedAt: cases.closedAt,
      dueOn: cases.dueOn,
      satisfaction: cases.satisfaction,
      peopleCount: cases.peopleCount,
      skipLevel: cases.skipLevel,
    })
    .from(cases)
    .where(
      and(
        eq(cases.countyId, countyId),
        isNull(cases.deletedAt),
        anyInScope([cases.registeredUnitCode, cases.unitCode], scope),
        gte(cases.receivedAt, shanghaiMidnight(period.from)),
        lt(cases.receivedAt, shanghaiMidnight(addDays(period.to, 1))),
      ),
    );
  return rows.map((row) => ({
    id: row.id,
    registeredUnitCode: row.registeredUnitCode,
    unitCode: row.unitCode,
    receivedAt: row.receivedAt.toISOString(),
    receivedOn: shanghaiDate(row.receivedAt),
    channel: row.channel,
    personTimes: row.personTimes,
    duplicateOf: row.duplicateOf,
    // 办结 is the reply (see projectionOf): its Shanghai date is the closing date.
    closedOn: row.closedAt ? shanghaiDate(row.closedAt) : null,
    dueOn: row.dueOn,
    satisfaction: row.satisfaction,
    peopleCount: row.peopleCount,
    skipLevel: row.skipLevel,
  }));
}

/**
 * unitFigures of a unit inside a wider read: the records of `scope` (registered or handled there)
 * received in `period`, which must lie inside the window the records were read for.
 */
export function figuresOf(records: readonly ScopedPetitionRecord[], scope: string, period: Period): PetitionFigures {
  return petitionFigures(
    records.filter(
      (record) =>
        (record.registeredUnitCode.startsWith(scope) || record.unitCode.startsWith(scope)) &&
        record.receivedOn >= period.from &&
        record.receivedOn <= period.to,
    ),
    period,
  );
}
