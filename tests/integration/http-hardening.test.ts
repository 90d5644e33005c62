import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@tally/demo';
import { buildWebApp, startApp, type RunningApp } from '../setup/app-server.ts';
import { createTestDatabase, ownerRows, type TestDatabase } from '../setup/test-database.ts';
import { rawRequest, signIn, until } from './support/http-client.ts';

/*
 * The HTTP layer as `npm start` runs it (production launcher, real process): security
 * headers, redirects after sign-in and the language switch, body and batch limits, text
 * Postgres cannot store, and what an error tells the client and the log.
 */
let database: TestDatabase;
let app: RunningApp;
let cookie = '';

/** Personal data of a dispute: none of it may appear in a response or a log line. */
const PERSON = { parties: '欧阳震华、司马光明', partyIdNumber: '11010519491231002X', partyPhone: '13812345678' };
const dispute = {
  foundOn: '2026-11-02',
  source: '排查',
  disputeType: '邻里',
  severity: '轻微',
  summary: '宅基地边界',
  ...PERSON,
};

function trpc(path: string, input: unknown, method: 'GET' | 'POST' = 'POST') {
  if (method === 'GET')
    return fetch(
      `${app.url}/api/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
      { headers: { cookie } },
    );
  return fetch(`${app.url}/api/trpc/${path}`, {
    method,
    headers: { origin: app.url, cookie, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
}

function postForm(path: string, fields: Record<string, string>, withCookie = true) {
  return fetch(`${app.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      origin: app.url,
      'content-type': 'application/x-www-form-urlencoded',
      ...(withCookie ? { cookie } : {}),
    },
    body: new URLSearchParams(fields),
  });
}

beforeAll(async () => {
  buildWebApp();
  database = await createTestDatabase();
  app = await startApp(database.ownerUrl, { launcher: 'start', env: { LOG_LEVEL: 'info' } });
  cookie = await signIn(app.url, 'cun0101');
});
afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

describe('npm start', () => {
  it('runs in production mode', () => {
    expect(app.output()).toContain('mode: production');
  });
});

