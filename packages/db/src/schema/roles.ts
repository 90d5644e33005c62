/** The roles of docs/domain.md §1. `platform_operator` provisions counties and is not a tenant user. */
export const userRoles = [
  'county_admin',
  'county_staff',
  'township_staff',
  'village_staff',
  'security_admin',
  'auditor',
] as const;
export type UserRole = (typeof userRoles)[number];

export const unitLevels = ['county', 'township', 'village'] as const;
export type UnitLevel = (typeof unitLevels)[number];

/** Which unit level each role must sit at. */
export const roleLevel: Record<UserRole, UnitLevel> = {
  county_admin: 'county',
  county_staff: 'county',
  township_staff: 'township',
  village_staff: 'village',
  security_admin: 'county',
  auditor: 'county',
};

/** Roles that keep case and ledger data; security_admin and auditor never see it (docs/domain.md §1). */
export const caseDataRoles = ['county_admin', 'county_staff', 'township_staff', 'village_staff'] as const;

/**
 * Who may do what to an account holding a role (docs/security.md "Who may grant
 * which role"). The database enforces the same table in users_may() (migration
 * 0016); the role-grant tests check both cell by cell. Roles absent from a list
 * have no account powers at all; the platform operator provisions outside it.
 */
export type AccountAction = 'grant' | 'disable' | 'resetPassword';
const accountPowers: Record<AccountAction, Partial<Record<UserRole, readonly UserRole[]>>> = {
  // Granting covers creating an account with the role, giving it to an account, and moving its holder to another unit.
  grant: { county_admin: caseDataRoles, security_admin: ['security_admin'] },
  disable: { county_admin: caseDataRoles, security_admin: userRoles },
  // Not county_admin or auditor for the security admin: a reset would hand it the account of a role it may not hold.
  resetPassword: {
    county_admin: caseDataRoles,
    security_admin: ['county_staff', 'township_staff', 'village_staff', 'security_admin'],
  },
};

/** May an actor with `actorRole` do `action` to an account holding `targetRole`? (One's own account is ruled on separately.) */
export function mayActOn(actorRole: UserRole, action: AccountAction, targetRole: UserRole): boolean {
  return accountPowers[action][actorRole]?.includes(targetRole) ?? false;
}

/** The roles an actor may grant, in display order: what the users screen offers. */
export function grantableRoles(actorRole: UserRole): UserRole[] {
  return userRoles.filter((role) => mayActOn(actorRole, 'grant', role));
}

/** Roles a county always keeps at least one active holder of (docs/domain.md §1). */
export const keptRoles: readonly UserRole[] = ['security_admin', 'auditor'];
