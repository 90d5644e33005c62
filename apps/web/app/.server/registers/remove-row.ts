import type { Transaction } from '@tally/db';
import type { RegisterKey } from '@tally/db/registers';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { lockOwnRow, rowKey } from './find-row.ts';
import { registerTable } from './register-table.ts';

/** Soft delete: the row leaves every list and export but stays on file, and the deletion is audited. */
export async function removeRow(
  tx: Transaction,
  ctx: AuthedContext,
  input: { register: RegisterKey; id: string; updatedAt: string; reason?: string | undefined },
): Promise<{ id: string }> {
  const register = registerTable(input.register);
  const row = await lockOwnRow(tx, ctx, register, input.id, input.updatedAt);
  await tx
    .update(register.table)
    .set({ deletedAt: ctx.now, updatedAt: ctx.now })
    .where(rowKey(ctx, register, row.id));
  await auditChange(tx, ctx, {
    action: 'registers.remove',
    objectType: input.register,
    objectId: row.id,
    detail: { reason: input.reason ?? null },
  });
  return { id: row.id };
}
