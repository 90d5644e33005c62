export { registerDefs, registerKeys, isRegisterKey, dateFieldOf, type RegisterKey } from './defs.ts';
export type { RegisterPresentation, SharedColumn } from './presentation.ts';
export { PETITION_IMPORT_REGISTER, PETITION_REGISTER } from './petitions.ts';
export { registerTableOf, type LedgerColumns, type RegisterTableOf } from './tables.ts';
