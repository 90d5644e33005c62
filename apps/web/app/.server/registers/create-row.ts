import type { Transaction } from '@tally/db';
import type { RegisterKey } from '@tally/db/registers';
import { rowFingerprint } from '@tally/imports';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { registerTable } from './register-table.ts';
import { checkedValues, refusingDuplicates } from './write-checks.ts';

/** A record typed in at the actor's own unit. */
export async function createRow(
  tx: Transaction,
  ctx: AuthedContext,
  input: { register: RegisterKey; values: Record<string, string> },
): Promise<{ id: string }> {
  const register = registerTable(input.register);
  const values = checkedValues(register, input.values, ctx.now);
  const fingerprint = rowFingerprint(register.def, values);
  const [created] = await refusingDuplicates(() =>
    tx
      .insert(register.table)
      .values({
        ...values,
        countyId: ctx.actor.countyId,
        unitCode: ctx.actor.unitCode,
        fingerprint,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: register.ledger.id }),
  );
  await auditChange(tx, ctx, { action: 'registers.create', objectType: input.register, objectId: created!.id });
  return { id: created!.id };
}
