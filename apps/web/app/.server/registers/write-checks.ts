import { validateRecord, type RowValues } from '@tally/imports';
import { isUniqueViolation } from '../db-errors.ts';
import { FieldRefusal, UserFacingError } from '../errors.ts';
import type { RegisterTable } from './register-table.ts';

/** The register's own rules (the import's), at the moment of the post; refusals keep their field. */
export function checkedValues(register: RegisterTable, input: Record<string, string>, now: Date): RowValues {
  const result = validateRecord(register.def, input, { now });
  if (result.ok) return result.values;
  throw new FieldRefusal(result.errors.map(({ field, zh, en }) => ({ field, zh, en })));
}

/** The same row twice in one unit is refused here as the import skips it: one fingerprint per unit. */
export async function refusingDuplicates<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserFacingError('CONFLICT', 'error.register.duplicate');
    throw error;
  }
}
