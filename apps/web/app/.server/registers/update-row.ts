import type { Transaction } from '@tally/db';
import type { RegisterKey } from '@tally/db/registers';
import { rowFingerprint } from '@tally/imports';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { lockOwnRow, rowKey } from './find-row.ts';
import { registerTable } from './register-table.ts';
import { checkedValues, refusingDuplicates } from './write-checks.ts';

/** Edit a record of the actor's own unit; refused when someone saved it since it was opened. */
export async function updateRow(
  tx: Transaction,
  ctx: AuthedContext,
  input: { register: RegisterKey; id: string; updatedAt: string; values: Record<string, string> },
): Promise<{ id: string }> {
  const register = registerTable(input.register);
  const row = await lockOwnRow(tx, ctx, register, input.id, input.updatedAt);
  const values = checkedValues(register, input.values, ctx.now);
  const changed = register.def.fields
    .filter((field) => String(row[field.key] ?? '') !== String(values[field.key] ?? ''))
    .map((field) => field.key);
  await refusingDuplicates(() =>
    tx
      .update(register.table)
      .set({ ...values, fingerprint: rowFingerprint(register.def, values), updatedAt: ctx.now })
      .where(rowKey(ctx, register, row.id)),
  );
  // Field names only: the audit log must not become a second copy of personal data.
  await auditChange(tx, ctx, {
    action: 'registers.update',
    objectType: input.register,
    objectId: row.id,
    detail: { changed },
  });
  return { id: row.id };
}
