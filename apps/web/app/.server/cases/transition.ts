import { transition, type CaseState, type PetitionAction } from '@tally/casework';
import { schema, type Transaction } from '@tally/db';
import type { z } from 'zod';
import { UserFacingError } from '../errors.ts';
import { projectionOf } from '../services/case-records.ts';
import { planForeignKeyChecksNow } from '../services/foreign-key-plans.ts';
import { domainError } from '../services/petition-intake.ts';
import { countyCalendar } from '../services/work-calendar.ts';
import type { AuthedContext } from '../trpc.ts';
import { caseKey, findCase, workflowActor } from './find-case.ts';
import type { actionInput } from './inputs.ts';

export interface TransitionInput {
  id: string;
  version: number;
  action: z.infer<typeof actionInput>;
}

/** One workflow step, checked by the pure state machine; recorded in the append-only log. */
export async function transitionCase(tx: Transaction, ctx: AuthedContext, input: TransitionInput) {
  const row = await findCase(tx, ctx, input.id, true);
  if (row.version !== input.version) throw new UserFacingError('CONFLICT', 'error.case.stale');
  const calendar = await countyCalendar(tx, ctx.actor.countyId);
  const result = transition(
    row.state as CaseState,
    input.action as PetitionAction,
    workflowActor(ctx),
    ctx.now,
    calendar,
  );
  if (!result.ok) {
    if (result.error.code === 'outside_jurisdiction' || result.error.code === 'role_not_permitted')
      throw new UserFacingError('FORBIDDEN', 'error.domain', { zh: result.error.zh, en: result.error.en });
    throw domainError(result.error);
  }
  const projection = projectionOf(result.next, row.closedAt, ctx.now, calendar);
  await planForeignKeyChecksNow(tx);
  await tx
    .update(schema.petitionCases)
    .set({ ...projection, version: row.version + 1 })
    .where(caseKey(ctx, row.id));
  await tx.insert(schema.caseTransitions).values({
    countyId: ctx.actor.countyId,
    caseId: row.id,
    unitCode: projection.unitCode,
    registeredUnitCode: row.registeredUnitCode,
    assignedUnitCode: projection.assignedUnitCode,
    action: result.event.type,
    fromStatus: result.event.from,
    toStatus: result.event.to,
    actorUserId: ctx.actor.userId,
    actorName: ctx.actor.loginName,
    at: ctx.now,
    note: result.event.note,
    detail: { action: result.event.action },
  });
  return { id: row.id, status: result.next.status, version: row.version + 1 };
}
