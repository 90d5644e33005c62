import { getTableColumns } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { schema } from '@tally/db';
import { dateFieldOf, registerDefs, type RegisterKey } from '@tally/db/registers';
import type { RegisterDef } from '@tally/imports';

/**
 * One register's table seen through its definition, so the procedures can work on any
 * of the eight registers by key. Column access is by the definition's field keys,
 * which a unit test proves are exactly the table's own columns.
 */
export interface RegisterTable {
  key: RegisterKey;
  def: RegisterDef;
  table: PgTable;
  columns: Record<string, PgColumn>;
  dateColumn: PgColumn;
}

export function registerTable(key: RegisterKey): RegisterTable {
  const table = schema.registerTables[key] as PgTable;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  return { key, def: registerDefs[key], table, columns, dateColumn: columns[dateFieldOf(key).key]! };
}
