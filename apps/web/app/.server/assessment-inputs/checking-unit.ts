import { and, eq } from 'drizzle-orm';
import { unitLevelOf } from '@tally/casework';
import { schema, type Actor, type Transaction, type UserRole } from '@tally/db';
import { UserFacingError, notFound } from '../errors.ts';

/**
 * Roles that enter inspection scores and checking events: the county office for its
 * townships, a township office for its villages. A village has no unit below it to check.
 */
export const checkingRoles = ['county_admin', 'county_staff', 'township_staff'] as const satisfies readonly UserRole[];

export interface ScopedUnit {
  code: string;
  name: string;
  level: 'county' | 'township' | 'village';
  parentCode: string | null;
}

/**
 * A unit in the actor's scope (own unit and below). Anything else — another county, a
 * sibling, a malformed code, a code nobody uses — is "not found", so probing reveals nothing.
 */
export async function unitInScope(tx: Transaction, actor: Actor, code: string): Promise<ScopedUnit> {
  if (!unitLevelOf(code) || !code.startsWith(actor.scope)) throw notFound();
  const [unit] = await tx
    .select({
      code: schema.units.code,
      name: schema.units.name,
      level: schema.units.level,
      parentCode: schema.units.parentCode,
    })
    .from(schema.units)
    .where(and(eq(schema.units.countyId, actor.countyId), eq(schema.units.code, code)));
  if (!unit) throw notFound();
  return unit;
}

/** Whether the actor's unit is the checking unit of `unit`: its direct parent, and the role checks. */
export function checks(actor: Actor, unit: Pick<ScopedUnit, 'parentCode'>): boolean {
  return (checkingRoles as readonly UserRole[]).includes(actor.role) && unit.parentCode === actor.unitCode;
}

/**
 * The unit the actor is about to score or record an event about. Scores and events are
 * "entered by the checking unit" (docs/assessment.md), read here as the unit directly above: the county
 * checks townships, a township checks its villages. So the county does not score a village
 * (that is its township's check), and nobody scores their own unit (RLS refuses that too;
 * this says why first).
 */
export async function unitCheckedBy(tx: Transaction, actor: Actor, code: string): Promise<ScopedUnit> {
  const unit = await unitInScope(tx, actor, code);
  if (unit.code === actor.unitCode) throw new UserFacingError('FORBIDDEN', 'checks.error.ownUnit');
  if (!checks(actor, unit)) throw new UserFacingError('FORBIDDEN', 'checks.error.notDirectlyBelow');
  return unit;
}
