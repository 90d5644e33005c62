import type { CaseState } from '@tally/casework';

/**
 * The indexed columns of petition_cases that mirror a workflow state, written with every
 * transition. Lives beside the table so the API and the demo seed write the same columns
 * from the same state.
 */
export function projectionOf(state: CaseState, closedAt: Date | null, now: Date) {
  const closedNow = closedAt ?? (state.reply !== null ? now : null);
  return {
    status: state.status,
    state,
    unitCode: state.unitCode,
    assignedUnitCode: state.assignment && state.assignment.unitCode !== state.unitCode ? state.assignment.unitCode : null,
    complexity: state.assignment?.complexity ?? null,
    assignedPerson: state.assignment?.person ?? null,
    assignedOn: state.assignment?.assignedOn ?? null,
    dueOn: state.assignment?.dueOn ?? null,
    satisfaction: state.revisit?.satisfaction ?? null,
    // 办结 is the reply: the case's clock stops there (see @tally/casework deadlines).
    closedAt: closedNow,
    updatedAt: now,
  };
}
