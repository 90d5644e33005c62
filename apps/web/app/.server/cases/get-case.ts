import { and, eq } from 'drizzle-orm';
import {
  DEFAULT_DEADLINE_RULES,
  allowedActions,
  ancestorAt,
  caseClock,
  isWithin,
  revisitRequired,
  type CaseState,
  type UnitLevel,
} from '@tally/casework';
import { schema, type Transaction } from '@tally/db';
import { personalDataFor } from '../services/case-records.ts';
import { unitNamesOf } from '../services/unit-names.ts';
import { countyCalendar } from '../services/work-calendar.ts';
import type { AuthedContext } from '../trpc.ts';
import { findCase, workflowActor } from './find-case.ts';

/** The levels a case handled at each level may be escalated to, nearest first. */
const ABOVE: Readonly<Record<UnitLevel, readonly UnitLevel[]>> = {
  village: ['township', 'county'],
  township: ['county'],
  county: [],
};

/** A case with its full transition history and the actions the actor may take now. */
export async function getCase(tx: Transaction, ctx: AuthedContext, id: string) {
  const row = await findCase(tx, ctx, id);
  const transitions = await tx
    .select()
    .from(schema.caseTransitions)
    .where(and(eq(schema.caseTransitions.countyId, ctx.actor.countyId), eq(schema.caseTransitions.caseId, row.id)))
    .orderBy(schema.caseTransitions.id);
  const calendar = await countyCalendar(tx, ctx.actor.countyId);
  const state = row.state as CaseState;
  const actions = allowedActions(state, workflowActor(ctx));
  // Escalate: every level above the handling unit. Named, as are all units the case
  // mentions: a village reads the names of the units above it (units_read_above).
  const escalateTo = actions.includes('escalate')
    ? ABOVE[state.level].map((level) => ({ code: ancestorAt(state.unitCode, level), level }))
    : [];
  const unitNames = await unitNamesOf(tx, ctx.actor.countyId, [
    row.unitCode,
    row.registeredUnitCode,
    row.assignedUnitCode,
    ...escalateTo.map((unit) => unit.code),
    ...state.escalations.flatMap((step) => [step.fromUnitCode, step.toUnitCode]),
  ]);
  // Personal data goes out only through personalDataFor; the import fingerprint (an unsalted
  // hash of the ledger row, ID number included) and the raw state never go out at all.
  const {
    petitionerName,
    petitionerIdNumber,
    petitionerPhone,
    petitionerAddress,
    summary,
    importFingerprint: _fingerprint,
    state: _state,
    ...rest
  } = row;
  return {
    ...rest,
    ...personalDataFor(row, ctx.actor),
    allowedActions: actions,
    unitNames,
    escalateTargets: escalateTo.map((unit) => ({ ...unit, name: unitNames[unit.code] ?? unit.code })),
    canSetResponsibility:
      isWithin(row.unitCode, ctx.actor.unitCode) && row.status !== 'archived' && row.status !== 'refused',
    revisitRequired: revisitRequired(state),
    // What the workflow state holds beyond the indexed columns, for the detail page.
    refusalReason: state.refusalReason,
    reply: state.reply,
    escalations: state.escalations,
    clock: caseClock(state, ctx.now, DEFAULT_DEADLINE_RULES, calendar),
    transitions: transitions.map((t) => ({
      id: t.id,
      action: t.action,
      fromStatus: t.fromStatus,
      toStatus: t.toStatus,
      actorName: t.actorName,
      at: t.at,
      note: t.note,
    })),
  };
}
