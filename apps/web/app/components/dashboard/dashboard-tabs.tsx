import { NavLink } from 'react-router';
import { useI18n } from '../../lib/i18n-context.ts';

/** The dashboard's views, keeping the year and scope chosen (plain links: no JavaScript needed). */
export function DashboardTabs({ search }: { search: string }) {
  const { t } = useI18n();
  const tabs = [
    { to: '/dashboard', key: 'dashboard.tab.ranking' },
    { to: '/dashboard/trends', key: 'dashboard.tab.trends' },
    { to: '/dashboard/compare', key: 'dashboard.tab.compare' },
  ] as const;
  return (
    <nav className="dashboard-tabs" aria-label={t('dashboard.title')}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={`${tab.to}${search}`} end>
          {t(tab.key)}
        </NavLink>
      ))}
    </nav>
  );
}
