/**
 * A unit's import batches, newest first, for the batch list page: what was uploaded,
 * by whom, when, its state and rows. Own unit only: a batch is the uploading unit's
 * work, and its file name can carry a petitioner's name.
 */
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { IMPORT_RETENTION_DAYS, schema, type Actor, type Transaction } from '@tally/db';

export const BATCH_LIST_PAGE = 50;

const batches = schema.importBatches;

export async function listOwnBatches(tx: Transaction, actor: Actor, page: number) {
  const own = and(eq(batches.countyId, actor.countyId), eq(batches.unitCode, actor.unitCode));
  const rows = await tx
    .select({
      id: batches.id,
      register: batches.register,
      fileName: batches.fileName,
      status: batches.status,
      totalRows: batches.totalRows,
      validRows: batches.validRows,
      errorRows: batches.errorRows,
      insertedCount: batches.insertedCount,
      skippedCount: batches.skippedCount,
      failure: batches.failure,
      createdAt: batches.createdAt,
      committedAt: batches.committedAt,
      // A batch holding reserved case numbers is finished by committing it again, never cancelled (0020).
      holdsNumbers: sql<boolean>`${batches.reservedNumbers} is not null`,
      // The users policy shows a clerk the users of their own unit; anyone else's name stays empty.
      createdBy: schema.users.displayName,
    })
    .from(batches)
    .leftJoin(schema.users, and(eq(schema.users.countyId, batches.countyId), eq(schema.users.id, batches.createdBy)))
    .where(own)
    .orderBy(desc(batches.createdAt), desc(batches.id))
    .limit(BATCH_LIST_PAGE)
    .offset((page - 1) * BATCH_LIST_PAGE);
  const [total] = await tx.select({ n: count() }).from(batches).where(own);
  return { rows, total: total?.n ?? 0, pageSize: BATCH_LIST_PAGE, retentionDays: IMPORT_RETENTION_DAYS };
}
