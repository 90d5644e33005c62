import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb, schema, signInFailuresHousekeeping } from '@tally/db';
import { DEMO_PASSWORD } from '@tally/demo';
import { decoyPasswordHash, verifyPassword } from '../app/.server/auth/password-hash.ts';
import { signIn, validateSession } from '../app/.server/auth/sessions.ts';
import { SignInThrottle, SOURCE_FAILURE_LIMIT, SOURCE_WINDOW_MS } from '../app/.server/auth/sign-in-throttle.ts';
import { createCaller } from '../app/.server/routers/root.ts';
import { log } from '../app/.server/log.ts';
import { requestDatabase } from '../app/.server/services/database.ts';
import { action as loginAction } from '../app/routes/login.tsx';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { actorByLogin, provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

/*
 * Sign-in as an attacker sees it (security review, items 10 and 13): whether a
 * name exists must not show in the answer or in the work done, a source address
 * is throttled, a deactivated unit's users are out, and a mistyped name (often a
 * password typed into the wrong field) is never stored as typed.
 */
let database: TestDatabase;
const t0 = new Date('2026-03-05T01:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  // The login screen's action uses the request pool, as under `npm start`.
  process.env.APP_DATABASE_URL = database.appUrl;
});
afterAll(async () => {
  await requestDatabase().close();
  await database?.drop();
});

