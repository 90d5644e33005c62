/**
 * A preview's outcome as rows for the staging table, one per data row of the file.
 * Pure: no database. Values are keyed by SQL column name so the commit can hand them
 * to jsonb_populate_record and let Postgres cast each one to its column's type.
 */
import type { PreviewResult, RegisterDef, RowError, RowValues } from '@tally/imports';

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

/** Every data row's outcome, in row order. Errors of one row are kept together. */
export function stagedRowsOf(def: RegisterDef, preview: PreviewResult): StagedRow[] {
  const rows: StagedRow[] = [];
  for (const valid of preview.validRows) {
    rows.push({ rowNumber: valid.row, outcome: 'valid', values: toColumnValues(def, valid.values), fingerprint: valid.fingerprint, errors: null });
  }
  for (const row of preview.duplicateRowsInFile) rows.push({ rowNumber: row, outcome: 'duplicate', values: null, fingerprint: null, errors: null });
  const byRow = new Map<number, RowError[]>();
  for (const error of preview.errors) {
    const list = byRow.get(error.row) ?? [];
    list.push(error);
    byRow.set(error.row, list);
  }
  for (const [row, errors] of byRow) {
    rows.push({
      rowNumber: row,
      outcome: 'error',
      values: null,
      fingerprint: null,
      errors: errors.map(({ column, field, zh, en }) => ({ column, field, zh, en })),
    });
  }
  return rows.sort((a, b) => a.rowNumber - b.rowNumber);
}

/** Number of distinct rows with at least one error (a missing required column counts once, on the header row). */
export function errorRowCount(rows: readonly StagedRow[]): number {
  return rows.filter((row) => row.outcome === 'error').length;
}
