import type { Actor } from '@tally/db';
import type { FieldValue } from '@tally/imports';
import { maskRecord } from './masking.ts';
import type { RegisterTable } from './register-table.ts';

export interface RegisterRow {
  id: string;
  unitCode: string;
  unitName: string;
  values: Record<string, FieldValue>;
  /** The actor's own unit keeps this row: it may edit it and sees personal data in full. */
  own: boolean;
  masked: boolean;
  /** Free-text fields withheld above the keeping unit (their value is null until a reveal). */
  hidden: string[];
  /** Optimistic-concurrency token for edits and deletes. */
  updatedAt: string;
  importId: string | null;
}

type DbRow = Record<string, unknown> & { id: string; unitCode: string; updatedAt: Date; importId: string | null };

/** A database row as the screens see it: field values by key, personal data masked outside the unit (§8). */
export function shapeRow(register: RegisterTable, row: DbRow, unitName: string, actor: Actor): RegisterRow {
  const values = Object.fromEntries(
    register.def.fields.map((field) => [field.key, (row[field.key] ?? null) as FieldValue]),
  );
  const own = row.unitCode === actor.unitCode;
  const shown = own ? { values, hidden: [] } : maskRecord(register.def.fields, values);
  return {
    id: row.id,
    unitCode: row.unitCode,
    unitName,
    values: shown.values,
    own,
    masked: !own && register.def.fields.some((field) => field.personal && values[field.key] !== null),
    hidden: shown.hidden,
    updatedAt: row.updatedAt.toISOString(),
    importId: row.importId,
  };
}

/**
 * A database row as an export writes it: field values by key, personal fields empty outside the
 * keeping unit (an export made above it carries none, §8; a screen masks instead, shapeRow).
 */
export function exportedValues(register: RegisterTable, row: DbRow, actor: Actor): Record<string, unknown> {
  const own = row.unitCode === actor.unitCode;
  return Object.fromEntries(
    register.def.fields.map((field) => [field.key, own || !field.personal ? (row[field.key] ?? null) : null]),
  );
}
