import { describe, expect, it } from 'vitest';
import { INTAKE_ERROR_FIELDS, normalizePhone, registerCase } from '@tally/casework';

const VILLAGE = '130534100201';
const base = { id: 'c1', channel: 'visit' as const, unitCode: VILLAGE, peopleCount: 1 };

describe('intake refuses what did not happen yet', () => {
  // 2026-12-05 00:00 in Shanghai is 2026-12-04T16:00Z.
  const midnight = new Date('2026-12-04T16:00:00Z');

  it('accepts a receipt at the very instant of registration', () => {
    expect(registerCase({ ...base, receivedAt: '2026-12-05T00:00:00+08:00' }, midnight).ok).toBe(true);
  });

  it('refuses a receipt one minute after now, even across Shanghai midnight', () => {
    const justBefore = new Date('2026-12-04T15:59:00Z'); // 23:59 on Dec 4 in Shanghai
    const refused = registerCase({ ...base, receivedAt: '2026-12-05T00:00:00+08:00' }, justBefore);
    expect(refused).toMatchObject({ ok: false, error: { code: 'received_in_future', zh: '收件时间不能晚于当前时间' } });
    expect(INTAKE_ERROR_FIELDS.received_in_future).toBe('receivedAt');
  });

  it("refuses next year's receipt on New Year's Eve (it would take next year's first number)", () => {
    const eve = new Date('2026-12-31T15:00:00Z'); // 23:00 on Dec 31 in Shanghai
    expect(registerCase({ ...base, receivedAt: '2027-01-01T09:00:00+08:00' }, eve)).toMatchObject({
      ok: false,
      error: { code: 'received_in_future' },
    });
  });
});

describe('intake checks related counts against each other', () => {
  const now = new Date('2026-12-05T02:00:00Z');
  const receivedAt = '2026-12-05T09:00:00+08:00';

  it('says what is allowed for the number of people', () => {
    expect(registerCase({ ...base, receivedAt, peopleCount: 0 }, now)).toMatchObject({
      ok: false,
      error: { code: 'invalid_people_count', zh: '人数至少为 1' },
    });
  });

  it('refuses fewer person-times than people, naming both', () => {
    const refused = registerCase({ ...base, receivedAt, peopleCount: 5, personTimes: 3 }, now);
    expect(refused).toMatchObject({ ok: false, error: { code: 'person_times_below_people', zh: '人次不能少于人数' } });
    expect(INTAKE_ERROR_FIELDS.person_times_below_people).toBe('personTimes');
    expect(registerCase({ ...base, receivedAt, peopleCount: 5, personTimes: 5 }, now).ok).toBe(true);
  });
});

describe('normalizePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['0311-12345678', '0311-12345678'],
    ['(0311)1234567', '0311-1234567'],
    ['010 12345678', '010-12345678'],
    ['0311—12345678-123', '0311-12345678-123'],
  ])('accepts %s as %s', (input, stored) => {
    expect(normalizePhone(input)).toBe(stored);
  });

  it.each(['12ab', '12345678', '1381234567', '23812345678', '12345678901', '0311-123'])('refuses %s', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});
