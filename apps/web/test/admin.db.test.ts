import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@tally/db';
import { signIn } from '../app/.server/auth/sessions.ts';
import { createCaller } from '../app/.server/routers/root.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

let database: TestDatabase;
let admin: ReturnType<typeof createCaller>;
const now = new Date('2026-03-05T02:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  admin = createCaller({
    db: database.app.db,
    actor: await actorByLogin(database.owner.db, 'a_admin'),
    ip: '127.0.0.1',
    now,
  });
});
afterAll(async () => {
  await database?.drop();
});

describe('units', () => {
  it('creates a village under a township with a fitting code, audited', async () => {
    expect(await admin.units.create({ parentCode: '130534100000', code: '130534100210', name: '新建村' })).toEqual({
      code: '130534100210',
      name: '新建村',
      level: 'village',
    });
    const audit = await database.owner.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'units.create'));
    expect(audit[0]).toMatchObject({ objectId: '130534100210', result: 'ok', actorLogin: 'a_admin', ip: '127.0.0.1' });
  });

  it.each([
    ['130534100', 'error.unit.codeFormat'],
    ['130534101211', 'error.unit.codeNotUnderParent'],
    ['130534100000', 'error.unit.codeLevel'],
    ['130534100201', 'error.unit.codeTaken'],
  ])('refuses code %s with %s', async (code, messageKey) => {
    await expect(admin.units.create({ parentCode: '130534100000', code, name: '村' })).rejects.toMatchObject({
      messageKey,
    });
  });

  it('refuses a township code that is really a village code', async () => {
    await expect(
      admin.units.create({ parentCode: '130534000000', code: '130534102201', name: '乡' }),
    ).rejects.toMatchObject({ messageKey: 'error.unit.codeLevel' });
  });

  it('will not deactivate a township with active villages, then will once they are deactivated', async () => {
    await expect(admin.units.setActive({ code: '130534101000', active: false })).rejects.toMatchObject({
      messageKey: 'error.unit.hasActiveChildren',
    });
    await admin.units.setActive({ code: '130534101201', active: false });
    await admin.units.setActive({ code: '130534101202', active: false });
    await admin.units.setActive({ code: '130534101000', active: false });
    await expect(
      admin.units.create({ parentCode: '130534101000', code: '130534101230', name: '村' }),
    ).rejects.toMatchObject({ messageKey: 'error.unit.parentInactive' });
    await expect(admin.units.setActive({ code: '130534101201', active: true })).rejects.toMatchObject({
      messageKey: 'error.unit.parentInactive',
    });
  });
});

describe('users', () => {
  it('creates a user who can sign in', async () => {
    const created = await admin.users.create({
      loginName: 'new_clerk',
      displayName: '新文书',
      role: 'village_staff',
      unitCode: '130534100202',
      password: 'Clerk-2026',
    });
    expect(created.loginName).toBe('new_clerk');
    const result = await signIn(database.app.db, { loginName: 'new_clerk', password: 'Clerk-2026', ip: null, now });
    expect(result.ok).toBe(true);
  });

  it('keeps login names unique across counties without naming the other county', async () => {
    await expect(
      admin.users.create({
        loginName: 'b_admin',
        displayName: '重名',
        role: 'county_staff',
        unitCode: '130534000000',
        password: 'Clerk-2026',
      }),
    ).rejects.toMatchObject({ messageKey: 'error.user.loginNameTaken', params: { loginName: 'b_admin' } });
    const rows = await database.owner.db.select().from(schema.users).where(eq(schema.users.loginName, 'b_admin'));
    expect(rows).toHaveLength(1);
  });

  it.each([
    ['short', 'error.password.tooShort'],
    ['alllowercase1', 'error.password.classes'],
  ])('refuses password %s', async (password, messageKey) => {
    await expect(
      admin.users.create({
        loginName: 'pw_case',
        displayName: '密码',
        role: 'county_staff',
        unitCode: '130534000000',
        password,
      }),
    ).rejects.toMatchObject({ messageKey });
  });

  it('refuses a role at the wrong level of unit', async () => {
    await expect(
      admin.users.create({
        loginName: 'wrong_level',
        displayName: '错级',
        role: 'village_staff',
        unitCode: '130534100000',
        password: 'Clerk-2026',
      }),
    ).rejects.toMatchObject({
      messageKey: 'error.user.roleLevel',
      params: { role: 'village_staff', level: 'village' },
    });
  });

  it('resets a password: the old one stops working, the lockout clears, sessions end', async () => {
    // a_cun0102: a village still active (the units test above deactivated 130534101201 and its users cannot sign in).
    const target = await actorByLogin(database.owner.db, 'a_cun0102');
    await admin.users.resetPassword({ id: target.userId, password: 'Fresh-pass9' });
    expect((await signIn(database.app.db, { loginName: 'a_cun0102', password: 'Tally@2026', ip: null, now })).ok).toBe(
      false,
    );
    expect((await signIn(database.app.db, { loginName: 'a_cun0102', password: 'Fresh-pass9', ip: null, now })).ok).toBe(
      true,
    );
  });

  it('refuses a password containing the login name, or a common one, when creating or resetting', async () => {
    await expect(
      admin.users.create({
        loginName: 'wang_fang',
        displayName: '王芳',
        role: 'county_staff',
        unitCode: '130534000000',
        password: 'Wang_Fang-2026',
      }),
    ).rejects.toMatchObject({ messageKey: 'error.password.containsLoginName' });
    const target = await actorByLogin(database.owner.db, 'a_cun0101');
    await expect(admin.users.resetPassword({ id: target.userId, password: 'P@ssw0rd1' })).rejects.toMatchObject({
      messageKey: 'error.password.common',
    });
    await expect(admin.users.resetPassword({ id: target.userId, password: 'A_cun0101!x' })).rejects.toMatchObject({
      messageKey: 'error.password.containsLoginName',
    });
  });

  it('an admin cannot disable their own account', async () => {
    const self = await actorByLogin(database.owner.db, 'a_admin');
    await expect(admin.users.setDisabled({ id: self.userId, disabled: true })).rejects.toMatchObject({
      messageKey: 'error.user.self',
    });
  });

  it('the auditor reads the county audit log, newest first, in pages', async () => {
    const auditor = createCaller({
      db: database.app.db,
      actor: await actorByLogin(database.owner.db, 'a_auditor'),
      ip: null,
      now,
    });
    const page = await auditor.audit.list({});
    expect(page.rows.length).toBeGreaterThan(5);
    const times = page.rows.map((row) => row.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(page.rows.every((row) => row.countyId === 1)).toBe(true);
  });
});
