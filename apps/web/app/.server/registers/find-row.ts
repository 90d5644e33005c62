import { and, eq, isNull, type SQL } from 'drizzle-orm';
import { schema, type Transaction } from '@tally/db';
import { UserFacingError, notFound } from '../errors.ts';
import { inActorScope } from '../services/unit-scope.ts';
import type { AuthedContext } from '../trpc.ts';
import type { RegisterTable } from './register-table.ts';

/** A register row as the procedures read it: every column by key, the shared ones typed, and the unit's name. */
export function rowSelection(register: RegisterTable) {
  const { ledger } = register;
  return {
    ...register.columns,
    id: ledger.id,
    unitCode: ledger.unitCode,
    updatedAt: ledger.updatedAt,
    importId: ledger.importId,
    unitName: schema.units.name,
  };
}

/** The join to the keeping unit, for its name. */
export function joinUnits(register: RegisterTable) {
  return and(eq(schema.units.countyId, register.ledger.countyId), eq(schema.units.code, register.ledger.unitCode));
}

/** One row of a register by id, in the actor's county. */
export function rowKey(ctx: AuthedContext, register: RegisterTable, id: string) {
  return and(eq(register.ledger.countyId, ctx.actor.countyId), eq(register.ledger.id, id));
}

/**
 * A register row as read: the shared columns typed, and every column by key, the definition's
 * fields included (their types are the definition's, known at run time).
 */
export type SelectedRow = Record<string, unknown> & {
  id: string;
  unitCode: string;
  updatedAt: Date;
  importId: string | null;
  unitName: string;
};

function rowsWhere(tx: Transaction, register: RegisterTable, where: SQL | undefined) {
  return tx
    .select(rowSelection(register))
    .from(register.table)
    .innerJoin(schema.units, joinUnits(register))
    .where(where);
}

/** A page of rows in list order (the list's and the export's read). */
export async function pageOfRows(
  tx: Transaction,
  register: RegisterTable,
  where: SQL | undefined,
  order: SQL[],
  limit: number,
): Promise<SelectedRow[]> {
  return rowsWhere(tx, register, where)
    .orderBy(...order)
    .limit(limit);
}

/** One live row of a register in the actor's scope, by id; not found otherwise. */
export async function findRow(
  tx: Transaction,
  ctx: AuthedContext,
  register: RegisterTable,
  id: string,
  lock = false,
): Promise<SelectedRow> {
  const query = rowsWhere(
    tx,
    register,
    and(
      rowKey(ctx, register, id),
      isNull(register.ledger.deletedAt),
      inActorScope(register.ledger.unitCode, ctx.actor),
    ),
  );
  const rows: SelectedRow[] = lock ? await query.for('update', { of: register.table }) : await query;
  const [row] = rows;
  if (!row) throw notFound();
  return row;
}

/**
 * The row an edit or delete is about, locked: only the unit that keeps a register writes to
 * it (docs/domain.md §2), and only the version the clerk opened (someone may have saved since).
 */
export async function lockOwnRow(
  tx: Transaction,
  ctx: AuthedContext,
  register: RegisterTable,
  id: string,
  openedVersion: string,
): Promise<SelectedRow> {
  const row = await findRow(tx, ctx, register, id, true);
  if (row.unitCode !== ctx.actor.unitCode) throw new UserFacingError('FORBIDDEN', 'error.register.notOwnUnit');
  if (row.updatedAt.toISOString() !== new Date(openedVersion).toISOString())
    throw new UserFacingError('CONFLICT', 'error.register.stale');
  return row;
}
