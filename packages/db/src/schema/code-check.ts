import { sql, type SQL } from 'drizzle-orm';
import { check } from 'drizzle-orm/pg-core';

/**
 * CHECK (column in (...codes)): a code the application does not know can not be stored
 * by any path (form, import, seed, or a hand-written statement). Codes are literals of a
 * vocabulary module, never input; quotes are doubled all the same. A null passes (SQL
 * CHECK semantics), so optional columns stay optional.
 */
export function codeCheck(name: string, column: string, codes: readonly string[]) {
  const list = codes.map((code) => `'${code.replace(/'/g, "''")}'`).join(', ');
  const condition: SQL = sql`${sql.identifier(column)} in (${sql.raw(list)})`;
  return check(name, condition);
}
