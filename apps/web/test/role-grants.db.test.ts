import { hash } from '@node-rs/argon2';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, scopeOf, type Actor, type UserRole } from '@tally/db';
import { createCaller } from '../app/.server/routers/root.ts';
import { levelOf } from '../app/.server/auth/sessions.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';
import {
  actorRoles,
  cell,
  changeRoleCell,
  createCells,
  disableCells,
  homeUnit,
  movedUnit,
  resetPasswordCells,
  targetRoles,
  type CellOutcome,
} from '../../../tests/setup/role-grant-expectations.ts';

/*
 * Every cell of the rule table (docs/security.md "Who may grant which role")
 * through the tRPC caller: actor role × action × target role, plus one's own
 * account and the county's last security admin and auditor.
 */
let database: TestDatabase;
let storedHash = '';
const now = new Date('2026-03-05T02:00:00Z');
const NEW_PASSWORD = 'Grid-pass-2026';
let serial = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  storedHash = await hash('Stored-pass-2026');
});
afterAll(async () => {
  await database?.drop();
});

/** A fresh account in county A, written as the platform operator would. */
async function account(
  role: UserRole,
  options: { disabled?: boolean; countyId?: number; unitCode?: string } = {},
): Promise<Actor> {
  const loginName = `grid_${++serial}`;
  const countyId = options.countyId ?? 1;
  const unitCode = options.unitCode ?? homeUnit[role];
  const [row] = await database.owner.db
    .insert(schema.users)
    .values({
      countyId,
      loginName,
      displayName: '格子用户',
      role,
      unitCode,
      passwordHash: storedHash,
      disabled: options.disabled ?? false,
    })
    .returning({ id: schema.users.id });
  return { countyId, userId: row!.id, role, unitCode, loginName, scope: scopeOf(unitCode, levelOf(unitCode)) };
}

async function stored(id: string) {
  const [row] = await database.owner.db.select().from(schema.users).where(eq(schema.users.id, id));
  return row!;
}

function callerFor(actor: Actor) {
  return createCaller({ db: database.app.db, actor, ip: '10.1.1.1', now });
}

async function outcome(work: Promise<unknown>): Promise<CellOutcome> {
  try {
    await work;
    return 'O';
  } catch (error) {
    const refusal = error as Error & { code?: string; messageKey?: string };
    if (refusal.name !== 'TRPCError') throw error;
    if (refusal.code === 'FORBIDDEN' && refusal.messageKey === 'error.forbidden') return 'F';
    if (refusal.code === 'FORBIDDEN' || refusal.code === 'BAD_REQUEST' || refusal.code === 'CONFLICT') return 'B';
    throw error;
  }
}

const seededActor: Record<UserRole, string> = {
  county_admin: 'a_admin',
  county_staff: 'a_staff',
  township_staff: 'a_zhen01',
  village_staff: 'a_cun0101',
  security_admin: 'a_secadmin',
  auditor: 'a_auditor',
};

