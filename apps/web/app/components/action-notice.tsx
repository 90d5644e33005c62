import { Notice } from '@tally/ui';
import type { ActionResult } from '../.server/action-result.ts';
import { fieldLabel } from '../lib/field-label.ts';
import { useI18n } from '../lib/i18n-context.ts';

export function ActionNotice({ result }: { result: ActionResult | undefined }) {
  const { t } = useI18n();
  if (!result) return null;
  const params = result.params ? translateParams(result.params, t) : undefined;
  return <Notice kind={result.ok ? 'success' : 'error'}>{t(result.messageKey, params)}</Notice>;
}

/** Role and level names inside messages are shown in the user's language too. */
function translateParams(params: Record<string, string | number>, t: ReturnType<typeof useI18n>['t']) {
  const out: Record<string, string | number> = { ...params };
  if (typeof params.role === 'string') out.role = t(`role.${params.role}` as Parameters<typeof t>[0]);
  if (typeof params.level === 'string') out.level = t(`level.${params.level}` as Parameters<typeof t>[0]);
  // A refused input names its field by path; the reader sees its label.
  if (typeof params.field === 'string') out.field = fieldLabel(params.field, t);
  return out;
}
