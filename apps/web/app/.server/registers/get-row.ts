import type { Transaction } from '@tally/db';
import type { RegisterKey } from '@tally/db/registers';
import type { AuthedContext } from '../trpc.ts';
import { findRow } from './find-row.ts';
import { registerTable } from './register-table.ts';
import { shapeRow, type RegisterRow } from './rows.ts';

/** One record as the screens see it, masked outside the keeping unit. */
export async function getRow(
  tx: Transaction,
  ctx: AuthedContext,
  input: { register: RegisterKey; id: string },
): Promise<RegisterRow> {
  const register = registerTable(input.register);
  const row = await findRow(tx, ctx, register, input.id);
  return shapeRow(register, row, row.unitName, ctx.actor);
}
