import { eq } from 'drizzle-orm';
import { schema, scopeOf, type Actor, type Database } from '@tally/db';
import { buildCountySpec } from '@tally/demo';
import { provisionCounty } from '@tally/db/provision';
import { levelOf } from '@tally/web/server/auth/sessions.ts';

/**
 * Two counties shaped alike: A (130534, id 1) and B (130535, id 2), each with
 * 2 townships × 2 villages and one user per role. County A's logins have
 * the prefix `a_`, B's `b_`.
 */
export const COUNTY_A = { countyId: 1, code: '130534', name: '甲县', loginPrefix: 'a_' };
export const COUNTY_B = { countyId: 2, code: '130535', name: '乙县', loginPrefix: 'b_' };

export async function provisionTwoCounties(owner: Database): Promise<void> {
  for (const county of [COUNTY_A, COUNTY_B]) {
    await provisionCounty(
      owner,
      buildCountySpec({ ...county, townships: 2, villagesPerTownship: 2, seed: county.countyId }),
    );
  }
}

/** The actor a signed-in user would be, read with the owner connection. */
export async function actorByLogin(owner: Database, loginName: string): Promise<Actor> {
  const [user] = await owner.select().from(schema.users).where(eq(schema.users.loginName, loginName));
  if (!user) throw new Error(`no user ${loginName}`);
  return {
    countyId: user.countyId,
    userId: user.id,
    role: user.role,
    unitCode: user.unitCode,
    loginName: user.loginName,
    scope: scopeOf(user.unitCode, levelOf(user.unitCode)),
  };
}
