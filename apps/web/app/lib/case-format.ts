import { isMessageKey, type Translate } from '../i18n/index.ts';

type VocabularyPrefix =
  | 'cases.channel'
  | 'cases.category'
  | 'cases.status'
  | 'cases.complexity'
  | 'cases.replyMethod'
  | 'cases.satisfaction'
  | 'cases.action'
  | 'cases.clock';

/** The label of a stored code; an unknown code (older data) shows as itself rather than a key. */
export function vocabularyLabel(t: Translate, prefix: VocabularyPrefix, value: string | null | undefined): string {
  if (!value) return '—';
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? t(key) : value;
}
