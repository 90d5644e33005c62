/**
 * §8 for staged rows: a township may open a village's batch, but the personal values of
 * its rows (petitioners, parties) are masked unless the viewer is the importing unit.
 * Staged values are keyed by column, so each field is looked up by its column.
 */
import type { RegisterDef } from '@tally/imports';
import { maskField } from '../registers/masking.ts';

export function maskStagedValues(def: RegisterDef, values: Record<string, string | number | null>): Record<string, string | number | null> {
  const out = { ...values };
  for (const field of def.fields) {
    const column = field.column ?? field.key;
    if (field.personal && column in out) out[column] = maskField(field, out[column] ?? null) as string | number | null;
  }
  return out;
}
