import { describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { isUniqueViolation } from '../../app/.server/db-errors.ts';
import { orNotFound } from '../../app/.server/page-errors.ts';
import { formatCivilDate } from '../../app/lib/civil-date-format.ts';

/** The helpers that had forks: one each now, with the behaviour of every former copy. */
describe('formatCivilDate', () => {
  it('writes a civil date the offices way, a missing one as a dash, anything else unchanged', () => {
    expect(formatCivilDate('2026-03-05', 'zh-CN')).toBe('2026年3月5日');
    expect(formatCivilDate('2026-03-05', 'en')).toBe('2026-03-05');
    expect(formatCivilDate(null, 'zh-CN')).toBe('—');
    expect(formatCivilDate(undefined, 'en')).toBe('—');
    expect(formatCivilDate('not a date', 'zh-CN')).toBe('not a date');
  });
});

describe('isUniqueViolation', () => {
  const postgresError = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
  it('finds 23505 on the error or anywhere down its cause chain', () => {
    expect(isUniqueViolation(postgresError)).toBe(true);
    expect(isUniqueViolation(new Error('Failed query', { cause: postgresError }))).toBe(true);
    expect(
      isUniqueViolation(
        new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: new Error('Failed query', { cause: postgresError }) }),
      ),
    ).toBe(true);
  });
  it('is false for other errors', () => {
    expect(isUniqueViolation(Object.assign(new Error('check'), { code: '23514' }))).toBe(false);
    expect(isUniqueViolation('23505')).toBe(false);
  });
});

describe('orNotFound', () => {
  it('turns a missing or malformed record into a 404 page and lets anything else through', async () => {
    await expect(orNotFound(Promise.reject(new TRPCError({ code: 'NOT_FOUND' })))).rejects.toSatisfy(
      (r: unknown) => r instanceof Response && r.status === 404,
    );
    await expect(orNotFound(Promise.reject(new TRPCError({ code: 'BAD_REQUEST' })))).rejects.toSatisfy(
      (r: unknown) => r instanceof Response && r.status === 404,
    );
    await expect(orNotFound(Promise.reject(new TRPCError({ code: 'FORBIDDEN' })))).rejects.toBeInstanceOf(TRPCError);
    await expect(orNotFound(Promise.resolve(7))).resolves.toBe(7);
  });
});
