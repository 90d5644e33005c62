import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n-context.ts';
import { vocabularyLabel } from '../../lib/case-format.ts';
import { CaseBadges } from './case-badges.tsx';
import { ClockBadge, type ClockView } from './clock-badge.tsx';
import { StatusLabel } from './status-label.tsx';

export interface WaitingCase {
  id: string;
  caseNumber: string;
  status: string;
  category: string;
  peopleCount: number;
  skipLevel: boolean;
  flagged: boolean;
  clock: ClockView;
}

/** The home page's list of cases waiting on the unit, each with its running clock; works at 390 px (cards, no wide table). */
export function WaitingCases({ waiting }: { waiting: { total: number; rows: WaitingCase[]; href: string } }) {
  const { t } = useI18n();
  return (
    <>
      <h2>{t('home.todo.mine')}</h2>
      {waiting.rows.length === 0 ? (
        <p className="count">{t('home.todo.mineNone')}</p>
      ) : (
        <ul className="waiting-cases" data-testid="waiting-cases">
          {waiting.rows.map((row) => (
            <li
              key={row.id}
              data-case-number={row.caseNumber}
              className={row.clock.status === 'overdue' ? 'row-overdue' : undefined}
            >
              <Link to={`/cases/${row.id}`}>{row.caseNumber}</Link>
              <CaseBadges peopleCount={row.peopleCount} skipLevel={row.skipLevel} flagged={row.flagged} />
              <span>{vocabularyLabel(t, 'cases.category', row.category)}</span>
              <StatusLabel status={row.status} />
              <ClockBadge clock={row.clock} withDate />
            </li>
          ))}
        </ul>
      )}
      {waiting.total > waiting.rows.length && (
        <p>
          <Link to={waiting.href}>{t('home.todo.mineAll', { count: waiting.total })}</Link>
        </p>
      )}
    </>
  );
}
