import { and, count } from 'drizzle-orm';
import type { Transaction } from '@tally/db';
import type { RegisterKey } from '@tally/db/registers';
import { UserFacingError } from '../errors.ts';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { pageOfRows } from './find-row.ts';
import { cursorCondition, listCondition, listOrder, type ListFilters } from './list-query.ts';
import { registerTable } from './register-table.ts';
import { exportedValues } from './rows.ts';

/** The most rows one export writes: a county-year of the busiest register fits with room. */
export const EXPORT_ROW_LIMIT = 200_000;
/** Rows per page of an export: large enough that 200,000 rows are 100 queries, small enough to hold. */
export const EXPORT_PAGE_SIZE = 2_000;

export type ExportRowsInput = ListFilters & { register: RegisterKey; cursor?: string | undefined; pageSize: number };

/**
 * A filtered list for a spreadsheet, one keyset page at a time (the export streams the
 * pages into the file, so no request holds 200,000 rows). The first call (no cursor)
 * refuses an export over the limit and is audited with the filters and the row count;
 * the pages after it show no more than the list does. Personal fields are filled only
 * for rows the actor's own unit keeps; an export made above it carries none (§8).
 */
export async function exportRows(tx: Transaction, ctx: AuthedContext, input: ExportRowsInput) {
  const register = registerTable(input.register);
  const where = listCondition(register, ctx.actor, input);
  const cursor = decodeCursor(input.cursor);
  if (input.cursor !== undefined && cursor?.direction !== 'after')
    throw new UserFacingError('BAD_REQUEST', 'error.invalidValue');
  if (!cursor) {
    const [total] = await tx.select({ n: count() }).from(register.table).where(where);
    if ((total?.n ?? 0) > EXPORT_ROW_LIMIT)
      throw new UserFacingError('BAD_REQUEST', 'error.register.exportTooLarge', {
        limit: EXPORT_ROW_LIMIT,
        rows: total!.n,
      });
    await auditChange(tx, ctx, {
      action: 'registers.export',
      objectType: input.register,
      objectId: input.unitCode ?? ctx.actor.unitCode,
      detail: {
        rows: total?.n ?? 0,
        filters: { from: input.from ?? null, to: input.to ?? null, q: input.q ?? null, ...input.filters },
      },
    });
  }
  const found = await pageOfRows(
    tx,
    register,
    and(where, cursorCondition(register, cursor)),
    listOrder(register, 'after'),
    input.pageSize + 1,
  );
  const page = found.slice(0, input.pageSize);
  const dateKey = register.def.fields[0]!.key;
  const last = page.at(-1);
  return {
    rows: page.map((row) => ({
      unitCode: row.unitCode,
      unitName: row.unitName,
      values: exportedValues(register, row, ctx.actor),
    })),
    next:
      found.length > input.pageSize && last
        ? encodeCursor({ direction: 'after', date: String(last[dateKey]), id: last.id })
        : null,
  };
}
