import { isMessageKey, type Translate } from '../i18n/index.ts';

/** A refused input field's label in the reader's language: the request and case labels we have, else its name. */
export function fieldLabel(path: string, t: Translate): string {
  for (const key of [`request.field.${path}`, `cases.field.${path}`]) if (isMessageKey(key)) return t(key);
  return path;
}
