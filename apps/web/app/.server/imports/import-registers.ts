/**
 * What can be imported: every ledger register (rows go straight into its table) and
 * petitions (each row goes through case intake). One key list for the import router,
 * the routes and the staging code, so adding petitions did not make them a ledger table.
 */
import type { RegisterDef } from '@tally/imports';
import { PETITION_IMPORT_REGISTER, isRegisterKey, registerDefs, type RegisterKey } from '@tally/db/registers';

export type ImportKey = RegisterKey | 'petitions';

export function isImportKey(value: string): value is ImportKey {
  return value === 'petitions' || isRegisterKey(value);
}

export function importDef(key: ImportKey): RegisterDef {
  return key === 'petitions' ? PETITION_IMPORT_REGISTER : registerDefs[key];
}

/** Where the imported records are listed. */
export function listPathOf(key: ImportKey): string {
  return key === 'petitions' ? '/cases' : `/registers/${key}`;
}
