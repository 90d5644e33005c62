import { chineseCivilDate } from '@tally/casework';
import type { Language } from '../i18n/index.ts';

/**
 * A civil date ('YYYY-MM-DD', no zone) as the offices write it: 2026年3月5日 in Chinese,
 * unchanged in English; a missing date is a dash. Read from the string, never through
 * Date, so no time zone moves it.
 */
export function formatCivilDate(date: string | null | undefined, language: Language): string {
  if (!date) return '—';
  return language === 'zh-CN' ? chineseCivilDate(date) : date;
}

const ZH_WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const EN_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Short weekday name of a civil date (UTC arithmetic on the date itself). */
export function weekdayName(date: string, language: Language): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return language === 'zh-CN' ? `周${ZH_WEEKDAYS[day]}` : (EN_WEEKDAYS[day] ?? '');
}
