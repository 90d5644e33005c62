import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, startApp, type RunningApp } from '../setup/app-server.ts';
import { createTestDatabase, ownerRows, type TestDatabase } from '../setup/test-database.ts';
import { signIn } from './support/http-client.ts';

/*
 * Kept dashboard pages (docs/decisions/0025-kept-dashboard-pages.md) through the real server: a
 * kept page is served only to the reader it was rendered for, with this answer's CSP nonce, and
 * never after the county's dashboard data changed, the session ended, or a reload asked anew.
 */
let database: TestDatabase;
let app: RunningApp;
let admin = '';
let township = '';

beforeAll(async () => {
  buildWebApp();
  database = await createTestDatabase();
  app = await startApp(database.ownerUrl);
  admin = await signIn(app.url, 'admin');
  township = await signIn(app.url, 'zhen01');
});
afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

interface Answer {
  status: number;
  kept: string | null;
  nonce: string;
  body: string;
}

async function get(path: string, cookie: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${app.url}${path}`, { headers: { cookie, ...headers }, redirect: 'manual' });
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1] ?? '';
  return { status: response.status, kept: response.headers.get('x-kept-page'), nonce, body: await response.text() };
}

/** The body with its nonce taken out: two answers of one kept page are equal in this. */
const withoutNonce = (answer: Answer) => answer.body.replaceAll(answer.nonce, '«nonce»');
const whoami = (answer: Answer) => /data-testid="whoami">([^<]*)</.exec(answer.body)?.[1];

describe('kept dashboard pages', () => {
  it('answer the same reader again with the page kept, under this answer’s nonce', async () => {
    const first = await get('/dashboard', admin);
    expect(first.status).toBe(200);
    expect(first.kept).toBe('miss');
    const second = await get('/dashboard', admin);
    expect(second.kept).toBe('hit');
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.body).toContain(`nonce="${second.nonce}"`);
    expect(second.body).not.toContain(first.nonce);
    expect(withoutNonce(second)).toBe(withoutNonce(first));
  });

  it('never serve one reader’s page to another', async () => {
    const county = await get('/dashboard', admin);
    const own = await get('/dashboard', township);
    expect(own.kept).toBe('miss');
    expect(whoami(own)).not.toBe(whoami(county));
    expect((await get('/dashboard', township)).kept).toBe('hit');
  });

  it('render anew after a change to what the pages read, and in the other language', async () => {
    expect((await get('/dashboard/trends', admin)).kept).toBe('miss');
    expect((await get('/dashboard/trends', admin)).kept).toBe('hit');
    const [clerk] = await ownerRows(
      database,
      `select id, county_id, unit_code from users where login_name = 'cun0101'`,
    );
    await ownerRows(
      database,
      `insert into meetings (county_id, unit_code, fingerprint, created_by, held_on, kind, topic, attendees, absent_count)
       values ($1, $2, md5('kept-pages'), $3, current_date, 'joint', '例会', '王建国', 0)`,
      clerk!.county_id,
      clerk!.unit_code,
      clerk!.id,
    );
    expect((await get('/dashboard/trends', admin)).kept).toBe('miss');
    expect((await get('/dashboard/trends', admin)).kept).toBe('hit');
    const english = await get('/dashboard/trends', `${admin}; lang=en`);
    expect(english.kept).toBe('miss');
    expect(english.body).toContain('lang="en"');
  });

  it('render anew on a forced reload, and keep that rendering', async () => {
    expect((await get('/dashboard', admin, { 'cache-control': 'no-cache' })).kept).toBe('miss');
    expect((await get('/dashboard', admin, { pragma: 'no-cache' })).kept).toBe('miss');
    expect((await get('/dashboard', admin)).kept).toBe('hit');
  });

  it('are never served without a valid session', async () => {
    const cookie = await signIn(app.url, 'staff');
    expect((await get('/dashboard', cookie)).kept).toBe('miss');
    expect((await get('/dashboard', cookie)).kept).toBe('hit');
    const out = await fetch(`${app.url}/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, origin: app.url },
    });
    expect(out.status).toBe(302);
    const after = await get('/dashboard', cookie);
    expect(after.status).toBe(302);
    expect(after.kept).toBeNull();
    expect(after.body).not.toContain('whoami');
    expect((await get('/dashboard', 'tally_session=forged.token')).status).toBe(302);
  });

  it('are not kept when the page is refused', async () => {
    // A village clerk may not open the county's ranking; a result that does not exist is not found.
    const clerk = await signIn(app.url, 'cun0101');
    const unknown = '/assessment/results/00000000-0000-4000-8000-000000000000/130534100000';
    for (let i = 0; i < 2; i++) {
      const refused = await get('/dashboard', clerk);
      expect([403, 404]).toContain(refused.status);
      expect(refused.kept).toBeNull();
      const missing = await get(unknown, admin);
      expect(missing.status).toBe(404);
      expect(missing.kept).toBeNull();
    }
  });
});