/** Post the sign-in form the way the browser does; the answer's status and body. */
async function postLogin(loginName: string, password: string, ip: string): Promise<{ status: number; body: unknown }> {
  const body = new URLSearchParams({ loginName, password });
  const request = new Request('http://tally.local/login', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  try {
    const result: unknown = await loginAction({
      request,
      url: new URL(request.url),
      pattern: '/login',
      params: {},
      context: { ip, secureCookies: false },
    });
    if (result instanceof Response) return { status: result.status, body: result.headers.get('location') };
    if (result && typeof result === 'object' && 'init' in result && 'data' in result) {
      const wrapped = result as { init: { status?: number } | null; data: unknown };
      return { status: wrapped.init?.status ?? 200, body: wrapped.data };
    }
    return { status: 200, body: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: thrown.headers.get('location') };
    throw thrown;
  }
}

/** The answer with the echoed name taken out: all that may differ between two names is what was typed. */
function withoutEcho(answer: { status: number; body: unknown }) {
  const { loginName: _typed, ...rest } = answer.body as Record<string, unknown>;
  return { status: answer.status, ...rest };
}

describe('an unknown name, a wrong password, a locked and a disabled account answer alike', () => {
  it('the sign-in screen gives byte-identical answers', async () => {
    await database.owner.db
      .update(schema.users)
      .set({ lockedUntil: new Date(Date.now() + 10 * 60_000) })
      .where(eq(schema.users.loginName, 'a_cun0102'));
    await database.owner.db.update(schema.users).set({ disabled: true }).where(eq(schema.users.loginName, 'a_cun0202'));
    const answers = {
      unknown: await postLogin('no_such_user', DEMO_PASSWORD, '10.20.0.1'),
      wrongPassword: await postLogin('a_zhen01', 'Wrong-pass-2026', '10.20.0.2'),
      lockedRightPassword: await postLogin('a_cun0102', DEMO_PASSWORD, '10.20.0.3'),
      lockedWrongPassword: await postLogin('a_cun0102', 'Wrong-pass-2026', '10.20.0.3'),
      disabledRightPassword: await postLogin('a_cun0202', DEMO_PASSWORD, '10.20.0.4'),
    };
    const expected = JSON.stringify(withoutEcho(answers.unknown));
    for (const [name, answer] of Object.entries(answers))
      expect(JSON.stringify(withoutEcho(answer)), name).toBe(expected);
    expect(withoutEcho(answers.unknown)).toEqual({ status: 200, messageKey: 'login.failed' });
  });

  it('the fifth failure locks the account without saying so', async () => {
    const answers = [];
    for (let attempt = 1; attempt <= 6; attempt++)
      answers.push(withoutEcho(await postLogin('a_zhen02', 'Wrong-pass-2026', '10.20.1.1')));
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    const [row] = await database.owner.db.select().from(schema.users).where(eq(schema.users.loginName, 'a_zhen02'));
    expect(row!.lockedUntil).not.toBeNull();
  });

  it('every path verifies one argon2 hash; the decoy when there is no password to check', async () => {
    await database.owner.db
      .update(schema.users)
      .set({ lockedUntil: new Date(t0.getTime() + 10 * 60_000) })
      .where(eq(schema.users.loginName, 'b_cun0101'));
    await database.owner.db.update(schema.users).set({ disabled: true }).where(eq(schema.users.loginName, 'b_cun0102'));
    const decoy = await decoyPasswordHash();
    const cases = [
      { label: 'unknown name', loginName: 'nobody_at_all', password: DEMO_PASSWORD, decoy: true },
      { label: 'wrong password', loginName: 'b_zhen01', password: 'Wrong-pass-2026', decoy: false },
      { label: 'locked account', loginName: 'b_cun0101', password: DEMO_PASSWORD, decoy: true },
      { label: 'disabled account', loginName: 'b_cun0102', password: DEMO_PASSWORD, decoy: true },
      { label: 'right password', loginName: 'b_staff', password: DEMO_PASSWORD, decoy: false },
    ];
    for (const entry of cases) {
      const verified: string[] = [];
      const verify = (hash: string, password: string) => {
        verified.push(hash);
        return verifyPassword(hash, password);
      };
      const result = await signIn(
        database.app.db,
        { loginName: entry.loginName, password: entry.password, ip: null, now: t0 },
        { verify },
      );
      expect(result.ok, entry.label).toBe(entry.label === 'right password');
      expect(verified, entry.label).toHaveLength(1);
      expect(verified[0] === decoy, entry.label).toBe(entry.decoy);
    }
  });
});

describe('per source address', () => {
  it('refuses the 21st failed attempt within 15 minutes with 429, before any password check, and only for that address', async () => {
    for (let attempt = 1; attempt <= 20; attempt++) {
      expect((await postLogin(`guess_${attempt}`, 'Wrong-pass-2026', '10.30.0.1')).status, `attempt ${attempt}`).toBe(
        200,
      );
    }
    const [before] = (await database.owner.db.execute(
      sql`select count(*)::int as n from sessions`,
    )) as unknown as Array<{ n: number }>;
    const refused = await postLogin('a_staff', DEMO_PASSWORD, '10.30.0.1');
    expect(refused.status).toBe(429);
    expect(withoutEcho(refused)).toEqual({ status: 429, messageKey: 'login.tooMany' });
    const [after] = (await database.owner.db.execute(
      sql`select count(*)::int as n from sessions`,
    )) as unknown as Array<{ n: number }>;
    expect(after!.n).toBe(before!.n);
    // Another address is not held back, and gets in.
    const other = await postLogin('a_staff', DEMO_PASSWORD, '10.30.0.2');
    expect(other.status).toBe(302);
  });
});

describe('per source address, across server processes', () => {
  // Two workers of one server: each its own pool and its own throttle object, one shared key.
  const secret = Buffer.alloc(32, 7);
  let pools: Array<ReturnType<typeof createDb>> = [];
  beforeAll(() => {
    pools = [createDb(database.appUrl, { max: 4 }), createDb(database.appUrl, { max: 4 })];
  });
  afterAll(async () => {
    for (const pool of pools) await pool.close();
  });
  const workers = () => pools.map((pool) => ({ db: pool.db, throttle: new SignInThrottle(() => secret) }));

  it('two pools count into one limit: 30 attempts racing from both reserve exactly 20', async () => {
    const now = new Date('2026-03-05T02:00:00Z');
    const [a, b] = workers();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => {
        const worker = i % 2 === 0 ? a! : b!;
        return worker.throttle.begin(worker.db, '10.50.0.1', new Date(now.getTime() + i));
      }),
    );
    expect(answers.filter(Boolean)).toHaveLength(SOURCE_FAILURE_LIMIT);
    // Either process refuses the next one; another address is not held back.
    expect(await a!.throttle.begin(a!.db, '10.50.0.1', new Date(now.getTime() + 100))).toBe(false);
    expect(await b!.throttle.begin(b!.db, '10.50.0.1', new Date(now.getTime() + 100))).toBe(false);
    expect(await b!.throttle.begin(b!.db, '10.50.0.2', new Date(now.getTime() + 100))).toBe(true);
    // The oldest failure ages out of the window in both.
    expect(await b!.throttle.begin(b!.db, '10.50.0.1', new Date(now.getTime() + SOURCE_WINDOW_MS + 1))).toBe(true);
  });

  it('a success reserved in one process is given back in the other', async () => {
    const now = new Date('2026-03-05T03:00:00Z');
    const [a, b] = workers();
    for (let i = 0; i < SOURCE_FAILURE_LIMIT - 1; i++)
      expect(await a!.throttle.begin(a!.db, '10.50.1.1', new Date(now.getTime() + i))).toBe(true);
    const last = new Date(now.getTime() + 50);
    expect(await b!.throttle.begin(b!.db, '10.50.1.1', last)).toBe(true);
    await b!.throttle.succeeded(b!.db, '10.50.1.1', last);
    expect(await a!.throttle.begin(a!.db, '10.50.1.1', new Date(now.getTime() + 60))).toBe(true);
    expect(await a!.throttle.begin(a!.db, '10.50.1.1', new Date(now.getTime() + 70))).toBe(false);
  });

  it("stores no address, is out of the app role's reach, and housekeeping deletes what left the window", async () => {
    const now = new Date('2026-03-05T04:00:00Z');
    const [a] = workers();
    await a!.throttle.begin(a!.db, '10.50.2.1', now);
    const stored = await database.owner.db.execute(
      sql`select count(*)::int as n from sign_in_failures where source_key like '%10.50%'`,
    );
    expect((stored as unknown as Array<{ n: number }>)[0]!.n).toBe(0);
    await expect(database.app.db.execute(sql`select * from sign_in_failures`)).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/permission denied/) },
    });
    const key = a!.throttle.sourceKey('10.50.2.1');
    const count = async () =>
      (
        (await database.owner.db.execute(
          sql`select count(*)::int as n from sign_in_failures where source_key = ${key}`,
        )) as unknown as Array<{ n: number }>
      )[0]!.n;
    await signInFailuresHousekeeping(database.owner.db, new Date(now.getTime() + SOURCE_WINDOW_MS - 1));
    expect(await count()).toBe(1);
    await signInFailuresHousekeeping(database.owner.db, new Date(now.getTime() + SOURCE_WINDOW_MS));
    expect(await count()).toBe(0);
  });
});

