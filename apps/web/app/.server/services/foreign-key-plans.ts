/**
 * PostgreSQL checks a foreign key with a query it prepares once per connection and keeps
 * (the referential-integrity trigger's saved plan). After five executions it settles on a
 * generic plan, chosen for the table as it was then. Planned while petition_cases was small
 * and unanalysed (a new county, a village's first ledger), that plan reads the county's
 * whole range of an index that leads with county_id instead of the primary key; while an
 * import inserts 200,000 cases into it, every check on that connection reads all of them,
 * its own and the import's uncommitted ones (docs/decisions/0023-foreign-key-plans-during-imports.md).
 * Nothing replans it: no analyse runs while the import's rows are uncommitted.
 */
import { sql } from 'drizzle-orm';
import type { Transaction } from '@tally/db';

/**
 * For the rest of the transaction, plan each foreign-key check for the table as it is now
 * (a custom plan, about a tenth of a millisecond), never reuse the connection's cached one.
 * For transactions that write a few rows (desk intake, a workflow step); a bulk writer
 * would pay the planning for every row and uses {@link replanCachedPlans} instead.
 */
export async function planForeignKeyChecksNow(tx: Transaction): Promise<void> {
  await tx.execute(sql`select set_config('plan_cache_mode', 'force_custom_plan', true)`);
}

/**
 * Drop the connection's cached plans (the next use plans again, for the table as it is
 * then). A bulk writer calls it at the start of its transaction: its first foreign-key
 * checks run after its first slice is in, when the table's size already shows. Insurance:
 * the petition commit job was measured unaffected on connections holding the stale plan
 * (something in its transaction already replans), but if it ever were, its checks would be
 * quadratic in the batch.
 */
export async function replanCachedPlans(tx: Transaction): Promise<void> {
  await tx.execute(sql`discard plans`);
}
