import type { Transaction } from '@tally/db';
import type { RegisterKey } from '@tally/db/registers';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { findRow } from './find-row.ts';
import { registerTable } from './register-table.ts';

/** Personal data in full above the keeping unit: allowed in scope, always audited (§8). */
export async function revealRow(tx: Transaction, ctx: AuthedContext, input: { register: RegisterKey; id: string }) {
  const register = registerTable(input.register);
  const row = await findRow(tx, ctx, register, input.id);
  await auditChange(tx, ctx, { action: 'registers.reveal', objectType: input.register, objectId: row.id });
  const personal = register.def.fields.filter((field) => field.personal);
  return Object.fromEntries(personal.map((field) => [field.key, row[field.key] ?? null]));
}