describe('a deactivated unit', () => {
  it("ends its users' sessions when deactivated and lets none of them sign in until it is active again", async () => {
    const clerk = await signIn(database.app.db, { loginName: 'a_cun0101', password: DEMO_PASSWORD, ip: null, now: t0 });
    if (!clerk.ok) throw new Error('sign-in failed');
    const admin = createCaller({
      db: database.app.db,
      actor: await actorByLogin(database.owner.db, 'a_admin'),
      ip: null,
      now: t0,
    });
    await admin.units.setActive({ code: '130534100201', active: false });
    expect((await validateSession(database.app.db, clerk.token, t0)).actor).toBeNull();
    expect(
      await signIn(database.app.db, { loginName: 'a_cun0101', password: DEMO_PASSWORD, ip: null, now: t0 }),
    ).toEqual({ ok: false, reason: 'failed' });
    const denied = await database.owner.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.actorLogin, 'a_cun0101'));
    expect(
      denied.some(
        (row) => row.result === 'denied' && (row.detail as { reason?: string } | null)?.reason === 'unit_inactive',
      ),
    ).toBe(true);
    await admin.units.setActive({ code: '130534100201', active: true });
    expect(
      (await signIn(database.app.db, { loginName: 'a_cun0101', password: DEMO_PASSWORD, ip: null, now: t0 })).ok,
    ).toBe(true);
  });
});

describe('an unknown login name', () => {
  it('is logged as a keyed tag, never as typed', async () => {
    const typed = 'Xiao-Li-Secret-2026!';
    const warn = vi.spyOn(log, 'warn');
    try {
      await signIn(database.app.db, { loginName: typed, password: 'whatever', ip: '10.40.0.1', now: t0 });
      const logged = JSON.stringify(warn.mock.calls);
      expect(warn).toHaveBeenCalled();
      expect(logged).toContain('unknown_login');
      expect(logged.toLowerCase()).not.toContain('secret');
      expect(logged).not.toContain('Xiao-Li');
    } finally {
      warn.mockRestore();
    }
    const stored = await database.owner.db.execute(
      sql`select count(*)::int as n from audit_log where coalesce(actor_login, '') || coalesce(detail::text, '') || coalesce(object_id, '') like '%Secret%'`,
    );
    expect((stored as unknown as Array<{ n: number }>)[0]!.n).toBe(0);
  });
});
