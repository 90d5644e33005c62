import type { ReportingRates } from '@tally/reporting';
import { useI18n } from '../../lib/i18n-context.ts';

/** Expected, actual, on time and the two rates, as table cells. */
export function RatesCells({ rates }: { rates: ReportingRates | null }) {
  if (!rates)
    return (
      <>
        <td>—</td>
        <td>—</td>
        <td>—</td>
        <td>—</td>
        <td>—</td>
      </>
    );
  return (
    <>
      <td>{rates.expected}</td>
      <td>{rates.actual}</td>
      <td>{rates.onTime}</td>
      <td>{rates.reportingRate.display}</td>
      <td>{rates.onTimeRate.display}</td>
    </>
  );
}

/** The headings of the cells above, in the same order. */
export function RatesHeadings() {
  const { t } = useI18n();
  return (
    <>
      <th scope="col">{t('reports.rates.expected')}</th>
      <th scope="col">{t('reports.rates.actual')}</th>
      <th scope="col">{t('reports.rates.onTime')}</th>
      <th scope="col">{t('reports.rates.reportingRate')}</th>
      <th scope="col">{t('reports.rates.onTimeRate')}</th>
    </>
  );
}
