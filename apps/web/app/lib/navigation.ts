import { caseDataRoles, type UserRole } from '@tally/db/roles';
import type { MessageKey } from '../i18n/index.ts';

export interface NavItem {
  to: string;
  labelKey: MessageKey;
}

/** Petition cases and their figures, for the roles that see case data (never security admin or auditor). */
const caseItems = (role: UserRole): NavItem[] =>
  (caseDataRoles as readonly UserRole[]).includes(role)
    ? [{ to: '/cases', labelKey: 'nav.cases' }, { to: '/cases/figures', labelKey: 'nav.casesFigures' }]
    : [];

/** What each role may open; the procedures enforce the same rules on their own. */
export function navigationFor(role: UserRole): NavItem[] {
  const home: NavItem = { to: '/', labelKey: 'nav.home' };
  const registers: NavItem = { to: '/registers', labelKey: 'nav.registers' };
  switch (role) {
    case 'county_admin':
      return [home, ...caseItems(role), registers, { to: '/units', labelKey: 'nav.units' }, { to: '/users', labelKey: 'nav.users' }];
    case 'security_admin':
      return [home, { to: '/users', labelKey: 'nav.users' }];
    case 'auditor':
      return [home, { to: '/audit', labelKey: 'nav.audit' }];
    default:
      // Township and village staff keep and read ledgers and cases.
      return [home, ...caseItems(role), registers];
  }
}
