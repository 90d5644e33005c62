import { isMessageKey, type Translate } from '../i18n/index.ts';
import { registerDefs } from '@tally/db/registers';

/**
 * Names for the codes of an audit row. An action is named by its own key, else by its area
 * (the part before the first dot) with the code after it, else shown as the code. A register
 * key as object type is named by the register (`disputes` → 矛盾纠纷排查调处台账).
 */
export function actionLabel(t: Translate, action: string): string {
  const own = `audit.action.${action}`;
  if (isMessageKey(own)) return t(own);
  const area = `audit.area.${action.split(/[.:]/)[0]}`;
  return isMessageKey(area) ? `${t(area)} · ${action}` : action;
}

export function objectTypeLabel(t: Translate, objectType: string, english: boolean): string {
  const key = `audit.object.${objectType}`;
  if (isMessageKey(key)) return t(key);
  const register = (registerDefs as Record<string, { label: string; labelEn: string } | undefined>)[objectType];
  return register ? (english ? register.labelEn : register.label) : objectType;
}

export function roleLabel(t: Translate, role: string): string {
  const key = `role.${role}`;
  return isMessageKey(key) ? t(key) : role;
}
