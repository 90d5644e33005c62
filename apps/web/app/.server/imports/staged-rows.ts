/**
 * A preview's outcomes as rows for the staging table, one per data row of the file.
 * Pure: no database. Values are keyed by SQL column name so the commit can hand them
 * to jsonb_populate_record and let Postgres cast each one to its column's type.
 */
import type { RegisterDef, RowOutcome, RowValues } from '@tally/imports';
import type { ImportKey } from './import-registers.ts';
import type { StagedShape } from './staged-copy.ts';

/** How a register's valid rows are stored: petitions as jsonb keyed by column (petition-commit.ts reads them so), ledgers as cells. */
export function stagedShapeOf(key: ImportKey): StagedShape {
  return key === 'petitions' ? 'values' : 'cells';
}

/**
 * A staged row's values keyed by column, whichever way they were stored: `values` (petitions,
 * and ledger rows staged before cells existed) or `cells` in the register's field order.
 */
export function stagedValuesOf(
  def: RegisterDef,
  row: { values: Record<string, string | number | null> | null; cells: (string | null)[] | null },
): Record<string, string | number | null> | null {
  if (row.values) return row.values;
  const cells = row.cells;
  if (!cells) return null;
  const out: Record<string, string | number | null> = {};
  def.fields.forEach((field, index) => {
    const value = cells[index] ?? null;
    out[field.column ?? field.key] = field.integerValues && value !== null ? Number(value) : value;
  });
  return out;
}

export interface StagedRow {
  rowNumber: number;
  outcome: 'valid' | 'error' | 'duplicate';
  values: Record<string, string | number | null> | null;
  fingerprint: string | null;
  errors: Array<{ column: string; field: string; zh: string; en: string }> | null;
}

/**
 * Field values → column values. Enums stored as integers (revisit class) must reach
 * jsonb as numbers; validate-row already gives numbers, this keeps that true whatever
 * produced the values (a string "2" would still cast, but a label would not).
 */
export function toColumnValues(def: RegisterDef, values: RowValues): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const field of def.fields) {
    const value = values[field.key] ?? null;
    const column = field.column ?? field.key;
    out[column] = field.integerValues && value !== null ? Number(value) : value;
  }
  return out;
}

const messages = (list: readonly { column: string; field: string; zh: string; en: string }[]) =>
  list.map(({ column, field, zh, en }) => ({ column, field, zh, en }));

/** One row outcome of the preview as a staging row; errors of one row stay together, and a valid row's warnings sit in the same column. */
export function stagedRowOf(def: RegisterDef, row: RowOutcome): StagedRow {
  if (row.outcome === 'valid') {
    return {
      rowNumber: row.row,
      outcome: 'valid',
      values: toColumnValues(def, row.values),
      fingerprint: row.fingerprint,
      errors: row.warnings.length > 0 ? messages(row.warnings) : null,
    };
  }
  if (row.outcome === 'duplicate')
    return { rowNumber: row.row, outcome: 'duplicate', values: null, fingerprint: null, errors: null };
  return { rowNumber: row.row, outcome: 'error', values: null, fingerprint: null, errors: messages(row.errors) };
}
