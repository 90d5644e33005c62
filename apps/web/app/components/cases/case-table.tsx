import { Link } from 'react-router';
import { formatDateTime } from '../../i18n/index.ts';
import { useI18n } from '../../lib/i18n-context.ts';
import { vocabularyLabel } from '../../lib/case-format.ts';
import { CaseBadges } from './case-badges.tsx';
import { ClockBadge, type ClockView } from './clock-badge.tsx';
import { StatusLabel } from './status-label.tsx';

export interface CaseRowView {
  id: string;
  caseNumber: string;
  receivedAt: string | Date;
  channel: string;
  category: string;
  status: string;
  unitCode: string;
  peopleCount: number;
  skipLevel?: boolean;
  flagged: boolean;
  /** Null when withheld from the actor's unit (§8). */
  summary: string | null;
  petitionerName: string;
  masked: boolean;
  clock: ClockView;
}

/** One page of cases; the petitioner column is already masked by the server where it must be. */
export function CaseTable({ rows, unitNames }: { rows: CaseRowView[]; unitNames: Record<string, string> }) {
  const { t, language } = useI18n();
  if (rows.length === 0) return <p>{t('cases.empty')}</p>;
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th>{t('cases.field.caseNumber')}</th>
          <th>{t('cases.field.receivedAt')}</th>
          <th>{t('cases.field.channel')}</th>
          <th>{t('cases.field.category')}</th>
          <th>{t('cases.field.summary')}</th>
          <th>{t('cases.field.petitioner')}</th>
          <th>{t('cases.field.unit')}</th>
          <th>{t('cases.field.status')}</th>
          <th>{t('cases.field.dueOn')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.id}
            className={
              row.clock.status === 'overdue' ? 'row-overdue' : row.status === 'refused' ? 'row-refused' : undefined
            }
          >
            <td>
              <Link to={`/cases/${row.id}`}>{row.caseNumber}</Link>
              <CaseBadges peopleCount={row.peopleCount} skipLevel={row.skipLevel} flagged={row.flagged} />
            </td>
            <td>{formatDateTime(row.receivedAt, language)}</td>
            <td>{vocabularyLabel(t, 'cases.channel', row.channel)}</td>
            <td>{vocabularyLabel(t, 'cases.category', row.category)}</td>
            <td className="summary-cell" title={row.summary ?? undefined}>
              {row.summary ?? t('registers.hiddenText')}
            </td>
            <td>{row.petitionerName}</td>
            <td>{unitNames[row.unitCode] ?? row.unitCode}</td>
            <td>
              <StatusLabel status={row.status} />
            </td>
            <td>
              {row.status === 'refused' ? (
                <span className="clock">{t('cases.clock.refused')}</span>
              ) : (
                <ClockBadge clock={row.clock} withDate />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
