/**
 * Rows read by a raw statement (`tx.execute(sql…)`): postgres.js hands them back untyped.
 * Every raw read goes through `rowsOf`, which checks each row against a shape and says its
 * type, so no caller casts the result and a column that is not what the SQL promised fails
 * loudly at the read instead of later as a wrong figure. A zod object schema is a shape.
 */
export interface RowShape<T> {
  parse(row: unknown): T;
}

/** Every row of a raw statement's result, each checked against `shape`. */
export function rowsOf<T>(result: Iterable<Record<string, unknown>>, shape: RowShape<T>): T[] {
  return Array.from(result, (row) => shape.parse(row));
}

/** The one row a statement returns (`returning …`, `select count(*) …`); an error when there is none. */
export function onlyRow<T>(result: Iterable<Record<string, unknown>>, shape: RowShape<T>): T {
  const [row] = rowsOf(result, shape);
  if (row === undefined) throw new Error('expected a row, the statement returned none');
  return row;
}

/** `select count(*)::int as n …`: the shape of a counting statement's one row. */
export const countRow: RowShape<{ n: number }> = {
  parse(row) {
    if (typeof row === 'object' && row !== null && 'n' in row && Number.isInteger(row.n)) return { n: Number(row.n) };
    throw new Error('expected an integer count in column n');
  },
};
