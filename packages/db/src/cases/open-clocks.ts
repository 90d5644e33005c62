import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { CaseState, WorkCalendar } from '@tally/casework';
import { petitionCases } from '../schema/petition-cases.ts';
import { runningDueOn } from './projection.ts';

/** What reads and writes the clocks: a database handle or a transaction. */
type ClockWriter = Pick<PostgresJsDatabase, 'select' | 'update'>;

/** States whose clock depends on the calendar at the time it is read: nothing fixed its date yet. */
const UNASSIGNED_OPEN = ['registered', 'accepted'] as const;

export function openClockRows(db: ClockWriter, countyId: number) {
  const cases = petitionCases;
  return db
    .select({ id: cases.id, state: cases.state, clockDueOn: cases.clockDueOn })
    .from(cases)
    .where(and(eq(cases.countyId, countyId), isNull(cases.deletedAt), inArray(cases.status, UNASSIGNED_OPEN)));
}

/**
 * Recompute the stored deadline (clock_due_on) of every case whose clock is not yet fixed:
 * registered (decide acceptance) and accepted (assign). Run after a county edits its
 * calendar, and once by the data step that gave these states a clock. A handling deadline
 * is fixed when the case is assigned (the unit was told that date), so assigned cases keep
 * theirs. Returns how many cases moved.
 */
export async function refreshOpenClocks(
  db: ClockWriter,
  countyId: number,
  now: Date,
  calendar: WorkCalendar,
): Promise<number> {
  const cases = petitionCases;
  let moved = 0;
  for (const row of await openClockRows(db, countyId)) {
    const dueOn = runningDueOn(row.state as CaseState, now, calendar);
    if (dueOn === row.clockDueOn) continue;
    await db
      .update(cases)
      .set({ clockDueOn: dueOn })
      .where(and(eq(cases.countyId, countyId), eq(cases.id, row.id)));
    moved++;
  }
  return moved;
}
