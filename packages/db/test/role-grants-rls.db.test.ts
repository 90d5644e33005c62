import { hash } from '@node-rs/argon2';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transaction } from '../src/client.ts';
import { users } from '../src/schema/index.ts';
import type { UserRole } from '../src/schema/roles.ts';
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
} from '../../../tests/setup/role-grant-expectations.ts';

/*
 * The rule table of docs/security.md "Who may grant which role" once more, with
 * no API in front: plain SQL as the app role under each actor's request context.
 * The database cannot tell "refused by the rule" from "role may not call the
 * procedure", so both mean: the row is unchanged.
 */
let database: TestDatabase;
let storedHash = '';
let otherHash = '';
let serial = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  [storedHash, otherHash] = await Promise.all([hash('Stored-pass-2026'), hash('Other-pass-2026')]);
});
afterAll(async () => {
  await database?.drop();
});

type Context = Record<
  'app.county_id' | 'app.scope' | 'app.user_id' | 'app.role' | 'app.login_name' | 'app.session_id',
  string
>;

function contextOf(actor: { countyId: number; scope: string; userId: string; role: UserRole }): Context {
  return {
    'app.county_id': String(actor.countyId),
    'app.scope': actor.scope,
    'app.user_id': actor.userId,
    'app.role': actor.role,
    'app.login_name': '',
    'app.session_id': '',
  };
}

function inContext<T>(context: Context, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return database.app.db.transaction(async (tx) => {
    for (const [name, value] of Object.entries(context))
      await tx.execute(sql`select set_config(${name}, ${value}, true)`);
    return fn(tx);
  });
}

/** Run a statement; a refusal (an error) is as good as a statement that matched no row. */
async function attempt(context: Context, statement: ReturnType<typeof sql>): Promise<void> {
  try {
    await inContext(context, (tx) => tx.execute(statement));
  } catch {
    // refused: the stored row tells
  }
}

async function account(role: UserRole, options: { countyId?: number; unitCode?: string; disabled?: boolean } = {}) {
  const loginName = `rls_${++serial}`;
  const [row] = await database.owner.db
    .insert(users)
    .values({
      countyId: options.countyId ?? 1,
      loginName,
      displayName: 'x',
      role,
      unitCode: options.unitCode ?? homeUnit[role],
      passwordHash: storedHash,
      disabled: options.disabled ?? false,
    })
    .returning();
  return row!;
}

async function stored(id: string) {
  const [row] = await database.owner.db.select().from(users).where(eq(users.id, id));
  return row!;
}

const seededActor: Record<UserRole, string> = {
  county_admin: 'a_admin',
  county_staff: 'a_staff',
  township_staff: 'a_zhen01',
  village_staff: 'a_cun0101',
  security_admin: 'a_secadmin',
  auditor: 'a_auditor',
};

