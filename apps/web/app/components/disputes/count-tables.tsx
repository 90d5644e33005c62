import type { DisputeFigures } from '@tally/casework';
import { useI18n } from '../../lib/i18n-context.ts';

/** Counts by severity, by the level that should handle them (§4), and by outcome. */
export function CountTables({ figures }: { figures: DisputeFigures }) {
  const { t } = useI18n();
  const groups = [
    {
      title: t('disputes.rates.bySeverity'),
      rows: (['minor', 'ordinary', 'major'] as const).map(
        (s) => [t(`disputes.severity.${s}`), figures.bySeverity[s]] as const,
      ),
    },
    {
      title: t('disputes.rates.byLevel'),
      rows: (['village', 'township', 'county'] as const).map(
        (l) => [t(`level.${l}`), figures.byHandlingLevel[l]] as const,
      ),
    },
    {
      title: t('disputes.rates.byOutcome'),
      rows: (['pending', 'settled', 'failed'] as const).map(
        (o) => [t(`disputes.outcome.${o}`), figures.byOutcome[o]] as const,
      ),
    },
  ];
  return (
    <div className="dispute-counts">
      {groups.map((group) => (
        <table key={group.title} className="data-table">
          <caption>{group.title}</caption>
          <tbody>
            {group.rows.map(([label, n]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
