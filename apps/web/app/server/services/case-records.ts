import { DEFAULT_DEADLINE_RULES, caseClock, maskAddress, maskIdNumber, maskName, maskPhone, type CaseState, type WorkCalendar } from '@tally/casework';
import type { Actor } from '@tally/db';
import type { schema } from '@tally/db';

type CaseRow = typeof schema.petitionCases.$inferSelect;

export interface PersonalData {
  petitionerName: string;
  petitionerIdNumber: string | null;
  petitionerPhone: string | null;
  petitionerAddress: string | null;
}

/** §8: personal data in full only for the unit handling the case; masked everywhere else. */
export function personalDataFor(row: CaseRow, actor: Actor): PersonalData & { masked: boolean } {
  const full = actor.unitCode === row.unitCode;
  if (full) {
    return { petitionerName: row.petitionerName, petitionerIdNumber: row.petitionerIdNumber, petitionerPhone: row.petitionerPhone, petitionerAddress: row.petitionerAddress, masked: false };
  }
  return {
    petitionerName: maskName(row.petitionerName),
    petitionerIdNumber: row.petitionerIdNumber ? maskIdNumber(row.petitionerIdNumber) : null,
    petitionerPhone: row.petitionerPhone ? maskPhone(row.petitionerPhone) : null,
    petitionerAddress: row.petitionerAddress ? maskAddress(row.petitionerAddress) : null,
    masked: true,
  };
}

const RUNNING: ReadonlySet<string> = new Set(['on_time', 'due_soon', 'overdue']);

/**
 * The indexed columns that mirror a workflow state, written with every transition.
 * `clockDueOn` stores the deadline the clock badge counts against, so the overdue and
 * due-soon lists (SQL on this column) and the badge (caseClock) can never disagree.
 */
export function projectionOf(state: CaseState, closedAt: Date | null, now: Date, calendar: WorkCalendar) {
  const closedNow = closedAt ?? (state.reply !== null ? now : null);
  const clock = caseClock(state, now, DEFAULT_DEADLINE_RULES, calendar);
  return {
    status: state.status,
    state,
    unitCode: state.unitCode,
    assignedUnitCode: state.assignment && state.assignment.unitCode !== state.unitCode ? state.assignment.unitCode : null,
    complexity: state.assignment?.complexity ?? null,
    assignedPerson: state.assignment?.person ?? null,
    assignedOn: state.assignment?.assignedOn ?? null,
    dueOn: state.assignment?.dueOn ?? null,
    clockDueOn: RUNNING.has(clock.status) ? clock.dueOn : null,
    satisfaction: state.revisit?.satisfaction ?? null,
    // 办结 is the reply: the case's clock stops there (see @tally/casework deadlines).
    closedAt: closedNow,
    updatedAt: now,
  };
}
