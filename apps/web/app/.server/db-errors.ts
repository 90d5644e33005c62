import { UserFacingError } from './errors.ts';

/** The SQLSTATE of a database error anywhere in a cause chain (tRPC → drizzle → postgres.js). */
export function sqlState(error: unknown): string | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

/** A unique constraint refused the write (SQLSTATE 23505): the caller answers 409 in its own words. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}

/**
 * A value Postgres could not take (class 22, data exception: an impossible date, a number
 * out of range, text it cannot store) is the request's fault: a 400 with a message instead
 * of a 500 carrying the statement. Inputs are validated before they reach SQL; this is the
 * net under that validation, not a replacement for it.
 */
export function clientErrorFor(error: unknown): UserFacingError | null {
  const state = sqlState(error);
  if (state?.startsWith('22')) return new UserFacingError('BAD_REQUEST', 'error.invalidValue');
  return null;
}
