import { caseDataRoles, type UserRole } from '@tally/db/roles';
import type { MessageKey } from '../i18n/index.ts';

export interface NavItem {
  to: string;
  labelKey: MessageKey;
}

/** Petition cases and their figures, for the roles that see case data (never security admin or auditor). */
const caseItems = (role: UserRole): NavItem[] =>
  (caseDataRoles as readonly UserRole[]).includes(role)
    ? [
        { to: '/cases', labelKey: 'nav.cases' },
        { to: '/cases/figures', labelKey: 'nav.casesFigures' },
      ]
    : [];

/** What each role may open; the procedures enforce the same rules on their own. */
export function navigationFor(role: UserRole): NavItem[] {
  const home: NavItem = { to: '/', labelKey: 'nav.home' };
  // Case-data roles: dispute figures and agreements in their scope; the calendar, editable by the county admin only.
  const disputes: NavItem[] = [
    { to: '/disputes/rates', labelKey: 'nav.disputeRates' },
    { to: '/mediation', labelKey: 'nav.mediation' },
    { to: '/calendar', labelKey: 'nav.calendar' },
  ];
  const registers: NavItem = { to: '/registers', labelKey: 'nav.registers' };
  const dashboard: NavItem = { to: '/dashboard', labelKey: 'nav.dashboard' };
  const assessment: NavItem = { to: '/assessment', labelKey: 'nav.assessment' };
  // Assessment inputs: the checking unit enters scores and events; every case-data role reads its own.
  const checks: NavItem = { to: '/checks/inspections', labelKey: 'nav.checks' };
  // Reports upward: every case-data role files its own or reviews those below.
  const reports: NavItem = { to: '/reports', labelKey: 'nav.reports' };
  switch (role) {
    case 'county_admin':
      return [
        home,
        dashboard,
        ...caseItems(role),
        registers,
        reports,
        assessment,
        checks,
        ...disputes,
        { to: '/units', labelKey: 'nav.units' },
        { to: '/users', labelKey: 'nav.users' },
      ];
    case 'county_staff':
    case 'township_staff':
    case 'village_staff':
      return [home, dashboard, ...caseItems(role), registers, reports, assessment, checks, ...disputes];
    case 'security_admin':
      return [home, { to: '/users', labelKey: 'nav.users' }];
    case 'auditor':
      return [home, { to: '/audit', labelKey: 'nav.audit' }];
  }
}
