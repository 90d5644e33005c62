/**
 * §8 as every read path applies it: register lists, records and exports, the mediation
 * agreement, dispute revisits, staged import rows and petition cases. What is personal, and
 * how it is masked, is declared once on the field definitions (`personal`, `masking`);
 * who sees a record in full is each read path's question.
 */
import { maskAddress, maskIdNumber, maskPartiesText, maskPhone } from '@tally/casework';
import type { FieldDef, FieldValue } from '@tally/imports';

/**
 * A personal field as someone outside the handling unit sees it. Party lists keep each
 * entry's role label and first character (one rule for every register and case); free text
 * is withheld whole (null), since the names in prose cannot be found reliably.
 */
export function maskField(field: FieldDef, value: FieldValue): FieldValue {
  if (value === null || value === '' || !field.personal) return value;
  const text = String(value);
  if (field.type === 'id_number') return maskIdNumber(text);
  if (field.type === 'phone') return maskPhone(text);
  switch (field.masking) {
    case 'free-text':
      return null;
    case 'address':
      return maskAddress(text);
    default:
      return maskPartiesText(text);
  }
}

/** A free text with something in it: outside the handling unit it is withheld, not just masked. */
export function isWithheld(field: FieldDef, value: FieldValue | undefined): boolean {
  return (
    Boolean(field.personal) && field.masking === 'free-text' && value !== null && value !== undefined && value !== ''
  );
}

/** A record after masking: any field may have been withheld. */
export type Masked<T> = { [K in keyof T]: T[K] | null };

export interface MaskedRecord<T> {
  values: Masked<T>;
  /** Keys of the free texts withheld, so a screen says "hidden" instead of showing an empty box. */
  hidden: string[];
}

/**
 * A record as someone outside the handling unit sees it: every key that names a field is
 * masked by that field's rule, other keys pass unchanged. `keyOf` says how the record is
 * keyed: by field key (the default) or, for staged import rows, by column.
 */
export function maskRecord<T extends Record<string, FieldValue>>(
  fields: readonly FieldDef[],
  record: T,
  keyOf: (field: FieldDef) => string = (field) => field.key,
): MaskedRecord<T> {
  const values: Record<string, FieldValue> = { ...record };
  const hidden: string[] = [];
  for (const field of fields) {
    const key = keyOf(field);
    if (!(key in record)) continue;
    if (isWithheld(field, record[key])) hidden.push(key);
    values[key] = maskField(field, record[key] ?? null);
  }
  return { values: values as Masked<T>, hidden };
}

/** The personal fields of a record in full, the others left out: what an audited reveal hands over. */
export function personalValues<T extends Record<string, unknown>>(fields: readonly FieldDef[], record: T): Partial<T> {
  const personal = new Set(fields.filter((field) => field.personal).map((field) => field.key));
  return Object.fromEntries(Object.entries(record).filter(([key]) => personal.has(key))) as Partial<T>;
}
