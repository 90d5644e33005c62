import { hash } from '@node-rs/argon2';
import type { Database, Transaction } from './client.ts';
import { defaultObligations } from '@tally/reporting';
import { counties, reportObligations, units, users } from './schema/index.ts';
import type { UnitLevel, UserRole } from './schema/roles.ts';

export interface UnitSpec {
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
}

export interface UserSpec {
  loginName: string;
  displayName: string;
  role: UserRole;
  unitCode: string;
  password: string;
}

export interface CountySpec {
  countyId: number;
  code: string;
  name: string;
  units: UnitSpec[];
  users: UserSpec[];
}

/**
 * Platform operator's provisioning: creates a county with its unit tree and
 * first users in one transaction. Runs on the owner connection (the only
 * cross-tenant writer), never on a request path.
 */
export async function provisionCounty(ownerDb: Database, spec: CountySpec): Promise<void> {
  const passwordHashes = await hashPasswords(spec);
  await ownerDb.transaction((tx) => provisionCountyIn(tx, spec, passwordHashes));
}

/** Argon2 is slow by design: hash before opening the transaction, all at once. */
export function hashPasswords(spec: CountySpec): Promise<string[]> {
  return Promise.all(spec.users.map((user) => hash(user.password)));
}

/** The provisioning inserts in a transaction the caller holds, so a demo seed can add its data in the same one. */
export async function provisionCountyIn(tx: Transaction, spec: CountySpec, passwordHashes: string[]): Promise<void> {
  await tx.insert(counties).values({ countyId: spec.countyId, code: spec.code, name: spec.name });
  // Parents before children: the parent_code foreign key is checked per row.
  const byDepth = [...spec.units].sort((a, b) => depth(a.level) - depth(b.level));
  for (let i = 0; i < byDepth.length; i += 500) {
    await tx.insert(units).values(byDepth.slice(i, i + 500).map((unit) => ({ ...unit, countyId: spec.countyId })));
  }
  if (spec.users.length > 0) {
    await tx.insert(users).values(
      spec.users.map((user, index) => ({
        countyId: spec.countyId,
        loginName: user.loginName,
        displayName: user.displayName,
        role: user.role,
        unitCode: user.unitCode,
        passwordHash: passwordHashes[index]!,
      })),
    );
  }
  await tx
    .insert(reportObligations)
    .values(defaultObligations().map((o) => ({ ...o, countyId: spec.countyId, year: FIRST_OBLIGATION_YEAR })));
}

/** The year a new county's default reporting obligations are written for (docs/domain.md §5: villages and townships file 月报). */
export const FIRST_OBLIGATION_YEAR = 2026;

function depth(level: UnitLevel): number {
  return level === 'county' ? 0 : level === 'township' ? 1 : 2;
}
