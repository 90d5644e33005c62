import type { RateLine } from '@tally/casework';
import { useI18n } from '../../lib/i18n-context.ts';

type Indicator = 'participation' | 'success' | 'satisfaction';

/** The three §4 indicators against their targets; "met" is decided on the exact fraction, not the display. */
export function RateTable({ lines }: { lines: Record<Indicator, RateLine> }) {
  const { t } = useI18n();
  const indicators: Indicator[] = ['participation', 'success', 'satisfaction'];
  return (
    <table className="data-table rate-table" data-testid="dispute-rates">
      <thead>
        <tr>
          <th>{t('disputes.rates.indicator')}</th>
          <th>{t('disputes.rates.counts')}</th>
          <th>{t('disputes.rates.rate')}</th>
          <th>{t('disputes.rates.target')}</th>
          <th>{t('disputes.rates.status')}</th>
        </tr>
      </thead>
      <tbody>
        {indicators.map((name) => {
          const line = lines[name];
          const verdict = line.meets === null ? 'none' : line.meets ? 'meets' : 'misses';
          return (
            <tr key={name} data-indicator={name} data-verdict={verdict}>
              <td>{t(`disputes.rates.${name}`)}</td>
              <td>
                {line.rate.numerator} / {line.rate.denominator}
              </td>
              <td>
                <strong>{line.rate.display}</strong>
              </td>
              <td>≥ {line.targetPercent}%</td>
              <td className={`verdict verdict-${verdict}`}>
                {verdict === 'none'
                  ? t('disputes.rates.noData')
                  : verdict === 'meets'
                    ? t('disputes.rates.meets')
                    : t('disputes.rates.misses')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
