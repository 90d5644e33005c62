import { unitLevelOf } from '@tally/casework';
import { formatDateTime } from '../../i18n/index.ts';
import { useI18n } from '../../lib/i18n-context.ts';
import { formatScore } from '../../lib/score-format.ts';

export interface ScoreVersion {
  version: number;
  score: string;
  reason: string | null;
  enteredByUnit: string;
  createdByName: string;
  createdAt: Date | string;
}

/**
 * Every version of one cell, newest first. The checking unit is named by its level: the unit
 * scored may not read the name of the unit above it, and the level is what it needs to know.
 */
export function ScoreHistory({ versions }: { versions: ScoreVersion[] }) {
  const { t, language } = useI18n();
  if (versions.length === 0) return <p className="empty">{t('checks.cell.noHistory')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('checks.cell.versionCol')}</th>
            <th scope="col">{t('checks.score')}</th>
            <th scope="col">{t('checks.cell.reason')}</th>
            <th scope="col">{t('checks.cell.enteredByUnit')}</th>
            <th scope="col">{t('checks.cell.enteredBy')}</th>
            <th scope="col">{t('checks.cell.enteredAt')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((row) => {
            const level = unitLevelOf(row.enteredByUnit);
            return (
              <tr key={row.version}>
                <td>{row.version}</td>
                <td>{formatScore(row.score)}</td>
                <td>{row.reason ?? t('checks.none')}</td>
                <td>{level ? t(`level.${level}`) : row.enteredByUnit}</td>
                <td>{row.createdByName}</td>
                <td>{formatDateTime(row.createdAt, language)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
