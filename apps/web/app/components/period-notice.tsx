import { Notice } from '@tally/ui';
import { fieldLabel } from '../lib/field-label.ts';
import { formatCivilDate } from '../lib/civil-date-format.ts';
import { useI18n } from '../lib/i18n-context.ts';
import type { PeriodRefusal } from '../lib/period-params.ts';

/** Says, on the page, that a typed period was refused and which default period is shown instead. */
export function PeriodNotice({ refusal, from, to }: { refusal: PeriodRefusal | null; from: string; to: string }) {
  const { t, language } = useI18n();
  if (!refusal) return null;
  const field = fieldLabel(refusal.field, t);
  const reason = t(refusal.rule === 'date' ? 'error.input.date' : 'error.input.beforeFrom', { field });
  return (
    <div data-testid="period-refusal">
      <Notice kind="error">
        {t('period.fallback', { reason, from: formatCivilDate(from, language), to: formatCivilDate(to, language) })}
      </Notice>
    </div>
  );
}
