import type { PgColumn } from 'drizzle-orm/pg-core';
import {
  dateFieldOf,
  registerDefs,
  registerTableOf,
  type RegisterKey,
  type RegisterTableOf,
} from '@tally/db/registers';
import type { RegisterDef } from '@tally/imports';

/**
 * One register's table seen through its definition, so the procedures can work on any
 * of the eight registers by key. Column access is by the definition's field keys,
 * which a unit test proves are exactly the table's own columns; the columns every
 * register shares are typed (`ledger`).
 */
export interface RegisterTable extends RegisterTableOf {
  key: RegisterKey;
  def: RegisterDef;
  dateColumn: PgColumn;
}

export function registerTable(key: RegisterKey): RegisterTable {
  const { table, columns, ledger } = registerTableOf(key);
  return { key, def: registerDefs[key], table, columns, ledger, dateColumn: columns[dateFieldOf(key).key]! };
}
