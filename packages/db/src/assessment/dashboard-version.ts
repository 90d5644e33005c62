import { sql } from 'drizzle-orm';
import type { Transaction } from '../client.ts';

/**
 * Runs a long write (an import's commit job) with the county's dashboard data version bumped
 * once, as the transaction's last statement, instead of by every statement's trigger
 * (docs/decisions/0018-dashboard-result-cache.md). A trigger's bump locks the county's version
 * row until COMMIT: in a transaction of minutes every desk intake and ledger form of the county
 * would wait that long. Bumped last, the row is held only for the commit itself, and the bump
 * still commits with the records, so a kept dashboard result is never older than its key.
 * The bump is the actor's county (`app.county_id`, set by withActor); a failed `work` rolls the
 * whole transaction back, bump and all.
 */
export async function dashboardVersionBumpedLast<T>(tx: Transaction, work: () => Promise<T>): Promise<T> {
  await tx.execute(sql`select set_config('tally.dashboard_version_deferred', 'on', true)`);
  const result = await work();
  await tx.execute(sql`select dashboard_data_version_bump_county()`);
  return result;
}
