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
import { hash } from 'node:crypto';
import type { RegisterDef } from './types.ts';
import type { RowValues } from './validate-row.ts';

function isEmpty(value: RowValues[string] | undefined): boolean {
  return value === null || value === undefined || value === '';
}

/** What JSON.stringify writes before a field's value in the canonical array below: `,["key",`. */
const prefixes = new WeakMap<RegisterDef, string[]>();

function fieldPrefixes(def: RegisterDef): string[] {
  let found = prefixes.get(def);
  if (!found) {
    found = def.fields.map((f) => `,[${JSON.stringify(f.key)},`);
    prefixes.set(def, found);
  }
  return found;
}

export function rowFingerprint(def: RegisterDef, values: RowValues): string {
  // The text of JSON.stringify([def.key, [key, value], …]) over the fields that hold something, in the
  // register's order (an array, not an object, so key order can never depend on insertion order),
  // written piece by piece: a 200,000-row file builds it 200,000 times.
  const prefix = fieldPrefixes(def);
  let canonical = `[${JSON.stringify(def.key)}`;
  for (let i = 0; i < def.fields.length; i++) {
    const value = values[def.fields[i]!.key];
    if (!isEmpty(value)) canonical += `${prefix[i]}${JSON.stringify(value)}]`;
  }
  // One-shot hash: no Hash object per row.
  return hash('sha256', `${canonical}]`, 'hex');
}
