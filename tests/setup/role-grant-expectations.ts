import type { UserRole } from '@tally/db';

/*
 * The rule table of docs/security.md "Who may grant which role", written out
 * by hand for the tests (deliberately not imported from the code under test).
 * Each string lists the outcome per target role in `targetRoles` order:
 *   O allowed, B refused by the rule (the actor may call the procedure), F the
 *   actor's role may not call the procedure at all.
 */
export const actorRoles: UserRole[] = [
  'county_admin',
  'county_staff',
  'township_staff',
  'village_staff',
  'security_admin',
  'auditor',
];
export const targetRoles: UserRole[] = [
  'county_admin',
  'county_staff',
  'township_staff',
  'village_staff',
  'security_admin',
  'auditor',
];

export type CellOutcome = 'O' | 'B' | 'F';
type Row = Record<UserRole, string>;
const none = 'FFFFFF';

/** Create an account with the target role (= grant that role). */
export const createCells: Row = {
  county_admin: 'OOOOBB',
  security_admin: 'BBBBOB',
  county_staff: none,
  township_staff: none,
  village_staff: none,
  auditor: none,
};

/** Disable, and enable, an account holding the target role (never one's own; never the county's last active security admin or auditor). */
export const disableCells: Row = {
  county_admin: 'OOOOBB',
  security_admin: 'OOOOOO',
  county_staff: none,
  township_staff: none,
  village_staff: none,
  auditor: none,
};

/** Reset the password of an account holding the target role. */
export const resetPasswordCells: Row = {
  county_admin: 'OOOOBB',
  security_admin: 'BOOOOB',
  county_staff: none,
  township_staff: none,
  village_staff: none,
  auditor: none,
};

/** Change an account from role `from` to role `to` (or move it to another unit): the actor must be able to grant both. */
export function changeRoleCell(actor: UserRole, from: UserRole, to: UserRole): CellOutcome {
  const grant = createCells[actor];
  if (grant === none) return 'F';
  return grant[targetRoles.indexOf(from)] === 'O' && grant[targetRoles.indexOf(to)] === 'O' ? 'O' : 'B';
}

export function cell(row: Row, actor: UserRole, target: UserRole): CellOutcome {
  return row[actor][targetRoles.indexOf(target)] as CellOutcome;
}

/** Where an account of each role sits in county A, and where a role change moves it. */
export const homeUnit: Record<UserRole, string> = {
  county_admin: '130534000000',
  county_staff: '130534000000',
  security_admin: '130534000000',
  auditor: '130534000000',
  township_staff: '130534100000',
  village_staff: '130534100201',
};
export const movedUnit: Record<UserRole, string> = {
  county_admin: '130534000000',
  county_staff: '130534000000',
  security_admin: '130534000000',
  auditor: '130534000000',
  township_staff: '130534101000',
  village_staff: '130534100202',
};
