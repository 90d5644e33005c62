import { getTableColumns } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { registerTables } from '../schema/registers.ts';
import type { RegisterKey } from './defs.ts';

type AnyRegisterTable = (typeof registerTables)[RegisterKey];

/**
 * The columns every register table has (ledgerTable's shared columns), typed as drizzle types
 * them, so a statement over any register reads `id`, `unitCode`, `updatedAt`… with their types.
 */
export type LedgerColumns = Pick<
  AnyRegisterTable,
  'countyId' | 'id' | 'unitCode' | 'fingerprint' | 'importId' | 'createdBy' | 'createdAt' | 'updatedAt' | 'deletedAt'
>;

/**
 * One register's table for statements that work on any register by key. The register's own
 * columns are known only at run time (by the definition's field keys, which a unit test proves
 * are the table's columns), so drizzle types the table as a PgTable: inserts and updates take the
 * values validateRecord checked against the same definition.
 */
export interface RegisterTableOf {
  table: PgTable;
  /** Every column by its key, the definition's fields included. */
  columns: Record<string, PgColumn>;
  ledger: LedgerColumns;
}

export function registerTableOf(key: RegisterKey): RegisterTableOf {
  const table: AnyRegisterTable = registerTables[key];
  const ledger: LedgerColumns = {
    countyId: table.countyId,
    id: table.id,
    unitCode: table.unitCode,
    fingerprint: table.fingerprint,
    importId: table.importId,
    createdBy: table.createdBy,
    createdAt: table.createdAt,
    updatedAt: table.updatedAt,
    deletedAt: table.deletedAt,
  };
  const columns: Record<string, PgColumn> = getTableColumns(table);
  return { table, columns, ledger };
}
