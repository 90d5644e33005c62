import type { RevisitStatus } from '@tally/casework';
import { formatCivilDate } from '../../lib/civil-date-format.ts';
import { useI18n } from '../../lib/i18n-context.ts';

export interface RevisitRow {
  id: string;
  unitCode: string;
  foundOn: string;
  disputeType: string;
  parties: string;
  masked: boolean;
  settledOn: string | null;
  revisitClass: number;
  dueOn: string;
  status: RevisitStatus;
  daysLeft: number;
}

/** Settled disputes still owed a revisit, most urgent first. */
export function RevisitTable({
  rows,
  total,
  unitNames,
}: {
  rows: RevisitRow[];
  total: number;
  unitNames: Map<string, string>;
}) {
  const { t, language } = useI18n();
  if (rows.length === 0) return <p>{t('disputes.revisits.empty')}</p>;
  const statusText = (row: RevisitRow) =>
    row.status === 'overdue'
      ? t('disputes.revisits.overdue', { days: -row.daysLeft })
      : row.daysLeft === 0
        ? t('disputes.revisits.dueToday')
        : t('disputes.revisits.dueSoon', { days: row.daysLeft });
  return (
    <>
      {total > rows.length && <p className="count">{t('disputes.revisits.more', { total, shown: rows.length })}</p>}
      <table className="data-table" data-testid="revisits">
        <thead>
          <tr>
            <th>{t('disputes.field.unit')}</th>
            <th>{t('disputes.field.foundOn')}</th>
            <th>{t('disputes.field.type')}</th>
            <th>{t('disputes.field.parties')}</th>
            <th>{t('disputes.revisits.settledOn')}</th>
            <th>{t('disputes.revisits.class')}</th>
            <th>{t('disputes.revisits.dueOn')}</th>
            <th>{t('disputes.revisits.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-status={row.status}>
              <td>{unitNames.get(row.unitCode) ?? row.unitCode}</td>
              <td>{formatCivilDate(row.foundOn, language)}</td>
              <td>{t(`disputes.type.${row.disputeType}` as Parameters<typeof t>[0])}</td>
              <td>
                {row.parties}
                {row.masked && <span className="count">{t('disputes.masked')}</span>}
              </td>
              <td>{row.settledOn ? formatCivilDate(row.settledOn, language) : '—'}</td>
              <td>{t('disputes.revisits.classValue', { class: row.revisitClass })}</td>
              <td>{formatCivilDate(row.dueOn, language)}</td>
              <td className={row.status === 'overdue' ? 'verdict verdict-misses' : 'verdict'}>{statusText(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
