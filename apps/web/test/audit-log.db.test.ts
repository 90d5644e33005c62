import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { schema } from '@tally/db';
import { createCaller } from '../app/.server/routers/root.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

/*
 * The auditor's log: names instead of ids for actors and for the users and units acted on,
 * filters by actor, action (or its area), object, result and Beijing date, keyset pages, and
 * an export that is itself audited and carries no detail column.
 */
let database: TestDatabase;
let auditor: ReturnType<typeof createCaller>;
let renamedUnit = '';

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  const admin = await actorByLogin(database.owner.db, 'a_admin');
  const caller = createCaller({
    db: database.app.db,
    actor: admin,
    ip: '10.0.0.8',
    now: new Date('2026-03-05T17:30:00Z'),
  });
  renamedUnit = '130534100202';
  await caller.units.rename({ code: renamedUnit, name: '审计测试村' });
  // 120 sign-ins spread over two Beijing days, for paging and the date filter.
  const rows = Array.from({ length: 120 }, (_, i) => ({
    countyId: admin.countyId,
    at: new Date(Date.UTC(2026, 2, 1, 10, i)),
    actorUserId: admin.userId,
    actorLogin: admin.loginName,
    actorRole: admin.role,
    action: 'auth.sign_in',
    result: 'ok' as const,
    ip: '10.0.0.9',
    detail: { note: 'detail stays in the log' },
  }));
  await database.owner.db.insert(schema.auditLog).values(rows);
  auditor = createCaller({
    db: database.app.db,
    actor: await actorByLogin(database.owner.db, 'a_auditor'),
    ip: '10.0.0.7',
    now: new Date('2026-03-06T02:00:00Z'),
  });
});
afterAll(async () => {
  await database?.drop();
});

describe('audit log', () => {
  it('names the actor, their unit and the unit acted on', async () => {
    const { rows } = await auditor.audit.list({ action: 'units.rename' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorLogin: 'a_admin',
      objectType: 'unit',
      objectId: renamedUnit,
      objectName: '审计测试村',
    });
    expect(rows[0]!.actorName).toBeTruthy();
    expect(rows[0]!.actorUnitName).toBeTruthy();
    expect(rows[0]).not.toHaveProperty('detail');
  });

  it('filters by area, actor, result and Beijing date, and pages by keyset without gaps or repeats', async () => {
    // 2026-03-05T17:30Z is 2026-03-06 in Beijing: the rename is on the 6th, not the 5th.
    expect((await auditor.audit.list({ action: 'units', from: '2026-03-06', to: '2026-03-06' })).rows).toHaveLength(1);
    expect((await auditor.audit.list({ action: 'units', to: '2026-03-05' })).rows).toHaveLength(0);
    expect((await auditor.audit.list({ action: 'auth.sign_in', actor: 'a_staff' })).rows).toHaveLength(0);
    expect((await auditor.audit.list({ action: 'auth', result: 'denied' })).rows).toHaveLength(0);
    // "auth" is an area: it does not match an action that merely begins with the letters.
    expect((await auditor.audit.list({ action: 'aut' })).rows).toHaveLength(0);
    const seen: number[] = [];
    for (let cursor: string | undefined; ; ) {
      const page = await auditor.audit.list({ actor: 'a_admin', action: 'auth', cursor });
      seen.push(...page.rows.map((row) => row.id));
      if (!page.next) break;
      cursor = page.next;
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
  });

  it('exports the filtered log in pages and audits the export with its filters', async () => {
    const first = await auditor.audit.exportRows({ action: 'auth' });
    expect(first.rows).toHaveLength(120);
    expect(first.next).toBeNull();
    const audit = await database.owner.db.execute(
      sql`select actor_login, detail from audit_log where action = 'audit.export'`,
    );
    expect([...audit]).toEqual([{ actor_login: 'a_auditor', detail: { filters: { action: 'auth' } } }]);
  });

  it("is the auditor's alone", async () => {
    const admin = createCaller({
      db: database.app.db,
      actor: await actorByLogin(database.owner.db, 'a_admin'),
      ip: null,
      now: new Date(),
    });
    await expect(admin.audit.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(admin.audit.exportRows({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a malformed cursor or date as a bad request', async () => {
    await expect(auditor.audit.list({ cursor: "1' or 1=1" })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(auditor.audit.list({ from: '2026-02-30' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
