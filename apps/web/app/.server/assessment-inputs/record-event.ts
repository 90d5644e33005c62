import { shanghaiDate } from '@tally/casework';
import { schema, type Transaction } from '@tally/db';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { actorDisplayName } from './actor-name.ts';
import { unitCheckedBy } from './checking-unit.ts';
import { checkedEvent, type EventDraft } from './event-input.ts';

/** Record an event against a unit directly below the actor's; audited in the same transaction. */
export async function recordEvent(tx: Transaction, ctx: AuthedContext, input: EventDraft & { unitCode: string }) {
  const event = checkedEvent(input, shanghaiDate(ctx.now));
  const unit = await unitCheckedBy(tx, ctx.actor, input.unitCode);
  const [row] = await tx
    .insert(schema.checkingEvents)
    .values({
      countyId: ctx.actor.countyId,
      unitCode: unit.code,
      ...event,
      enteredByUnit: ctx.actor.unitCode,
      createdBy: ctx.actor.userId,
      createdByName: await actorDisplayName(tx, ctx.actor),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: schema.checkingEvents.id, version: schema.checkingEvents.version });
  // The description stays out of the audit detail: the row holds it, the log holds what changed.
  await auditChange(tx, ctx, {
    action: 'checks.recordEvent',
    objectType: 'checking_event',
    objectId: row!.id,
    detail: {
      unitCode: unit.code,
      kind: event.kind,
      level: event.level,
      occurredOn: event.occurredOn,
      attachmentRef: event.attachmentRef,
    },
  });
  return { id: row!.id, version: row!.version, unitCode: unit.code, unitName: unit.name, ...event };
}
