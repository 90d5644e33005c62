import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@tally/demo';
import { signIn, signOut } from '../app/.server/auth/sessions.ts';
import { SESSION_COOKIE } from '../app/.server/auth/cookie.ts';
import { contextFor } from '../app/.server/request.ts';
import { requestDatabase } from '../app/.server/services/database.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database.ts';
import { provisionTwoCounties } from '../../../tests/setup/two-counties.ts';

/*
 * A page's loaders (the layout's and the route's) run side by side on one Request: they share
 * one session check on a read, and nothing is shared beyond that Request, so a session ended
 * is refused at the very next request.
 */
let database: TestDatabase;
const server = { ip: null, secureCookies: false };

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
    const request = page(token);
    const layout = contextFor(request, server);
    const route = contextFor(request, server);
    expect(route).toBe(layout);
    expect((await layout).actor?.unitCode).toBe('130534100000');

    await signOut(database.app.db, token, null, new Date());
    expect((await contextFor(page(token), server)).actor).toBeNull();
  });

  it('is made by each caller of a request that may change things (an action, then its loaders)', async () => {
    const token = await session();
    const request = page(token, 'POST');
    expect((await contextFor(request, server)).actor).not.toBeNull();
    // The action ended the session (a password reset, a deactivated unit): its loaders see that.
    await signOut(database.app.db, token, null, new Date());
    expect((await contextFor(request, server)).actor).toBeNull();
  });
});
