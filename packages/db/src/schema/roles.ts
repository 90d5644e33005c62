/** The roles of DOMAIN.md §1. `platform_operator` provisions counties and is not a tenant user. */
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

/** Roles that keep case and ledger data; security_admin and auditor never see it (DOMAIN.md §1). */
export const caseDataRoles = ['county_admin', 'county_staff', 'township_staff', 'village_staff'] as const;
