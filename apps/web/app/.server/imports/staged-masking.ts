/**
 * §8 for staged rows: a township may open a village's batch, but the personal values of
 * its rows (petitioners, parties) are masked, and their free text withheld, unless the
 * viewer is the importing unit. Staged values are keyed by column, so each field is
 * looked up by its column.
 */
import type { RegisterDef } from '@tally/imports';
import { maskRecord, type MaskedRecord } from '../registers/masking.ts';

export function maskStagedValues(
  def: RegisterDef,
  values: Record<string, string | number | null>,
): MaskedRecord<Record<string, string | number | null>> {
  return maskRecord(def.fields, values, (field) => field.column ?? field.key);
}
