import { DEFAULT_DEADLINE_RULES, caseClock, type CaseState, type WorkCalendar } from '@tally/casework';

const RUNNING: ReadonlySet<string> = new Set(['on_time', 'due_soon', 'overdue']);

/** The deadline of the clock running now (assignment limit, then handling), or null once replied or with no limit. */
export function runningDueOn(state: CaseState, now: Date, calendar: WorkCalendar): string | null {
  const clock = caseClock(state, now, DEFAULT_DEADLINE_RULES, calendar);
  return RUNNING.has(clock.status) ? clock.dueOn : null;
}

/**
 * The indexed columns of petition_cases that mirror a workflow state, written with every
 * transition. Lives beside the table so the API and the demo seed write the same columns
 * from the same state. `clockDueOn` stores the deadline the clock badge counts against,
 * so the overdue and due-soon lists (SQL on this column) and the badge (caseClock) can
 * never disagree.
 */
export function projectionOf(state: CaseState, closedAt: Date | null, now: Date, calendar: WorkCalendar) {
  const closedNow = closedAt ?? (state.reply !== null ? now : null);
  return {
    status: state.status,
    state,
    unitCode: state.unitCode,
    assignedUnitCode:
      state.assignment && state.assignment.unitCode !== state.unitCode ? state.assignment.unitCode : null,
    complexity: state.assignment?.complexity ?? null,
    assignedPerson: state.assignment?.person ?? null,
    assignedOn: state.assignment?.assignedOn ?? null,
    dueOn: state.assignment?.dueOn ?? null,
    clockDueOn: runningDueOn(state, now, calendar),
    satisfaction: state.revisit?.satisfaction ?? null,
    // 办结 is the reply: the case's clock stops there (see @tally/casework deadlines).
    closedAt: closedNow,
    updatedAt: now,
  };
}
