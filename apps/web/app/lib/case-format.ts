import { isMessageKey, type Language, type Translate } from '../i18n/index.ts';

/**
 * A civil date ('YYYY-MM-DD', already a Shanghai date) for people: 2026年10月8日 in
 * Chinese. Formatted from the string itself so no time zone can shift the day.
 */
export function formatCivilDate(date: string | null | undefined, language: Language): string {
  if (!date) return '—';
  const [year, month, day] = date.split('-');
  return language === 'zh-CN' ? `${year}年${Number(month)}月${Number(day)}日` : date;
}

type VocabularyPrefix = 'cases.channel' | 'cases.category' | 'cases.status' | 'cases.complexity' | 'cases.replyMethod' | 'cases.satisfaction' | 'cases.action' | 'cases.clock';

/** The label of a stored code; an unknown code (older data) shows as itself rather than a key. */
export function vocabularyLabel(t: Translate, prefix: VocabularyPrefix, value: string | null | undefined): string {
  if (!value) return '—';
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? t(key) : value;
}
