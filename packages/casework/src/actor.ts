/** Who performs an action, and which roles may touch case data at all (docs/domain.md §1). */
import { isWithin } from './unit-code.ts';

export type Role = 'county_admin' | 'county_staff' | 'township_staff' | 'village_staff' | 'security_admin' | 'auditor';

/** security_admin manages users only and auditor reads the audit log only: neither handles cases. */
export const CASE_HANDLING_ROLES: readonly Role[] = ['county_admin', 'county_staff', 'township_staff', 'village_staff'];

export interface Actor {
  userId: string;
  /** 12-digit division code of the user's unit. */
  unitCode: string;
  role: Role;
}

export function canHandleCases(actor: Actor): boolean {
  return CASE_HANDLING_ROLES.includes(actor.role);
}

/** A user acts on their own unit and everything below it, never a sibling or another county. */
export function covers(actor: Actor, unitCode: string): boolean {
  return isWithin(unitCode, actor.unitCode);
}
