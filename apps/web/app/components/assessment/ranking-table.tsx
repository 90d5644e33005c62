import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n-context.ts';

export interface RankingRow {
  unitCode: string;
  unitName: string;
  rank: number;
  final: string;
  vetoed: boolean;
  base?: string;
  bonus?: string;
  deductions?: string;
  /** Link to the unit's breakdown, when the reader may open it. */
  href?: string | null;
  /** While a period runs: weights assessed so far and quotas at risk. */
  note?: string;
}

/** A league table: ties share a rank, vetoed units last and marked; scores as text and as a bar. */
export function RankingTable({ rows, caption }: { rows: RankingRow[]; caption: string }) {
  const { t } = useI18n();
  const withParts = rows.some((row) => row.base !== undefined);
  const withNotes = rows.some((row) => row.note);
  const top = Math.max(1, ...rows.map((row) => Number(row.final)));
  return (
    <div className="table-scroll">
      <table className="ranking-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assessment.rank')}</th>
            <th scope="col">{t('assessment.unit')}</th>
            {withParts ? (
              <>
                <th scope="col">{t('assessment.base')}</th>
                <th scope="col">{t('assessment.bonus')}</th>
                <th scope="col">{t('assessment.deductions')}</th>
              </>
            ) : null}
            <th scope="col">{t('assessment.final')}</th>
            {withNotes ? <th scope="col">{t('assessment.live.atRisk')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.unitCode} className={row.vetoed ? 'vetoed' : undefined} data-unit={row.unitCode}>
              <td>{row.rank}</td>
              <td>
                {row.href ? <Link to={row.href}>{row.unitName}</Link> : row.unitName}
                {row.vetoed ? <span className="badge badge-danger">{t('assessment.vetoed')}</span> : null}
              </td>
              {withParts ? (
                <>
                  <td>{row.base}</td>
                  <td>{row.bonus}</td>
                  <td>{row.deductions === '0' ? '0' : `-${row.deductions}`}</td>
                </>
              ) : null}
              <td className="score-cell">
                <span
                  className="score-bar"
                  style={{ width: `${Math.max(0, (Number(row.final) / top) * 100)}%` }}
                  aria-hidden="true"
                />
                <span className="score-value">{row.final}</span>
              </td>
              {withNotes ? <td className="note">{row.note}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
