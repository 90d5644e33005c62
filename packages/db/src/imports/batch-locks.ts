/**
 * Advisory locks of the import commit, named once so the commit (app role) and the
 * housekeeping sweep (owner) agree on the keys.
 *
 * - A batch's commit job holds `batchJobLock` for its whole transaction. The lock dies
 *   with the transaction or the connection, so "the batch says committing but nobody
 *   holds its lock" means the job died (a crash, a restart): the batch may be retried.
 * - A petition commit holds `petitionImportLock` for its unit: two batches of the same
 *   ledger committed at once run one after the other, and the second finds the first's
 *   cases already there instead of tripping over the unique key.
 */
import { sql, type SQL } from 'drizzle-orm';

export function batchJobLock(batchId: string | SQL): SQL {
  return sql`hashtextextended('tally.import_batch:' || ${batchId}::text, 0)`;
}

export function petitionImportLock(countyId: number, unitCode: string): SQL {
  return sql`hashtextextended('tally.petition_import:' || ${String(countyId)} || ':' || ${unitCode}, 0)`;
}
