import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { CaseState, WorkCalendar } from '@tally/casework';
import { runningDueOn, schema, type Transaction } from '@tally/db';

/**
 * After a county edits its calendar, move the stored due dates that the calendar decides.
 * Only clocks still running on the assignment limit depend on it: a handling deadline is
 * fixed when the case is assigned (the unit was told that date), so assigned cases keep
 * theirs. Returns how many cases moved.
 */
export async function refreshAssignmentClocks(tx: Transaction, countyId: number, now: Date, calendar: WorkCalendar): Promise<number> {
  const cases = schema.petitionCases;
  const running = await tx.select({ id: cases.id, state: cases.state, clockDueOn: cases.clockDueOn }).from(cases)
    .where(and(eq(cases.countyId, countyId), isNotNull(cases.clockDueOn), isNull(cases.assignedOn)));
  let moved = 0;
  for (const row of running) {
    const dueOn = runningDueOn(row.state as CaseState, now, calendar);
    if (dueOn === row.clockDueOn) continue;
    await tx.update(cases).set({ clockDueOn: dueOn }).where(and(eq(cases.countyId, countyId), eq(cases.id, row.id)));
    moved++;
  }
  return moved;
}
