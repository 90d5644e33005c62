import { en } from './en.ts';
import { zhCN, type MessageKey } from './zh-CN.ts';

export type { MessageKey };
export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh-CN';

const catalogs: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const catalog = catalogs[language];
  return (key, params) => {
    const template = catalog[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

export function isMessageKey(value: string): value is MessageKey {
  return value in zhCN;
}

/** Language from the `lang` cookie; Chinese unless English was chosen. */
export function languageFromCookie(cookieHeader: string | null): Language {
  const match = /(?:^|;\s*)lang=([^;]+)/.exec(cookieHeader ?? '');
  return match?.[1] === 'en' ? 'en' : defaultLanguage;
}

/** Made once: building an Intl.DateTimeFormat costs more than formatting with it (a page formats many dates). */
const shanghaiDateTime = new Intl.DateTimeFormat('en-CA', {
  // hourCycle h23, not hour12: false: the latter writes midnight as 24:00 in some locales.
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** 2024年3月5日 in Chinese, ISO-like in English; always in Asia/Shanghai. */
export function formatDateTime(value: Date | string, language: Language): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  const parts = shanghaiDateTime.formatToParts(date);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return language === 'zh-CN'
    ? `${get('year')}年${Number(get('month'))}月${Number(get('day'))}日 ${get('hour')}:${get('minute')}`
    : `${get('year')}-${get('month').padStart(2, '0')}-${get('day').padStart(2, '0')} ${get('hour')}:${get('minute')}`;
}
