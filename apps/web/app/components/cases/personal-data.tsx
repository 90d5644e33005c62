import { Form } from 'react-router';
import { useI18n } from '../../lib/i18n-context.ts';

export interface PersonalDataView {
  petitionerName: string;
  petitionerIdNumber: string | null;
  petitionerPhone: string | null;
  petitionerAddress: string | null;
}

/**
 * The petitioner's personal data (docs/domain.md §8): masked outside the handling unit, with a
 * reveal button that posts to the audited cases.reveal. A revealed copy lives only in
 * this response; reloading the page shows the masked form again.
 */
export function PersonalData({
  shown,
  masked,
  revealed,
}: {
  shown: PersonalDataView;
  masked: boolean;
  revealed: PersonalDataView | undefined;
}) {
  const { t } = useI18n();
  const data = revealed ?? shown;
  return (
    <section className="panel">
      <h2>
        {t('cases.detail.personal')}
        {masked && !revealed && <span className="badge badge-muted">{t('cases.badge.masked')}</span>}
      </h2>
      <dl className="facts">
        <dt>{t('cases.field.petitionerName')}</dt>
        <dd data-testid="petitioner-name">{data.petitionerName}</dd>
        <dt>{t('cases.field.petitionerIdNumber')}</dt>
        <dd>{data.petitionerIdNumber ?? '—'}</dd>
        <dt>{t('cases.field.petitionerPhone')}</dt>
        <dd>{data.petitionerPhone ?? '—'}</dd>
        <dt>{t('cases.field.petitionerAddress')}</dt>
        <dd>{data.petitionerAddress ?? '—'}</dd>
      </dl>
      {masked && !revealed && (
        <Form method="post">
          <input type="hidden" name="intent" value="reveal" />
          <button type="submit" className="secondary">
            {t('cases.detail.reveal')}
          </button>
        </Form>
      )}
    </section>
  );
}
