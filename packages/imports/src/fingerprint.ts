/**
 * A row's identity for idempotent commits: sha256 over the register key and the
 * canonical values of the fields that hold something, in the register's field order.
 * Column order in the file, header spelling, date style and enum label do not change it,
 * so importing the same sheet twice (or a re-ordered copy) is detectable by the commit step.
 *
 * Empty fields are left out, not hashed as null: a column added to a register later is
 * empty in every old sheet, so re-importing an old sheet after the change still matches
 * the rows it made (docs/decisions/0008-fingerprints-without-empty-fields.md). A column
 * added with a default value does fill old rows and so does change their fingerprint:
 * give a new column no default when old sheets must keep matching.
 */
import { createHash } from 'node:crypto';
import type { RegisterDef } from './types.ts';
import type { RowValues } from './validate-row.ts';

function isEmpty(value: RowValues[string] | undefined): boolean {
  return value === null || value === undefined || value === '';
}

export function rowFingerprint(def: RegisterDef, values: RowValues): string {
  // An array, not an object, so key order can never depend on insertion order.
  const canonical = [def.key, ...def.fields.filter((f) => !isEmpty(values[f.key])).map((f) => [f.key, values[f.key]])];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
