import { describe, expect, it } from 'vitest';
import { isCrossSiteRequest } from '../../app/.server/auth/csrf.ts';
import { passwordProblem } from '../../app/.server/auth/password-rules.ts';
import { afterFailedAttempt, isLocked, sessionVerdict, shouldRenew } from '../../app/.server/auth/session-policy.ts';
import { issueToken, parseToken, secretMatches } from '../../app/.server/auth/session-token.ts';

const at = (iso: string) => new Date(iso);
const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });

describe('CSRF', () => {
  it('refuses a cross-site POST by Sec-Fetch-Site', () => {
    expect(isCrossSiteRequest('POST', headers({ 'sec-fetch-site': 'cross-site' }), 'tally.local')).toBe(true);
    expect(isCrossSiteRequest('POST', headers({ 'sec-fetch-site': 'same-site' }), 'tally.local')).toBe(true);
    expect(isCrossSiteRequest('POST', headers({ 'sec-fetch-site': 'same-origin' }), 'tally.local')).toBe(false);
  });
  it('refuses a POST whose Origin is another host', () => {
    expect(isCrossSiteRequest('POST', headers({ origin: 'https://evil.example' }), 'tally.local')).toBe(true);
    expect(isCrossSiteRequest('POST', headers({ origin: 'http://tally.local' }), 'tally.local')).toBe(false);
    expect(isCrossSiteRequest('POST', headers({ origin: 'null' }), 'tally.local')).toBe(true);
  });
  it('lets safe methods through', () => {
    expect(isCrossSiteRequest('GET', headers({ 'sec-fetch-site': 'cross-site' }), 'tally.local')).toBe(false);
  });
});

describe('password rules', () => {
  const owner = { loginName: 'zhang_wei', displayName: '张伟' };
  it.each([
    ['Abc-123', 'error.password.tooShort'],
    ['abcdefgh1', 'error.password.classes'],
    ['ABCDEFGH!', 'error.password.classes'],
    // Three classes, but on every leaked-password list or a keyboard/sequence pattern.
    ['Abcdefg1', 'error.password.common'],
    ['P@ssw0rd1', 'error.password.common'],
    ['Admin@123', 'error.password.common'],
    ['1qaz@WSX', 'error.password.common'],
    ['Aa123456', 'error.password.common'],
    ['Qwer1234!', 'error.password.common'],
    // The login name, in any case, anywhere in the password.
    ['Zhang_wei-2026', 'error.password.containsLoginName'],
    ['xx-ZHANG_WEI-9', 'error.password.containsLoginName'],
    ['Clerk-2026', null],
    ['Fresh-pass9', null],
    ['密码密码Ab1!', 'error.password.common'],
    ['白日依山尽Ab1!', null],
  ])('%s → %s', (password, problem) => {
    expect(passwordProblem(password, owner)).toBe(problem);
  });
});

describe('session policy', () => {
  const session = { createdAt: at('2026-01-01T00:00:00Z'), lastUsedAt: at('2026-01-01T00:00:00Z') };
  it('is valid up to 30 idle minutes, then idle-expired', () => {
    expect(sessionVerdict(session, at('2026-01-01T00:29:59Z'))).toBe('valid');
    expect(sessionVerdict(session, at('2026-01-01T00:30:00Z'))).toBe('idle-expired');
  });
  it('is absolute-expired at 12 hours even when just used', () => {
    expect(sessionVerdict({ ...session, lastUsedAt: at('2026-01-01T11:59:00Z') }, at('2026-01-01T12:00:00Z'))).toBe(
      'absolute-expired',
    );
  });
  it('renews at most once a minute', () => {
    expect(shouldRenew(session, at('2026-01-01T00:00:59Z'))).toBe(false);
    expect(shouldRenew(session, at('2026-01-01T00:01:00Z'))).toBe(true);
  });
  it('locks on the fifth failure for 15 minutes', () => {
    const now = at('2026-01-01T08:00:00Z');
    expect(afterFailedAttempt(3, now)).toEqual({ failedAttempts: 4, lockedUntil: null });
    const locked = afterFailedAttempt(4, now);
    expect(locked).toEqual({ failedAttempts: 0, lockedUntil: at('2026-01-01T08:15:00Z') });
    expect(isLocked(locked.lockedUntil, at('2026-01-01T08:14:59Z'))).toBe(true);
    expect(isLocked(locked.lockedUntil, at('2026-01-01T08:15:00Z'))).toBe(false);
  });
});

describe('session token', () => {
  it('round-trips and carries the county', () => {
    const issued = issueToken(42);
    const parsed = parseToken(issued.token);
    expect(parsed).toMatchObject({ id: issued.id, countyId: 42 });
    expect(secretMatches(parsed!.secret, issued.secretHash)).toBe(true);
    expect(
      secretMatches(
        parsed!.secret.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')),
        issued.secretHash,
      ),
    ).toBe(false);
  });
  it.each(['', 'abc', '0-aaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', "1-aaaa'; drop table users;--.x"])(
    'rejects malformed %j',
    (token) => {
      expect(parseToken(token)).toBeNull();
    },
  );
});
