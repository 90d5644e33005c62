import { describe, expect, it } from 'vitest';
import { idCheckCharacter, normalizeIdNumber, validateIdNumber } from '../src/index.ts';

describe('idCheckCharacter (GB 11643)', () => {
  it('matches a check digit computed by hand', () => {
    // 1 3 0 5 3 4 1 9 8 0 0 1 0 1 0 0 1 × 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
    // = 7+27+0+25+24+16+2+9+48+0+0+9+0+5+0+0+2 = 174; 174 mod 11 = 9 → '3'.
    expect(idCheckCharacter('13053419800101001')).toBe('3');
    // The standard's own example ends in X (sum mod 11 = 2).
    expect(idCheckCharacter('11010519491231002')).toBe('X');
  });
});

describe('validateIdNumber', () => {
  it.each([
    '130534198001010013', // hand-computed above
    '11010519491231002X', // GB 11643 example, check X
    '11010519491231002x', // lowercase x as typed
    '440304200002290014', // 2000-02-29 exists (2000 is a leap year); check digit 4
    ' 130534198001010013 ', // surrounding spaces as pasted
  ])('accepts %s', (id) => {
    expect(validateIdNumber(id)).toEqual({ ok: true });
  });

  it.each([
    ['130534198001010012', 'check_digit'], // last digit should be 3
    ['110105194912310021', 'check_digit'], // should be X, not 1
    ['13053419800101001', 'length'], // 17 digits
    ['1305341980010100133', 'length'], // 19 digits
    ['A30534198001010013', 'format'],
    ['030534198001010013', 'format'], // area codes never start with 0
    ['1305341980X1010013', 'format'], // X only allowed last
    ['130534198002300013', 'birth_date'], // February 30
    ['440304190002290014', 'birth_date'], // 1900 was not a leap year
    ['130534189912310013', 'birth_date'], // before 1900
    ['130534198013010013', 'birth_date'], // month 13
  ])('rejects %s (%s)', (id, code) => {
    const r = validateIdNumber(id);
    expect(r).toMatchObject({ ok: false, code });
    if (!r.ok) {
      expect(r.zh).toContain('身份证');
      expect(r.en).toContain('ID number');
    }
  });

  it('rejects a birth date after today when today is given', () => {
    // Born 2026-07-01 with a correct check digit; plausible only after that day.
    const first17 = '13053420260701001';
    const id = first17 + idCheckCharacter(first17);
    expect(validateIdNumber(id, { today: '2026-06-30' })).toMatchObject({ ok: false, code: 'birth_date' });
    expect(validateIdNumber(id, { today: '2026-07-01' })).toEqual({ ok: true });
  });

  it('normalizes the way people type', () => {
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
  });
});