describe.each(actorRoles)('as %s', (actorRole) => {
  let actor: Actor;
  beforeAll(async () => {
    actor = await actorByLogin(database.owner.db, seededActor[actorRole]);
  });

  it('creates exactly the roles the table allows', async () => {
    const mismatches: string[] = [];
    for (const role of targetRoles) {
      const loginName = `made_${++serial}`;
      const got = await outcome(
        callerFor(actor).users.create({
          loginName,
          displayName: '新用户',
          role,
          unitCode: homeUnit[role],
          password: NEW_PASSWORD,
        }),
      );
      const want = cell(createCells, actorRole, role);
      if (got !== want) mismatches.push(`create ${role}: expected ${want}, got ${got}`);
      const rows = await database.owner.db.select().from(schema.users).where(eq(schema.users.loginName, loginName));
      if (rows.length !== (got === 'O' ? 1 : 0)) mismatches.push(`create ${role}: ${rows.length} rows`);
    }
    expect(mismatches).toEqual([]);
  });

  it('changes role (and unit) exactly where it may grant both the old and the new role', async () => {
    const mismatches: string[] = [];
    for (const from of targetRoles) {
      for (const to of targetRoles) {
        const target = await account(from);
        const got = await outcome(
          callerFor(actor).users.update({ id: target.userId, role: to, unitCode: movedUnit[to] }),
        );
        const want = changeRoleCell(actorRole, from, to);
        if (got !== want) mismatches.push(`${from} → ${to}: expected ${want}, got ${got}`);
        const after = await stored(target.userId);
        const expected = got === 'O' ? { role: to, unitCode: movedUnit[to] } : { role: from, unitCode: homeUnit[from] };
        if (after.role !== expected.role || after.unitCode !== expected.unitCode)
          mismatches.push(`${from} → ${to}: stored ${after.role}@${after.unitCode}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('disables and enables exactly the accounts the table allows', async () => {
    const mismatches: string[] = [];
    for (const role of targetRoles) {
      const want = cell(disableCells, actorRole, role);
      const enabled = await account(role);
      const gotDisable = await outcome(callerFor(actor).users.setDisabled({ id: enabled.userId, disabled: true }));
      if (gotDisable !== want) mismatches.push(`disable ${role}: expected ${want}, got ${gotDisable}`);
      if ((await stored(enabled.userId)).disabled !== (gotDisable === 'O'))
        mismatches.push(`disable ${role}: stored state wrong`);
      const disabled = await account(role, { disabled: true });
      const gotEnable = await outcome(callerFor(actor).users.setDisabled({ id: disabled.userId, disabled: false }));
      if (gotEnable !== want) mismatches.push(`enable ${role}: expected ${want}, got ${gotEnable}`);
      if ((await stored(disabled.userId)).disabled !== (gotEnable !== 'O'))
        mismatches.push(`enable ${role}: stored state wrong`);
    }
    expect(mismatches).toEqual([]);
  });

  it('resets exactly the passwords the table allows', async () => {
    const mismatches: string[] = [];
    for (const role of targetRoles) {
      const target = await account(role);
      const got = await outcome(callerFor(actor).users.resetPassword({ id: target.userId, password: NEW_PASSWORD }));
      const want = cell(resetPasswordCells, actorRole, role);
      if (got !== want) mismatches.push(`reset ${role}: expected ${want}, got ${got}`);
      if (((await stored(target.userId)).passwordHash !== storedHash) !== (got === 'O'))
        mismatches.push(`reset ${role}: stored hash wrong`);
    }
    expect(mismatches).toEqual([]);
  });

  it('never changes its own role or unit, never disables itself; may reset its own password if it manages passwords at all', async () => {
    const self = await account(actorRole);
    const admin = actorRole === 'county_admin' || actorRole === 'security_admin';
    const own = callerFor(self).users;
    const otherRole: UserRole = actorRole === 'county_admin' ? 'county_staff' : 'security_admin';
    expect(await outcome(own.update({ id: self.userId, role: otherRole, unitCode: homeUnit[otherRole] }))).toBe(
      admin ? 'B' : 'F',
    );
    expect(await outcome(own.update({ id: self.userId, role: actorRole, unitCode: homeUnit[actorRole] }))).toBe(
      admin ? 'B' : 'F',
    );
    expect(await outcome(own.setDisabled({ id: self.userId, disabled: true }))).toBe(admin ? 'B' : 'F');
    expect(await stored(self.userId)).toMatchObject({
      role: actorRole,
      unitCode: homeUnit[actorRole],
      disabled: false,
    });
    expect(await outcome(own.resetPassword({ id: self.userId, password: NEW_PASSWORD }))).toBe(admin ? 'O' : 'F');
  });
});

describe('the rule refusals are audited', () => {
  it('a security admin trying to create a county admin leaves a denied row for the auditor', async () => {
    const secadmin = await actorByLogin(database.owner.db, 'a_secadmin');
    const denials = () =>
      database.owner.db
        .select()
        .from(schema.auditLog)
        .where(
          and(
            eq(schema.auditLog.action, 'users.create'),
            eq(schema.auditLog.actorLogin, 'a_secadmin'),
            eq(schema.auditLog.result, 'denied'),
          ),
        );
    const before = (await denials()).map((row) => row.id);
    await expect(
      callerFor(secadmin).users.create({
        loginName: 'sneaky_admin',
        displayName: '越权',
        role: 'county_admin',
        unitCode: '130534000000',
        password: NEW_PASSWORD,
      }),
    ).rejects.toMatchObject({ messageKey: 'error.user.roleNotGrantable' });
    const added = (await denials()).filter((row) => !before.includes(row.id));
    expect(added).toHaveLength(1);
    expect(added[0]!.detail).toMatchObject({ reason: 'role_not_grantable', role: 'county_admin' });
  });
});

describe('a county keeps its last active security admin and auditor (county B, untouched above)', () => {
  const activeCount = async (role: UserRole) =>
    (
      await database.owner.db
        .select()
        .from(schema.users)
        .where(and(eq(schema.users.countyId, 2), eq(schema.users.role, role), eq(schema.users.disabled, false)))
    ).length;

  it('the only auditor cannot be disabled; one of two can', async () => {
    const secadmin = await actorByLogin(database.owner.db, 'b_secadmin');
    const only = await actorByLogin(database.owner.db, 'b_auditor');
    await expect(callerFor(secadmin).users.setDisabled({ id: only.userId, disabled: true })).rejects.toMatchObject({
      messageKey: 'error.user.lastKeeper',
    });
    const second = await account('auditor', { countyId: 2, unitCode: '130535000000' });
    await callerFor(secadmin).users.setDisabled({ id: only.userId, disabled: true });
    await expect(callerFor(secadmin).users.setDisabled({ id: second.userId, disabled: true })).rejects.toMatchObject({
      messageKey: 'error.user.lastKeeper',
    });
    expect(await activeCount('auditor')).toBe(1);
  });

  it('two security admins disabling each other at once leave one of them', async () => {
    const first = await actorByLogin(database.owner.db, 'b_secadmin');
    const second = await account('security_admin', { countyId: 2, unitCode: '130535000000' });
    expect(await activeCount('security_admin')).toBe(2);
    const results = await Promise.allSettled([
      callerFor(first).users.setDisabled({ id: second.userId, disabled: true }),
      callerFor(second).users.setDisabled({ id: first.userId, disabled: true }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refusal = results.find((result) => result.status === 'rejected');
    expect(refusal?.status === 'rejected' && refusal.reason).toMatchObject({ messageKey: 'error.user.lastKeeper' });
    expect(await activeCount('security_admin')).toBe(1);
  });
});
