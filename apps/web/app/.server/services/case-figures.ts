import { and, eq, gte, isNull, lt } from 'drizzle-orm';
import {
  addDays,
  petitionFigures,
  shanghaiDate,
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
  const cases = schema.petitionCases;
  const scope = scopeOf(unit.code, unit.level);
  const rows = await tx
    .select({
      id: cases.id,
      receivedAt: cases.receivedAt,
      channel: cases.channel,
      personTimes: cases.personTimes,
      duplicateOf: cases.duplicateOf,
      closedAt: cases.closedAt,
      dueOn: cases.dueOn,
      satisfaction: cases.satisfaction,
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
  const records: PetitionRecord[] = rows.map((row) => ({
    id: row.id,
    receivedAt: row.receivedAt.toISOString(),
    channel: row.channel,
    personTimes: row.personTimes,
    duplicateOf: row.duplicateOf,
    // 办结 is the reply (see projectionOf): its Shanghai date is the closing date.
    closedOn: row.closedAt ? shanghaiDate(row.closedAt) : null,
    dueOn: row.dueOn,
    satisfaction: row.satisfaction,
  }));
  return petitionFigures(records, period);
}
