import { Form } from 'react-router';
import { useI18n } from '../../lib/i18n-context.ts';
import { formatCivilDate } from '../../lib/civil-date-format.ts';

export interface ResponsibilityView {
  leadLeader: string | null;
  responsibleUnit: string | null;
  responsiblePerson: string | null;
  supervisingUnit: string | null;
  supervisor: string | null;
  responsibilityDeadline: string | null;
  flagged: boolean;
}

const TEXT_FIELDS = [
  ['leadLeader', 'cases.six.leadLeader', 60],
  ['responsibleUnit', 'cases.six.responsibleUnit', 100],
  ['responsiblePerson', 'cases.six.responsiblePerson', 60],
  ['supervisingUnit', 'cases.six.supervisingUnit', 100],
  ['supervisor', 'cases.six.supervisor', 60],
] as const;

/** The 六定 fields and 挂牌督办: a form for the handling unit and above, read-only for others. */
export function ResponsibilityForm({
  value,
  version,
  editable,
}: {
  value: ResponsibilityView;
  version: number;
  editable: boolean;
}) {
  const { t, language } = useI18n();
  if (!editable) {
    return (
      <>
        <dl className="facts">
          {TEXT_FIELDS.map(([name, label]) => (
            <div key={name} className="fact-pair">
              <dt>{t(label)}</dt>
              <dd>{value[name] ?? '—'}</dd>
            </div>
          ))}
          <dt>{t('cases.six.deadline')}</dt>
          <dd>{formatCivilDate(value.responsibilityDeadline, language)}</dd>
          <dt>{t('cases.six.flagged')}</dt>
          <dd>{value.flagged ? '✓' : '—'}</dd>
        </dl>
        <p className="count">{t('cases.six.readOnly')}</p>
      </>
    );
  }
  return (
    <Form method="post" className="inline-form" aria-label={t('cases.six.title')}>
      <input type="hidden" name="intent" value="responsibility" />
      <input type="hidden" name="version" value={version} />
      {TEXT_FIELDS.map(([name, label, max]) => (
        <label key={name}>
          {t(label)}
          <input name={name} maxLength={max} defaultValue={value[name] ?? ''} />
        </label>
      ))}
      <label>
        {t('cases.six.deadline')}
        <input type="date" name="deadline" defaultValue={value.responsibilityDeadline ?? ''} />
      </label>
      <label className="check">
        <input type="checkbox" name="flagged" defaultChecked={value.flagged} />
        {t('cases.six.flagged')}
      </label>
      <button type="submit">{t('cases.six.save')}</button>
    </Form>
  );
}
