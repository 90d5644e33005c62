import { and, eq } from 'drizzle-orm';
import { schema, type Transaction } from '@tally/db';
import { UserFacingError, notFound } from '../errors.ts';
import { inActorScope } from '../services/unit-scope.ts';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { unitCheckedBy } from './checking-unit.ts';

const e = schema.checkingEvents;
export const WITHDRAW_REASON_MAX = 500;

/**
 * Withdraw an event: a soft delete with a reason, by the checking unit of the event's unit
 * (never the unit it counts against), against the version the clerk saw. Audited.
 */
export async function withdrawEvent(
  tx: Transaction,
  ctx: AuthedContext,
  input: { id: string; reason: string; expectedVersion: number },
) {
  const reason = input.reason.trim();
  if (!reason) throw new UserFacingError('BAD_REQUEST', 'checks.error.withdrawReason');
  const [row] = await tx
    .select({
      unitCode: e.unitCode,
      kind: e.kind,
      level: e.level,
      occurredOn: e.occurredOn,
      version: e.version,
      deletedAt: e.deletedAt,
    })
    .from(e)
    .where(and(eq(e.countyId, ctx.actor.countyId), eq(e.id, input.id), inActorScope(e.unitCode, ctx.actor)));
  if (!row) throw notFound();
  await unitCheckedBy(tx, ctx.actor, row.unitCode);
  if (row.deletedAt) throw new UserFacingError('BAD_REQUEST', 'checks.error.alreadyWithdrawn');
  if (row.version !== input.expectedVersion) throw new UserFacingError('CONFLICT', 'checks.error.eventStale');
  const version = row.version + 1;
  // Not read FOR UPDATE (that would hide the row from its own unit, whom RLS lets read but not
  // update, before the refusal above could say why): the version in the WHERE is the lock.
  const updated = await tx
    .update(e)
    .set({ deletedAt: ctx.now, deletedReason: reason, version, updatedAt: ctx.now })
    .where(and(eq(e.countyId, ctx.actor.countyId), eq(e.id, input.id), eq(e.version, row.version)))
    .returning({ id: e.id });
  if (updated.length === 0) throw new UserFacingError('CONFLICT', 'checks.error.eventStale');
  await auditChange(tx, ctx, {
    action: 'checks.withdrawEvent',
    objectType: 'checking_event',
    objectId: input.id,
    detail: { unitCode: row.unitCode, kind: row.kind, level: row.level, occurredOn: row.occurredOn, reason },
  });
  return { id: input.id, version };
}
