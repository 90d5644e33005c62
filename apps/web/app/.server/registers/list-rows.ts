import { and, count, sql } from 'drizzle-orm';
import type { Transaction } from '@tally/db';
import type { RegisterKey } from '@tally/db/registers';
import type { AuthedContext } from '../trpc.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { pageOfRows } from './find-row.ts';
import { cursorCondition, listCondition, listOrder, type ListFilters } from './list-query.ts';
import { registerTable } from './register-table.ts';
import { shapeRow, type RegisterRow } from './rows.ts';

/**
 * Lists count exactly up to this many rows and say "more than" beyond: a county-wide
 * count of 100,000 rows costs more than the page itself, and no clerk pages that far.
 */
export const COUNT_LIMIT = 10_000;

export type ListRowsInput = ListFilters & { register: RegisterKey; cursor?: string | undefined; pageSize: number };

/** One page in date order, newest first, with the total; keyset-paged so deep pages stay cheap. */
export async function listRows(tx: Transaction, ctx: AuthedContext, input: ListRowsInput) {
  const register = registerTable(input.register);
  const cursor = decodeCursor(input.cursor);
  const direction = cursor?.direction ?? 'after';
  const where = listCondition(register, ctx.actor, input);
  const [found, [total]] = await Promise.all([
    pageOfRows(
      tx,
      register,
      and(where, cursorCondition(register, cursor)),
      listOrder(register, direction),
      input.pageSize + 1,
    ),
    tx.select({ n: count() }).from(
      tx
        .select({ one: sql`1` })
        .from(register.table)
        .where(where)
        .limit(COUNT_LIMIT + 1)
        .as('capped'),
    ),
  ]);
  const more = found.length > input.pageSize;
  const page = found.slice(0, input.pageSize);
  if (direction === 'before') page.reverse();
  const rows: RegisterRow[] = page.map((row) => shapeRow(register, row, row.unitName, ctx.actor));
  const dateKey = register.def.fields[0]!.key;
  const edge = (row: RegisterRow | undefined, to: 'after' | 'before') =>
    row ? encodeCursor({ direction: to, date: String(row.values[dateKey]), id: row.id }) : null;
  const counted = total?.n ?? 0;
  return {
    total: Math.min(counted, COUNT_LIMIT),
    /** True when there are more rows than `total` says. */
    totalIsLowerBound: counted > COUNT_LIMIT,
    rows,
    next: (direction === 'after' ? more : cursor !== null) ? edge(rows.at(-1), 'after') : null,
    previous: (direction === 'before' ? more : cursor !== null) ? edge(rows[0], 'before') : null,
  };
}
