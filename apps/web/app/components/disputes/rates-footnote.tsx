import { useI18n } from '../../lib/i18n-context.ts';

/** The rate definitions in words, the same as the comment on disputeFigures in @tally/casework. */
export function RatesFootnote({ revisitDueSoonDays }: { revisitDueSoonDays: number }) {
  const { t } = useI18n();
  return (
    <aside className="footnote" aria-labelledby="rates-footnote">
      <h2 id="rates-footnote">{t('disputes.rates.footnote.title')}</h2>
      <ol>
        <li>{t('disputes.rates.footnote.participation')}</li>
        <li>{t('disputes.rates.footnote.success')}</li>
        <li>{t('disputes.rates.footnote.satisfaction')}</li>
        <li>{t('disputes.rates.footnote.target')}</li>
        <li>{t('disputes.rates.footnote.level')}</li>
        <li>{t('disputes.rates.footnote.revisit', { days: revisitDueSoonDays })}</li>
      </ol>
    </aside>
  );
}
