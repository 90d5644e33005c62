import { count } from 'drizzle-orm';
import type { Transaction } from '@tally/db';
import { registerKeys, type RegisterKey } from '@tally/db/registers';
import type { AuthedContext } from '../trpc.ts';
import { listCondition } from './list-query.ts';
import { registerTable } from './register-table.ts';

/** How many live rows each register holds in the actor's scope: the registers' front page. */
export async function registersOverview(
  tx: Transaction,
  ctx: AuthedContext,
  input: { unitCode?: string | undefined },
): Promise<Record<RegisterKey, number>> {
  const counts = await Promise.all(
    registerKeys.map(async (key) => {
      const register = registerTable(key);
      const [row] = await tx
        .select({ n: count() })
        .from(register.table)
        .where(listCondition(register, ctx.actor, { unitCode: input.unitCode }));
      return [key, row?.n ?? 0] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<RegisterKey, number>;
}
