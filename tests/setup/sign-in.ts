import { DEMO_PASSWORD } from '@tally/demo';

/** Sign in through the form as a demo user; the session cookie as a Cookie header. */
export async function signIn(url: string, loginName: string): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ loginName, password: DEMO_PASSWORD }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!cookie.includes('='))
    throw new Error(`sign-in as ${loginName} gave no session cookie (status ${response.status})`);
  return cookie;
}
