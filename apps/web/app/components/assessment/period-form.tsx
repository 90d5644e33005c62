import { Form } from 'react-router';
import { assessmentPeriods } from '@tally/db/assessment';
import { useI18n } from '../../lib/i18n-context.ts';

export interface ScopeOption {
  code: string;
  label: string;
}

/** Year, period and ranking scope as a GET form: a chosen view can be bookmarked and printed. */
export function PeriodForm({
  year,
  period,
  scopeCode,
  scopes,
  action,
}: {
  year: number;
  period: string;
  scopeCode: string;
  scopes: ScopeOption[];
  action?: string;
}) {
  const { t } = useI18n();
  return (
    <Form method="get" className="inline-form" action={action}>
      <label>
        {t('assessment.year')}
        <input type="number" name="year" min={2000} max={2100} defaultValue={year} required />
      </label>
      <label>
        {t('assessment.period')}
        <select name="period" defaultValue={period}>
          {assessmentPeriods.map((p) => (
            <option key={p} value={p}>
              {t(`assessment.period.${p}`)}
            </option>
          ))}
        </select>
      </label>
      {scopes.length > 1 ? (
        <label>
          {t('assessment.scope')}
          <select name="scope" defaultValue={scopeCode}>
            {scopes.map((s) => (
              <option key={s.code} value={s.code}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <input type="hidden" name="scope" value={scopeCode} />
      )}
      <button type="submit">{t('assessment.show')}</button>
    </Form>
  );
}
