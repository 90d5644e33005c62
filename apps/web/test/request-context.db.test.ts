import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@tally/demo';
import { signIn, signOut } from '../app/.server/auth/sessions.ts';
import { SESSION_COOKIE } from '../app/.server/auth/cookie.ts';
import { contextFor } from '../app/.server/request.ts';
import { requestDatabase } from '../app/.server/services/database.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

/*
 * A page's loaders (the layout's and the route's) run side by side. React Router gives each its
 * own Request object (same URL and headers) and both the one load context http-app.ts made for
 * the HTTP request: they share one session check on a read through that context, nothing is
 * shared beyond it, so a session ended is refused at the very next request.
 */
let database: TestDatabase;
/** What http-app.ts makes for each HTTP request. */
const serverContext = () => ({ ip: null, secureCookies: false });

beforeAll(async () => {
  database = await createTestDatabase();
  await provisionTwoCounties(database.owner.db);
  process.env.APP_DATABASE_URL = database.appUrl;
});
afterAll(async () => {
  await requestDatabase().close();
  await database?.drop();
});

async function session(): Promise<string> {
  const result = await signIn(database.app.db, {
    loginName: 'a_zhen01',
    password: DEMO_PASSWORD,
    ip: null,
    now: new Date(),
  });
  if (!result.ok) throw new Error('sign-in failed');
  return result.token;
}

const page = (token: string, method = 'GET') =>
  new Request('http://tally.local/dashboard', { method, headers: { cookie: `${SESSION_COOKIE}=${token}` } });

describe('the session check of a page request', () => {
  it("is made once for a read's loaders, and anew for the next request after the session ends", async () => {
    const token = await session();
    const server = serverContext();
    // Two loaders of one page: two Request objects, one load context.
    const layout = contextFor(page(token), server);
    const route = contextFor(page(token), server);
    expect(route).toBe(layout);
    expect((await layout).actor?.unitCode).toBe('130534100000');
    // Another HTTP request (its own load context) checks again.
    expect(contextFor(page(token), serverContext())).not.toBe(layout);

    await signOut(database.app.db, token, null, new Date());
    expect((await contextFor(page(token), serverContext())).actor).toBeNull();
  });

  it('is not shared with a request carrying another cookie, even on one context', async () => {
    const server = serverContext();
    const first = contextFor(page(await session()), server);
    const other = contextFor(page(await session()), server);
    expect(other).not.toBe(first);
    expect((await other).actor).not.toBeNull();
  });

  it('is made by each caller of a request that may change things (an action, then its loaders)', async () => {
    const token = await session();
    const server = serverContext();
    expect((await contextFor(page(token, 'POST'), server)).actor).not.toBeNull();
    // The action ended the session (a password reset, a deactivated unit): its loaders (GET
    // requests on the same load context, made after the action) see that.
    await signOut(database.app.db, token, null, new Date());
    expect((await contextFor(page(token), server)).actor).toBeNull();
  });
});
