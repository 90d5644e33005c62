import type { Language } from '../../i18n/index.ts';

/** A register's or field's label in the user's language (labels come from the register definitions, via the loader). */
export function labelIn(item: { label: string; labelEn?: string }, language: Language): string {
  return language === 'en' ? (item.labelEn ?? item.label) : item.label;
}