describe('security headers', () => {
  it('a page: CSP with a per-response nonce on every script, no framing, nosniff, same-origin referrer, no-store', async () => {
    for (const path of ['/login', '/']) {
      const response = await fetch(`${app.url}${path}`, { headers: { cookie } });
      expect(response.status).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeTruthy();
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    const nonceOf = async () =>
      /'nonce-([^']+)'/.exec((await fetch(`${app.url}/login`)).headers.get('content-security-policy') ?? '')?.[1];
    expect(await nonceOf()).not.toBe(await nonceOf());
  });

  it('tRPC and exports: no-store and nosniff', async () => {
    for (const response of [
      await trpc('session.me', undefined, 'GET'),
      await fetch(`${app.url}/registers/meetings/export?format=csv`, { headers: { cookie } }),
    ]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it("the build's public files are served with their own caching; a page is not taken for one", async () => {
    const icon = await fetch(`${app.url}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toContain('image/svg+xml');
    expect(icon.headers.get('cache-control')).toContain('max-age=3600');
    expect(await icon.text()).toContain('<svg');
    const page = await fetch(`${app.url}/registers`, { headers: { cookie }, redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('<html');
  });
});

describe('redirects stay on this site', () => {
  const hostile = [
    '/\\evil.example',
    '/\t/evil.example',
    '//evil.example',
    '/\\\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '/.//evil.example',
  ];

  async function afterSignIn(next: string): Promise<string | null> {
    const response = await fetch(`${app.url}/login?${new URLSearchParams({ next })}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: app.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ loginName: 'cun0101', password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(302);
    return response.headers.get('location');
  }

  it.each(hostile)('after sign-in, next=%j goes home', async (next) => {
    expect(await afterSignIn(next)).toBe('/');
  });

  it.each(hostile)('a signed-in visit to /login?next=%j goes home', async (next) => {
    const response = await fetch(`${app.url}/login?${new URLSearchParams({ next })}`, {
      redirect: 'manual',
      headers: { cookie },
    });
    expect(response.headers.get('location')).toBe('/');
  });

  it.each(hostile)('the language switch with back=%j goes home', async (back) => {
    const response = await postForm('/lang', { language: 'en', back });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/');
  });

  it('a path on this site is kept, with its query and fragment; an encoded backslash stays a path here', async () => {
    expect(await afterSignIn('/cases?status=assigned#list')).toBe('/cases?status=assigned#list');
    expect(await afterSignIn('/%5Cevil.example')).toBe('/%5Cevil.example');
    // Same scheme, no slashes: the URL parser reads a path on this host.
    expect(await afterSignIn('http:evil.example')).toBe('/evil.example');
    const response = await postForm('/lang', { language: 'zh-CN', back: '/registers/meetings?from=2026-01-01' });
    expect(response.headers.get('location')).toBe('/registers/meetings?from=2026-01-01');
  });
});

describe('request bodies', () => {
  const head = (path: string, ...more: string[]) => [
    `POST ${path} HTTP/1.1`,
    `Host: ${new URL(app.url).host}`,
    `Origin: ${app.url}`,
    'Content-Type: application/x-www-form-urlencoded',
    ...more,
  ];

  it('a declared 250 MiB body to /login is refused with 413 before a byte of it is sent', async () => {
    const answer = await rawRequest(app.url, head('/login', `Content-Length: ${250 * 1024 * 1024}`), async () => {});
    expect(answer.status).toBe(413);
    expect(answer.sent).toBe(0);
  });

  it('a chunked body is cut at the limit: 413 while the body has not even ended', async () => {
    const chunk = Buffer.alloc(16 * 1024, 'a');
    const framed = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
    // 256 KiB, four times the sign-in limit, and never the closing zero-length chunk.
    const answer = await rawRequest(app.url, head('/login', 'Transfer-Encoding: chunked'), async (write) => {
      for (let i = 0; i < 16; i++) if (!(await write(framed))) return;
    });
    expect(answer.status).toBe(413);
    expect(answer.text).toContain('64 KiB');
  });

  it('a tRPC call over its limit gets 413 too; one within it is served', async () => {
    const big = await trpc('registers.create', { register: 'meetings', values: { topic: 'x'.repeat(600 * 1024) } });
    expect(big.status).toBe(413);
    expect((await trpc('session.me', undefined, 'GET')).status).toBe(200);
  });

  it('a batch of 50 calls is refused; 10 are served', async () => {
    const batch = (n: number) =>
      fetch(`${app.url}/api/trpc/${Array(n).fill('session.me').join(',')}?batch=1`, { headers: { cookie } });
    const refused = await batch(50);
    expect(refused.status).toBe(400);
    expect((await batch(10)).status).toBe(200);
  });
});

describe('text Postgres cannot store', () => {
  const meeting = { heldOn: '2026-11-02', kind: '主任例会', topic: '议题', host: '王建国', attendees: '王建国、李明' };

  it('a NUL byte in a tRPC input: 400 naming the field, nothing stored', async () => {
    const response = await trpc('registers.create', {
      register: 'meetings',
      values: { ...meeting, topic: '议\u0000题' },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { data: { messageKey: string; params: { field: string } } } };
    expect(body.error.data).toMatchObject({ messageKey: 'error.invalidText', params: { field: 'values.topic' } });
    expect(await ownerRows(database, `select count(*)::int as n from meetings`)).toEqual([{ n: 0 }]);
  });

  it('a lone surrogate in a tRPC input: the same', async () => {
    const response = await trpc('registers.create', {
      register: 'meetings',
      values: { ...meeting, topic: '议\ud800题' },
    });
    expect(response.status).toBe(400);
  });

  it('a NUL byte in a form: the page says which field, no 500', async () => {
    const response = await postForm('/registers/meetings/new', { ...meeting, topic: '议\u0000题' });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('含有不允许的字符');
  });

  it('a NUL byte in the sign-in form is a failed sign-in, not a 500', async () => {
    const response = await postForm('/login', { loginName: 'cun\u00000101', password: DEMO_PASSWORD }, false);
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual([]);
  });
});

describe('a statement that fails in the database', () => {
  beforeAll(async () => {
    // A failure only Postgres knows about, after every check passed: the insert carries the person's data as parameters.
    await ownerRows(
      database,
      `create function tally_test_fail() returns trigger language plpgsql as $$ begin raise exception 'simulated storage failure'; end $$`,
    );
    await ownerRows(
      database,
      `create trigger tally_test_fail before insert on disputes for each row execute function tally_test_fail()`,
    );
  });

  it('tRPC answers 500 without stack, statement or parameters', async () => {
    const response = await trpc('registers.create', { register: 'disputes', values: dispute });
    expect(response.status).toBe(500);
    const text = await response.text();
    for (const leak of [
      'stack',
      'insert into',
      'Failed query',
      'params:',
      'simulated storage failure',
      ...Object.values(PERSON),
    ])
      expect(text).not.toContain(leak);
    expect(JSON.parse(text)).toMatchObject({
      error: { message: 'error.generic', data: { code: 'INTERNAL_SERVER_ERROR', messageKey: 'error.generic' } },
    });
  });

  it('the form gets the error page; the log has the failure but none of the personal data', async () => {
    const response = await postForm('/registers/disputes/new', dispute);
    expect(response.status).toBe(500);
    const page = await response.text();
    for (const leak of ['insert into', ...Object.values(PERSON)]) expect(page).not.toContain(leak);
    // The failure reaches the log (with the SQLSTATE of the trigger's exception) ...
    await until('the failure in the log', () => app.output().includes('P0001'));
    // ... without the person's data or the statement ...
    for (const leak of Object.values(PERSON)) expect(app.output()).not.toContain(leak);
    expect(app.output()).not.toContain('insert into');
    // ... as one JSON line for each of the two failures, tRPC's and the form's.
    await until('both failures as log lines', () => (app.output().match(/"code":"P0001"/g)?.length ?? 0) >= 2);
  });
});
