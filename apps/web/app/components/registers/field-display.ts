import type { FieldDef, FieldValue, RegisterDef } from '@tally/imports';
import type { Language } from '../../i18n/index.ts';
import { formatCivilDate } from '../../lib/civil-date-format.ts';

/** A register's or field's name in the user's language. */
export function labelOf(
  item: Pick<FieldDef, 'label' | 'labelEn'> | Pick<RegisterDef, 'label' | 'labelEn'>,
  language: Language,
): string {
  return language === 'en' ? (item.labelEn ?? item.label) : item.label;
}

/** A stored value as a clerk reads it: enum codes become their words, dates the interface's one date style. */
export function displayValue(
  field: Pick<FieldDef, 'enum' | 'type'>,
  value: FieldValue | undefined,
  language: Language,
): string {
  if (value === null || value === undefined || value === '') return '';
  if (field.type === 'date' && typeof value === 'string') return formatCivilDate(value, language);
  if (field.enum) {
    const option = field.enum.find((candidate) => candidate.value === String(value));
    if (option) return language === 'en' ? (option.labelEn ?? option.labels[0]!) : option.labels[0]!;
  }
  return String(value);
}

/** The columns a list shows: the short fields, the first few of them. */
export function listColumns(def: RegisterDef, limit = 6): FieldDef[] {
  return def.fields.filter((field) => !field.long).slice(0, limit);
}
