import { NavLink } from 'react-router';
import { useI18n } from '../../lib/i18n-context.ts';

/** The two registers of the checking unit, one link each (plain links: they work without JavaScript). */
export function ChecksTabs({ year }: { year: number }) {
  const { t } = useI18n();
  return (
    <nav className="checks-tabs" aria-label={t('nav.checks')}>
      <NavLink to={`/checks/inspections?year=${year}`} end>
        {t('checks.tab.inspections')}
      </NavLink>
      <NavLink to={`/checks/events?year=${year}`} end>
        {t('checks.tab.events')}
      </NavLink>
    </nav>
  );
}
