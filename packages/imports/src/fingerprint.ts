/**
 * A row's identity for idempotent commits: sha256 over the register key and the
 * canonical values in the register's field order. Column order in the file, header
 * spelling, date style and enum label do not change it, so importing the same sheet
 * twice (or a re-ordered copy) is detectable by the commit step.
 */
import { createHash } from 'node:crypto';
import type { RegisterDef } from './types.ts';
import type { RowValues } from './validate-row.ts';

export function rowFingerprint(def: RegisterDef, values: RowValues): string {
  // An array, not an object, so key order can never depend on insertion order.
  const canonical = [def.key, ...def.fields.map((f) => [f.key, values[f.key] ?? null])];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