describe.each(actorRoles)('as the app role in the context of a %s', (actorRole) => {
  let context: Context;
  beforeAll(async () => {
    context = contextOf(await actorByLogin(database.owner.db, seededActor[actorRole]));
  });

  it('inserts only accounts of roles it may grant', async () => {
    const mismatches: string[] = [];
    for (const role of targetRoles) {
      const loginName = `ins_${++serial}`;
      await attempt(
        context,
        sql`insert into users (county_id, login_name, display_name, role, unit_code, password_hash) values (1, ${loginName}, 'x', ${role}, ${homeUnit[role]}, 'x')`,
      );
      const made = (await database.owner.db.select().from(users).where(eq(users.loginName, loginName))).length === 1;
      if (made !== (cell(createCells, actorRole, role) === 'O'))
        mismatches.push(`insert ${role}: ${made ? 'made' : 'refused'}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('changes a role (and unit) only where it may grant both', async () => {
    const mismatches: string[] = [];
    for (const from of targetRoles) {
      for (const to of targetRoles) {
        const target = await account(from);
        await attempt(
          context,
          sql`update users set role = ${to}, unit_code = ${movedUnit[to]} where id = ${target.id}`,
        );
        const after = await stored(target.id);
        const changed = after.role !== from || after.unitCode !== homeUnit[from];
        // A county-level role kept at the county unit is no change at all: only a refusal can be seen there.
        const visible = from !== to || homeUnit[from] !== movedUnit[to];
        const allowed = changeRoleCell(actorRole, from, to) === 'O';
        if (changed && !allowed) mismatches.push(`${from} → ${to}: changed`);
        if (visible && allowed && !changed) mismatches.push(`${from} → ${to}: refused`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('disables and enables only the accounts it may', async () => {
    const mismatches: string[] = [];
    for (const role of targetRoles) {
      const allowed = cell(disableCells, actorRole, role) === 'O';
      const enabled = await account(role);
      await attempt(context, sql`update users set disabled = true where id = ${enabled.id}`);
      if ((await stored(enabled.id)).disabled !== allowed) mismatches.push(`disable ${role}`);
      const disabled = await account(role, { disabled: true });
      await attempt(context, sql`update users set disabled = false where id = ${disabled.id}`);
      if ((await stored(disabled.id)).disabled === allowed) mismatches.push(`enable ${role}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('sets only the passwords it may reset', async () => {
    const mismatches: string[] = [];
    for (const role of targetRoles) {
      const target = await account(role);
      await attempt(
        context,
        sql`update users set password_hash = ${otherHash}, failed_attempts = 0, locked_until = null where id = ${target.id}`,
      );
      const changed = (await stored(target.id)).passwordHash === otherHash;
      if (changed !== (cell(resetPasswordCells, actorRole, role) === 'O'))
        mismatches.push(`reset ${role}: ${changed ? 'changed' : 'refused'}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('cannot change its own role or unit, nor disable itself, but may change its own password', async () => {
    const self = await account(actorRole);
    const own = contextOf({ countyId: 1, scope: context['app.scope'], userId: self.id, role: actorRole });
    for (const role of targetRoles) {
      await attempt(own, sql`update users set role = ${role}, unit_code = ${homeUnit[role]} where id = ${self.id}`);
    }
    await attempt(
      own,
      sql`update users set unit_code = ${movedUnit[actorRole] === homeUnit[actorRole] ? '130534100000' : movedUnit[actorRole]} where id = ${self.id}`,
    );
    await attempt(own, sql`update users set disabled = true where id = ${self.id}`);
    expect(await stored(self.id)).toMatchObject({ role: actorRole, unitCode: homeUnit[actorRole], disabled: false });
    await attempt(own, sql`update users set password_hash = ${otherHash} where id = ${self.id}`);
    expect((await stored(self.id)).passwordHash).toBe(otherHash);
  });
});

describe('the sign-in context', () => {
  it('counts failures on the row being tried, and changes nothing else about it', async () => {
    const target = await account('village_staff');
    const signIn: Context = {
      'app.county_id': '1',
      'app.scope': '',
      'app.user_id': '',
      'app.role': '',
      'app.login_name': target.loginName,
      'app.session_id': '',
    };
    await attempt(signIn, sql`update users set failed_attempts = 3 where id = ${target.id}`);
    await attempt(
      signIn,
      sql`update users set role = 'county_admin', unit_code = '130534000000' where id = ${target.id}`,
    );
    await attempt(signIn, sql`update users set disabled = true where id = ${target.id}`);
    await attempt(signIn, sql`update users set password_hash = ${otherHash} where id = ${target.id}`);
    expect(await stored(target.id)).toMatchObject({
      failedAttempts: 3,
      role: 'village_staff',
      unitCode: homeUnit.village_staff,
      disabled: false,
      passwordHash: storedHash,
    });
  });
});

describe('a county keeps its last active security admin and auditor (county B)', () => {
  const countyB = async (login: string) => contextOf(await actorByLogin(database.owner.db, login));

  it('refuses disabling the only auditor, and allows it while another is active', async () => {
    const context = await countyB('b_secadmin');
    const only = await actorByLogin(database.owner.db, 'b_auditor');
    await attempt(context, sql`update users set disabled = true where id = ${only.userId}`);
    expect((await stored(only.userId)).disabled).toBe(false);
    await account('auditor', { countyId: 2, unitCode: '130535000000' });
    await attempt(context, sql`update users set disabled = true where id = ${only.userId}`);
    expect((await stored(only.userId)).disabled).toBe(true);
  });

  it('of two security admins disabling each other in overlapping transactions, the second is refused', async () => {
    const first = await actorByLogin(database.owner.db, 'b_secadmin');
    const second = await account('security_admin', { countyId: 2, unitCode: '130535000000' });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let signalUpdated!: () => void;
    const updated = new Promise<void>((resolve) => (signalUpdated = resolve));
    const firstTx = inContext(contextOf(first), async (tx) => {
      await tx.execute(sql`update users set disabled = true where id = ${second.id}`);
      signalUpdated();
      await held;
    });
    await updated;
    const secondTx = inContext(
      contextOf({ countyId: 2, scope: '130535', userId: second.id, role: 'security_admin' }),
      (tx) => tx.execute(sql`update users set disabled = true where id = ${first.userId}`),
    ).then(
      () => 'committed',
      () => 'refused',
    );
    // Let the second reach the guard and wait there before the first commits (a condition, not a sleep).
    for (let poll = 0; poll < 1000; poll++) {
      const [row] = (await database.owner.db.execute(
        sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`,
      )) as unknown as Array<{ n: number }>;
      if (row!.n > 0) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    release();
    await firstTx;
    expect(await secondTx).toBe('refused');
    expect((await stored(first.userId)).disabled).toBe(false);
    expect((await stored(second.id)).disabled).toBe(true);
  });
});
